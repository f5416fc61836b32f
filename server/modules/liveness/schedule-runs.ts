import { createHash } from 'node:crypto';
import { currentPeriodStart, nextPeriodStart } from '../../../shared/liveness/schedule-periods.js';
import type { LivenessCheckStore, LivenessSchedule } from './ports.js';

/**
 * The period whose run is due at `now`, if any: the period `now` falls in, computed from the
 * schedule (a node down for several periods runs the latest once, not each missed one). A period
 * that began before the schedule was set or changed is not run, except its first run (a first
 * date that passed while the network decided, or that an admin set in the past).
 */
export function duePeriod(schedule: LivenessSchedule, now: Date): Date | null {
  const start = currentPeriodStart(schedule, now);
  if (!start) return null;
  if (start < schedule.setAt && start.getTime() !== schedule.firstRunAt.getTime()) return null;
  return start;
}

/** When the schedule runs next: a due period not run yet (the next sweep starts it), else the next period's start. */
export async function nextRunAt(checks: LivenessCheckStore, schedule: LivenessSchedule, now: Date): Promise<Date> {
  const due = duePeriod(schedule, now);
  if (due && !(await checks.ofPeriod(schedule.key, due))) return due;
  return nextPeriodStart(schedule, now);
}

/** The id of a schedule's run for one period (24 hex digits): the same on every node, so the run is stored once. */
export function scheduledRunId(scheduleKey: string, periodStart: Date): string {
  return createHash('sha256')
    .update(`liveness-schedule:${scheduleKey}:${periodStart.toISOString()}`)
    .digest('hex')
    .slice(0, 24);
}
