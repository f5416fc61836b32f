import type { LivenessSchedule } from './ports.js';
import type { LivenessDeps } from './liveness-deps.js';
import { promptFocalPoints } from './prompt-focal-points.js';
import { duePeriod } from './schedule-runs.js';

export const LIVENESS_SCHEDULE_SWEEP_INTERVAL_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A run claimed this long ago without a check to show for it lost its node: the next attempt is claimed. */
const RETRY_AFTER_MS = 5 * 60_000;
const REMINDER_BATCH = 100;

/**
 * One node starts each period's run: the first claim on (schedule, period) wins. Should its node
 * die before creating the check, attempt n is claimed n × 5 minutes after that claim. Nodes whose
 * clocks disagree by more than that may both try; the check's id, derived from (schedule,
 * period), still lets only one create it, audit it and prompt.
 */
async function claimRun(deps: LivenessDeps, schedule: LivenessSchedule, period: Date, now: Date): Promise<boolean> {
  const key = `liveness-schedule:${schedule.key}:${period.toISOString()}`;
  if (await deps.claims.claim(key, now)) return true;
  const claimedAt = await deps.claims.claimedAt(key);
  if (!claimedAt || now.getTime() - claimedAt.getTime() < RETRY_AFTER_MS) return false;
  if (await deps.checks.ofPeriod(schedule.key, period)) return false;
  const attempt = Math.floor((now.getTime() - claimedAt.getTime()) / RETRY_AFTER_MS);
  return deps.claims.claim(`${key}:attempt:${attempt}`, now);
}

async function run(deps: LivenessDeps, schedule: LivenessSchedule, period: Date): Promise<boolean> {
  const windowMs = schedule.answerHours * HOUR_MS;
  const check = await promptFocalPoints(deps, {
    startedBy: schedule.setBy,
    state: schedule.state,
    domain: null,
    // The full window from the prompt, also when a node catches up late in the period.
    answerMs: windowMs,
    schedule: { key: schedule.key, periodStart: period },
    remindAfterMs: windowMs / 2,
  });
  return check !== undefined;
}

/** Half-way through a scheduled check, whoever has not answered is prompted again: once per person (claimed). */
async function remindUnanswered(deps: LivenessDeps, now: Date): Promise<number> {
  let reminded = 0;
  const due = await deps.checks.remindersDue(now, REMINDER_BATCH);
  // Only active focal points (the directory holds no one else): a person suspended since is not reminded.
  const active = due.length > 0 ? (await deps.index.snapshot()).byUserId : new Map();
  for (const check of due) {
    for (const target of await deps.checks.targetsOf(check.id)) {
      if (target.answeredAt || !active.has(target.userId)) continue;
      const claimed = await deps.claims.claim(
        `liveness-reminder:${check.id}:${target.userId}`,
        now,
        new Date(check.deadline.getTime() + DAY_MS),
      );
      if (!claimed) continue;
      deps.notifier.prompt(target.userId, {
        checkId: check.id,
        nonce: target.nonce,
        deadline: check.deadline.toISOString(),
        reminder: true,
      });
      reminded++;
    }
    await deps.checks.remindersDone(check.id);
  }
  return reminded;
}

/**
 * Background sweep on every node: starts each schedule's due run exactly once per period (the
 * network's prompts every state's active focal points, a state's only its own), then reminds the
 * unanswered of running scheduled checks.
 */
export async function sweepLivenessSchedules(deps: LivenessDeps): Promise<{ started: number; reminded: number }> {
  const now = deps.clock.now();
  let started = 0;
  for (const schedule of await deps.schedules.all()) {
    const period = duePeriod(schedule, now);
    if (!period || (await deps.checks.ofPeriod(schedule.key, period))) continue;
    if (!(await claimRun(deps, schedule, period, now))) continue;
    if (await run(deps, schedule, period)) started++;
  }
  return { started, reminded: await remindUnanswered(deps, now) };
}
