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
 * and prompts each in real time. Started by hand or by a schedule, it is the same check.
 */
export async function promptFocalPoints(
  deps: LivenessDeps,
  scope: CheckScope,
): Promise<LivenessCheck & { targets: number }> {
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
  const check = await deps.checks.create(
    {
      startedBy: scope.startedBy,
      scopeState: scope.state,
      scopeDomain: scope.domain,
      startedAt: now,
      deadline,
      schedule: scope.schedule,
      remindAt: scope.remindAfterMs === null ? null : new Date(now.getTime() + scope.remindAfterMs),
    },
    targets,
  );
  const perState = new Map<string, number>();
  for (const target of targets) perState.set(target.state, (perState.get(target.state) ?? 0) + 1);
  await deps.audit.append({
    type: 'liveness.check-started',
    actorId: scope.schedule ? null : scope.startedBy,
    state: scope.state,
    subjectId: check.id,
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
  for (const target of targets)
    deps.notifier.prompt(target.userId, {
      checkId: check.id,
      nonce: target.nonce,
      deadline: deadline.toISOString(),
    });
  return { ...check, targets: targets.length };
}
