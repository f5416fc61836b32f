import { DateTime } from 'luxon';

const LOCALES = { en: 'en-GB', ru: 'ru-RU' } as const;

/** The viewer's own zone, as the browser knows it. */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "10 Mar 2027, 09:00 – 12 Mar 2027, 17:00" in `zone`, with the zone's short name. */
export function formatSpan(startsAt: string, endsAt: string, zone: string, language: 'en' | 'ru'): string {
  const format = new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: zone,
  });
  const zoneName =
    new Intl.DateTimeFormat(LOCALES[language], { timeZone: zone, timeZoneName: 'short' })
      .formatToParts(new Date(startsAt))
      .find((part) => part.type === 'timeZoneName')?.value ?? zone;
  return `${format.formatRange(new Date(startsAt), new Date(endsAt))} (${zoneName})`;
}

export function formatAt(at: string, zone: string, language: 'en' | 'ru'): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(new Date(at));
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
