import type { DigestSchedule, QuietHours } from '../../../shared/schemas/notifications.js';

const MINUTES_PER_DAY = 1440;

/** Minutes since local midnight in `zone` at `at`. */
export function localMinutes(at: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

const parseTime = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The first instant at or after `at` when the local clock in `zone` shows `minute`:00. Assumes
 * today's offset holds until then, so on a daylight-saving change it may be an hour off.
 */
export function nextLocalMinute(at: Date, zone: string, minute: number): Date {
  const intoMinute = at.getTime() % 60_000;
  const ahead = (minute - localMinutes(at, zone) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const candidate = at.getTime() - intoMinute + ahead * 60_000;
  return new Date(candidate < at.getTime() ? candidate + MINUTES_PER_DAY * 60_000 : candidate);
}

export function inQuietHours(at: Date, zone: string, quiet: QuietHours): boolean {
  const now = localMinutes(at, zone);
  const start = parseTime(quiet.start);
  const end = parseTime(quiet.end);
  // Quiet hours may run over midnight (22:00–07:00).
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** When quiet hours that hold at `at` end. */
export function quietHoursEnd(at: Date, zone: string, quiet: QuietHours): Date {
  return nextLocalMinute(at, zone, parseTime(quiet.end));
}

/** The next digest time strictly after `at`: the next full hour, or the chosen hour of the day. */
export function nextDigestTime(at: Date, zone: string, digest: DigestSchedule): Date {
  const minute = digest.every === 'hour' ? (Math.floor(localMinutes(at, zone) / 60) + 1) * 60 : digest.hour * 60;
  const next = nextLocalMinute(at, zone, minute % MINUTES_PER_DAY);
  return next.getTime() > at.getTime() ? next : new Date(next.getTime() + MINUTES_PER_DAY * 60_000);
}
