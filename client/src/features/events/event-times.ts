import { DateTime } from 'luxon';

const LOCALES = { en: 'en-GB', ru: 'ru-RU' } as const;

/** The viewer's own zone, as the browser knows it. */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The zone's short name at `at` ("GMT+5", "MSK"): dateStyle cannot be combined with timeZoneName. */
function zoneName(at: string, zone: string, language: 'en' | 'ru'): string {
  return (
    new Intl.DateTimeFormat(LOCALES[language], { timeZone: zone, timeZoneName: 'short' })
      .formatToParts(new Date(at))
      .find((part) => part.type === 'timeZoneName')?.value ?? zone
  );
}

const dateTime = (zone: string, language: 'en' | 'ru') =>
  new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: zone,
  });

/** "10 Mar 2027, 09:00 – 12 Mar 2027, 17:00 (GMT+5)" in `zone`. */
export function formatSpan(startsAt: string, endsAt: string, zone: string, language: 'en' | 'ru'): string {
  const span = dateTime(zone, language).formatRange(new Date(startsAt), new Date(endsAt));
  return `${span} (${zoneName(startsAt, zone, language)})`;
}

export function formatAt(at: string, zone: string, language: 'en' | 'ru'): string {
  return `${dateTime(zone, language).format(new Date(at))} (${zoneName(at, zone, language)})`;
}

/** An instant as the value of a datetime-local input in `zone` ("2027-03-10T09:00"). */
export function toLocalInput(at: string, zone: string): string {
  return DateTime.fromISO(at).setZone(zone).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** A datetime-local value read in `zone`, as an instant (undefined when either is not valid). */
export function fromLocalInput(local: string, zone: string): string | undefined {
  const at = DateTime.fromISO(local, { zone });
  return at.isValid ? (at.toUTC().toISO({ suppressMilliseconds: true }) ?? undefined) : undefined;
}
