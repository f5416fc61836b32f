/**
 * Dates and times in the person's language, the one way the web client writes them: always with
 * the year (a record is read long after), 24-hour in Russian, and relative to now where a clock
 * matters (deadlines).
 */
export type UiLanguage = 'en' | 'ru';

const LOCALES: Record<UiLanguage, string> = { en: 'en-US', ru: 'ru-RU' };

function toDate(at: string | Date | number): Date {
  return at instanceof Date ? at : new Date(at);
}

/** "Dec 6, 2026, 3:04 PM" / "6 дек. 2026 г., 15:04"; with `seconds` for the audit trail. */
export function formatDateTime(
  at: string | Date | number,
  language: UiLanguage,
  options: { seconds?: boolean } = {},
): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: options.seconds ? 'medium' : 'short',
    ...(language === 'ru' ? { hourCycle: 'h23' as const } : {}),
  }).format(toDate(at));
}

/** "Dec 6, 2026" / "6 дек. 2026 г.". */
export function formatDay(at: string | Date | number, language: UiLanguage): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium' }).format(toDate(at));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "in 3 hours" / "2 hours ago" ("через 3 часа" / "2 часа назад"): the largest unit that is at
 * least one, rounded toward now so a deadline never reads later than it is.
 */
export function formatRelative(at: string | Date | number, now: number, language: UiLanguage): string {
  const diff = toDate(at).getTime() - now;
  const size = Math.abs(diff);
  const [unit, ms]: [Intl.RelativeTimeFormatUnit, number] =
    size >= 2 * DAY ? ['day', DAY] : size >= HOUR ? ['hour', HOUR] : ['minute', MINUTE];
  const amount = Math.floor(size / ms) * Math.sign(diff);
  return new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'auto' }).format(amount === 0 ? 0 : amount, unit);
}
