import { randomBytes } from 'node:crypto';
import type { LivenessCheck } from './ports.js';
import type { LivenessDeps } from './liveness-deps.js';

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

/**
 * Creates a check over every active focal point in scope (with a domain: those in it), audits it
 * and prompts each in real time. Started by hand or by a schedule, it is the same check; a
 * schedule's run for a period is created once, and undefined is answered to the node that finds
 * it created already.
 */
export async function promptFocalPoints(
  deps: LivenessDeps,
  scope: CheckScope,
): Promise<(LivenessCheck & { targets: number }) | undefined> {
  const directory = await deps.index.snapshot();
  const now = deps.clock.now();
  const deadline = new Date(now.getTime() + scope.answerMs);
  const people = directory.records.filter(
    (r) =>
      (scope.state === null || r.user.state === scope.state) &&
      (scope.domain ? r.domains.includes(scope.domain) : r.domains.length > 0),
  );
  const targets = people.map((r) => ({
    userId: r.user.id,
    state: r.user.state ?? '',
    nonce: randomBytes(32).toString('base64url'),
    promptedAt: now,
    deadline,
  }));
  const fields = {
    startedBy: scope.startedBy,
    scopeState: scope.state,
    scopeDomain: scope.domain,
    startedAt: now,
    deadline,
    remindAt: scope.remindAfterMs === null ? null : new Date(now.getTime() + scope.remindAfterMs),
  };
  const check = scope.schedule
    ? await deps.checks.createScheduled({ ...fields, schedule: scope.schedule }, targets)
    : await deps.checks.create({ ...fields, schedule: null }, targets);
  if (!check) return undefined; // another node started this period's run
  // A scheduled run repeated after a node died keeps the targets (and nonces) stored first.
  const prompted = scope.schedule ? await deps.checks.targetsOf(check.id) : targets;
  const perState = new Map<string, number>();
  for (const target of prompted) perState.set(target.state, (perState.get(target.state) ?? 0) + 1);
  await deps.audit.append({
    type: 'liveness.check-started',
    actorId: scope.schedule ? null : scope.startedBy,
    state: scope.state,
    subjectId: check.id,
    data: {
      targets: prompted.length,
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
  for (const target of prompted)
    deps.notifier.prompt(target.userId, {
      checkId: check.id,
      nonce: target.nonce,
      deadline: target.deadline.toISOString(),
    });
  return { ...check, targets: prompted.length };
}
