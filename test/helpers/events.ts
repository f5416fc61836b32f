import ical from 'node-ical';
import type { EventInput } from '../../shared/schemas/events.js';

const DAY_MS = 86_400_000;

/** A seminar hosted by `hostState`, `inDays` days from `now`, two days long, registration closing two days before. */
export function seminar(
  now: Date,
  hostState: string | null,
  overrides: Partial<EventInput> = {},
  inDays = 10,
): EventInput {
  // Whole minutes, as people schedule them (iCalendar times have no fractions of a second).
  const start = new Date(Math.floor((now.getTime() + inDays * DAY_MS) / 60_000) * 60_000);
  return {
    kind: 'seminar',
    title: { en: 'Seminar on document fraud', ru: 'Семинар по подделке документов' },
    description: { en: 'Agenda: day one, day two.', ru: 'Повестка: первый день, второй день.' },
    domains: ['border'],
    hostState,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * DAY_MS).toISOString(),
    timeZone: 'Asia/Almaty',
    venue: 'Almaty, Hotel Kazakhstan',
    online: true,
    languages: ['en', 'ru'],
    partners: ['UNODC', 'OSCE'],
    capacity: 2,
    registrationDeadline: new Date(start.getTime() - 2 * DAY_MS).toISOString(),
    ...overrides,
  };
}

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  sequence: number;
  status: string | undefined;
  start: Date & { tz?: string };
  end: Date & { tz?: string };
  location: string | undefined;
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : value && typeof value === 'object' && 'val' in value ? String(value.val) : '';

/** The VEVENTs of an iCalendar text, parsed back by node-ical (an independent parser). */
export function parseEvents(ics: string): ParsedEvent[] {
  const parsed = ical.sync.parseICS(ics);
  return Object.values(parsed)
    .filter((component) => component?.type === 'VEVENT')
    .map((component) => {
      const event = component as unknown as Record<string, unknown>;
      return {
        uid: String(event.uid),
        summary: text(event.summary),
        description: text(event.description),
        sequence: Number(event.sequence ?? 0),
        status: event.status as string | undefined,
        start: event.start as Date & { tz?: string },
        end: event.end as Date & { tz?: string },
        location: event.location === undefined ? undefined : text(event.location),
      };
    });
}
