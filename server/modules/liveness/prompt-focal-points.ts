import { randomBytes } from 'node:crypto';
import type { LivenessCheck, LivenessTarget } from './ports.js';
import type { LivenessDeps } from './liveness-deps.js';
import { scheduledRunId } from './schedule-runs.js';

export interface CheckScope {
  /** Who started it: the admin, or for a scheduled run whoever set the schedule. */
  startedBy: string;
  /** null: every state. */
  state: string | null;
  domain: string | null;
  /** From the prompt to the deadline. */
  answerMs: number;
  schedule: LivenessCheck['schedule'];
  /** From the prompt to reminding the unanswered; null: no reminder. */
  remindAfterMs: number | null;
}

type NewTarget = Omit<LivenessTarget, 'checkId' | 'answeredAt'>;

/** Every active focal point in scope (with a domain: those in it), each with a fresh nonce. */
async function targetsInScope(deps: LivenessDeps, scope: CheckScope, now: Date, deadline: Date): Promise<NewTarget[]> {
  const directory = await deps.index.snapshot();
  return directory.records
    .filter(
      (r) =>
        (scope.state === null || r.user.state === scope.state) &&
        (scope.domain ? r.domains.includes(scope.domain) : r.domains.length > 0),
    )
    .map((r) => ({
      userId: r.user.id,
      state: r.user.state ?? '',
      nonce: randomBytes(32).toString('base64url'),
      promptedAt: now,
      deadline,
    }));
}

async function auditStart(
  deps: LivenessDeps,
  scope: CheckScope,
  checkId: string,
  targets: NewTarget[],
  deadline: Date,
) {
  const perState = new Map<string, number>();
  for (const target of targets) perState.set(target.state, (perState.get(target.state) ?? 0) + 1);
  await deps.audit.append({
    type: 'liveness.check-started',
    actorId: scope.schedule ? null : scope.startedBy,
    state: scope.state,
    subjectId: checkId,
    data: {
      targets: targets.length,
      domain: scope.domain,
      deadline: deadline.toISOString(),
      scheduled: scope.schedule !== null,
      // "KZ:3": the review counts a network-wide check for each state it prompted.
      perState: [...perState].map(([state, count]) => `${state}:${count}`),
      ...(scope.schedule
        ? { schedule: scope.schedule.key, periodStart: scope.schedule.periodStart.toISOString() }
        : {}),
    },
  });
}

function prompt(deps: LivenessDeps, checkId: string, targets: NewTarget[]): void {
  for (const target of targets)
    deps.notifier.prompt(target.userId, { checkId, nonce: target.nonce, deadline: target.deadline.toISOString() });
}

/**
 * Creates a check over every active focal point in scope, audits it and prompts each in real
 * time. Started by hand or by a schedule, it is the same check; a schedule's run for a period is
 * stored once (its id follows from the period), and the node that finds it stored gets undefined.
 */
export async function promptFocalPoints(
  deps: LivenessDeps,
  scope: CheckScope,
): Promise<(LivenessCheck & { targets: number }) | undefined> {
  const now = deps.clock.now();
  const deadline = new Date(now.getTime() + scope.answerMs);
  const targets = await targetsInScope(deps, scope, now, deadline);
  const fields = {
    startedBy: scope.startedBy,
    scopeState: scope.state,
    scopeDomain: scope.domain,
    startedAt: now,
    deadline,
    schedule: scope.schedule,
    remindAt: scope.remindAfterMs === null ? null : new Date(now.getTime() + scope.remindAfterMs),
  };
  if (!scope.schedule) {
    const check = await deps.checks.create(fields, targets);
    await auditStart(deps, scope, check.id, targets, deadline);
    prompt(deps, check.id, targets);
    return { ...check, targets: targets.length };
  }
  const id = scheduledRunId(scope.schedule.key, scope.schedule.periodStart);
  await deps.checks.addScheduledTargets(id, targets);
  // A run repeated after a node died keeps the targets (and nonces) stored first.
  const stored = await deps.checks.targetsOf(id);
  // Audited before the run is stored: a node dying in between leaves a run that is retried (the
  // review counts a check once), never a stored run without its audit entry.
  await auditStart(deps, scope, id, stored, deadline);
  if (!(await deps.checks.createScheduled(id, fields))) return undefined;
  prompt(deps, id, stored);
  return { ...fields, id, targets: stored.length };
}
