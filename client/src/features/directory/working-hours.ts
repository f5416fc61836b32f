/** ISO weekday 1 (Monday) … 7 (Sunday) → its short name, e.g. "Mon" / "пн". 2024-01-01 was a Monday. */
export function weekdayName(day: number, uiLanguage: string, style: 'short' | 'long' = 'short'): string {
  return new Intl.DateTimeFormat(uiLanguage, { weekday: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, day)),
  );
}

/** [1,2,3,4,5,7] → "Mon–Fri, Sun": runs of consecutive days collapse into a range. */
export function dayRanges(days: readonly number[], uiLanguage: string): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const day of sorted) {
    const last = runs.at(-1);
    if (last && last.at(-1) === day - 1) last.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) => {
      const first = weekdayName(run[0] ?? 1, uiLanguage);
      return run.length > 2
        ? `${first}–${weekdayName(run.at(-1) ?? 7, uiLanguage)}`
        : run.map((d) => weekdayName(d, uiLanguage)).join(', ');
    })
    .join(', ');
}

export interface ZoneNow {
  /** ISO weekday 1–7 in that zone. */
  day: number;
  /** "HH:MM", 24-hour, in that zone. */
  time: string;
  /** e.g. "GMT+5" (the zone's offset now, daylight saving included). */
  offset: string;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** What the clock shows in `timeZone` at `now`; undefined for a zone this browser does not know. */
export function zoneNow(timeZone: string, now: Date): ZoneNow | undefined {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    }).formatToParts(now);
    const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
    return {
      day: WEEKDAYS.indexOf(part('weekday')) + 1,
      time: `${part('hour')}:${part('minute')}`,
      offset: part('timeZoneName'),
    };
  } catch {
    return undefined;
  }
}

/** Whether `at` (weekday and "HH:MM" in the entry's zone) falls within the hours; overnight hours (22:00–06:00) wrap. */
export function withinHours(hours: { days: readonly number[]; from: string; to: string }, at: ZoneNow): boolean {
  if (hours.from <= hours.to) return hours.days.includes(at.day) && at.time >= hours.from && at.time < hours.to;
  // After midnight the shift belongs to the day it started on.
  const yesterday = at.day === 1 ? 7 : at.day - 1;
  return (
    (hours.days.includes(at.day) && at.time >= hours.from) || (hours.days.includes(yesterday) && at.time < hours.to)
  );
}
