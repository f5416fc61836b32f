import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { EventLanguage } from '../../../shared/schemas/events.js';
import { CALENDAR_WORDS } from './calendar-words.js';
import type { CalendarEvent } from './ports.js';

const inLanguage = (text: { en?: string | undefined; ru?: string | undefined }, language: EventLanguage): string =>
  text[language] ?? text.en ?? text.ru ?? '';

function describe(event: CalendarEvent, language: EventLanguage): string {
  const words = CALENDAR_WORDS[language];
  const registrationUntil = DateTime.fromJSDate(event.registrationDeadline)
    .setZone(event.timeZone)
    .setLocale(language)
    .toLocaleString(DateTime.DATETIME_MED);
  const lines = [
    `${words.kinds[event.kind]} · ${words.host}: ${event.hostState ?? words.secretariat}`,
    `${words.domains}: ${event.domains.join(', ')}`,
    ...(event.languages.length > 0 ? [`${words.languages}: ${event.languages.join(', ')}`] : []),
    ...(event.partners.length > 0 ? [`${words.partners}: ${event.partners.join(', ')}`] : []),
    `${words.registrationUntil}: ${registrationUntil}`,
    ...(event.description ? ['', inLanguage(event.description, language)] : []),
  ];
  return lines.join('\n');
}

/**
 * An iCalendar file of `events`, words in `language`. Times carry the event's zone (TZID, with
 * its VTIMEZONE); SEQUENCE follows each change, and a cancelled event stays in with
 * STATUS:CANCELLED so calendar apps remove their copy.
 */
export function calendarIcs(events: CalendarEvent[], language: EventLanguage, origin: string): string {
  const words = CALENDAR_WORDS[language];
  const calendar = ical({
    name: words.calendarName,
    prodId: { company: 'FocalNet', product: 'events', language: language.toUpperCase() },
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  const host = new URL(origin).hostname || 'focalnet';
  for (const event of events) {
    const location = [event.venue, event.online ? words.online : null].filter(Boolean).join(' · ');
    calendar.createEvent({
      id: `${event.id}@${host}`,
      sequence: event.sequence,
      stamp: event.updatedAt,
      start: DateTime.fromJSDate(event.startsAt).setZone(event.timeZone),
      end: DateTime.fromJSDate(event.endsAt).setZone(event.timeZone),
      timezone: event.timeZone,
      summary: `${event.status === 'cancelled' ? `${words.cancelled}: ` : ''}${inLanguage(event.title, language)}`,
      description: describe(event, language),
      ...(location ? { location } : {}),
      url: `${origin}/events/${event.id}`,
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
