/** What the period arithmetic needs of a liveness schedule. */
export interface SchedulePeriods {
  /** The first run: the start of period 0. */
  firstRunAt: Date;
  /** Calendar months from one period's start to the next (1 monthly, 3 quarterly, 6 half-yearly, 12 yearly). */
  everyMonths: number;
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/**
 * Start of period `k`: the first run plus k × everyMonths calendar months, same time of day (UTC).
 * A day past the month's end is its last day (31 January monthly: 28 or 29 February, 31 March),
 * each counted from the first run, so periods never drift.
 */
export function periodStart(schedule: SchedulePeriods, k: number): Date {
  const first = schedule.firstRunAt;
  const months = first.getUTCMonth() + k * schedule.everyMonths;
  const year = first.getUTCFullYear() + Math.floor(months / 12);
  const month = ((months % 12) + 12) % 12;
  const day = Math.min(first.getUTCDate(), daysInMonth(year, month));
  return new Date(
    Date.UTC(
      year,
      month,
      day,
      first.getUTCHours(),
      first.getUTCMinutes(),
      first.getUTCSeconds(),
      first.getUTCMilliseconds(),
    ),
  );
}

/** Index of the latest period started at or before `now`; -1 before the first run. */
function currentIndex(schedule: SchedulePeriods, now: Date): number {
  const first = schedule.firstRunAt;
  if (now < first) return -1;
  const monthsSince = (now.getUTCFullYear() - first.getUTCFullYear()) * 12 + (now.getUTCMonth() - first.getUTCMonth());
  let k = Math.max(0, Math.floor(monthsSince / schedule.everyMonths));
  while (k > 0 && periodStart(schedule, k) > now) k--;
  while (periodStart(schedule, k + 1) <= now) k++;
  return k;
}

/** The start of the period `now` falls in; null before the first run. Computed from the schedule, never from the last run. */
export function currentPeriodStart(schedule: SchedulePeriods, now: Date): Date | null {
  const k = currentIndex(schedule, now);
  return k < 0 ? null : periodStart(schedule, k);
}

/** The next period start strictly after `now`. */
export function nextPeriodStart(schedule: SchedulePeriods, now: Date): Date {
  return periodStart(schedule, currentIndex(schedule, now) + 1);
}
