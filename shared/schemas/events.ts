import { z } from 'zod';
import { Id } from './accounts.js';
import { DomainCode, MAX_DOMAINS, StateCode } from './labels.js';

/** What the action plan's activities are: seminars, meetings (e.g. the Chiefs of Police), trainings, experts' meetings. */
export const EVENT_KINDS = ['seminar', 'meeting', 'training', 'experts-meeting'] as const;
export const EventKind = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKind>;

export const EVENT_LANGUAGES = ['en', 'ru'] as const;
export const EventLanguage = z.enum(EVENT_LANGUAGES);
export type EventLanguage = z.infer<typeof EventLanguage>;

/** A text in English and/or Russian: at least one of the two. */
const texts = (max: number) =>
  z
    .object({ en: z.string().trim().min(1).max(max).optional(), ru: z.string().trim().min(1).max(max).optional() })
    .strict()
    .refine((text) => text.en !== undefined || text.ru !== undefined, 'give the text in English, Russian or both');
export const EventTitle = texts(200);
export type EventTitle = z.infer<typeof EventTitle>;
export const EventDescription = texts(10_000);
export type EventDescription = z.infer<typeof EventDescription>;

/**
 * An event of the calendar as proposed or edited. Calendar data, stored in clear: never exchange
 * content. Times are instants (UTC); `timeZone` is the IANA zone they are shown in at the venue.
 */
export const EventInput = z
  .object({
    kind: EventKind,
    title: EventTitle,
    description: EventDescription.optional(),
    domains: z.array(DomainCode).min(1).max(MAX_DOMAINS),
    /** The host state; null: the secretariat organises it (only the secretariat may propose that). */
    hostState: StateCode.nullable(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    timeZone: z.string().min(1).max(64),
    /** Where it takes place (free text), or null when online only. */
    venue: z.string().trim().min(1).max(300).nullable(),
    online: z.boolean(),
    /** Working languages (free codes such as "en", "ru", "zh"). */
    languages: z.array(z.string().trim().min(2).max(20)).max(10),
    /** Partner organisations, e.g. UNODC, OSCE. */
    partners: z.array(z.string().trim().min(1).max(100)).max(20),
    /** Participants in total; null: no limit. */
    capacity: z.number().int().min(1).max(10_000).nullable(),
    registrationDeadline: z.iso.datetime(),
  })
  .strict();
export type EventInput = z.infer<typeof EventInput>;

export const EventStatus = z.enum(['scheduled', 'cancelled']);
export type EventStatus = z.infer<typeof EventStatus>;

/** A participant a national admin registers: a focal point of their state, or another official by name. */
export const ParticipantInput = z.union([
  z.object({ userId: Id }).strict(),
  z.object({ name: z.string().trim().min(2).max(120), function: z.string().trim().min(2).max(120) }).strict(),
]);
export type ParticipantInput = z.infer<typeof ParticipantInput>;

export const RegistrationInput = z
  .object({ state: StateCode, participants: z.array(ParticipantInput).min(1).max(100) })
  .strict();
export type RegistrationInput = z.infer<typeof RegistrationInput>;

/** Personal data: shown only to the participant's own state's admins, the host state's admins and the secretariat. */
export const ParticipantView = z.object({
  id: Id,
  state: StateCode,
  /** The focal point's account; null for an official registered by name. */
  userId: Id.nullable(),
  name: z.string(),
  function: z.string().nullable(),
  registeredAt: z.iso.datetime(),
});
export type ParticipantView = z.infer<typeof ParticipantView>;

export const EventView = EventInput.extend({
  id: Id,
  status: EventStatus,
  /** iCalendar SEQUENCE: raised by every change, so calendar apps replace their copy. */
  sequence: z.number().int().min(0),
  proposedBy: Id,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Participants registered per state: what every reader may see. */
  registeredByState: z.array(z.object({ state: StateCode, count: z.number().int().min(1) })),
  registeredTotal: z.number().int().min(0),
  /** The names the reader may see (their own state's; all for the host's admins and the secretariat). */
  participants: z.array(ParticipantView),
  /** Whether the reader may edit or cancel it. */
  mayManage: z.boolean(),
});
export type EventView = z.infer<typeof EventView>;

export const EventListQuery = z
  .object({
    when: z.enum(['upcoming', 'past']).default('upcoming'),
    domain: DomainCode.optional(),
    kind: EventKind.optional(),
  })
  .strict();
export type EventListQuery = z.infer<typeof EventListQuery>;

export const EventList = z.object({ events: z.array(EventView) });
export type EventList = z.infer<typeof EventList>;

/** A personal calendar feed: the URL holds a secret token, since calendar apps cannot send a session. */
export const CalendarFeedInput = z.object({ language: EventLanguage }).strict();
export type CalendarFeedInput = z.infer<typeof CalendarFeedInput>;

export const CalendarFeedView = z.object({
  active: z.boolean(),
  language: EventLanguage.nullable(),
  createdAt: z.iso.datetime().nullable(),
  /** The feed's URL: given only once, when the feed is created (the server keeps only a hash of its token). */
  url: z.string().optional(),
});
export type CalendarFeedView = z.infer<typeof CalendarFeedView>;
