import type { UiLanguage } from '../../lib/format-time';

/** A listing's day (YYYY-MM-DD) written out, "30 November 2026": the day itself, whatever the browser's time zone. */
export function listingDay(day: string, language: UiLanguage): string {
  const at = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return day;
  return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    at,
  );
}
