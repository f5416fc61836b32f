import type {
  EventDescription,
  EventKind,
  EventLanguage,
  EventStatus,
  EventTitle,
} from '../../../shared/schemas/events.js';

/** One event of the calendar, as stored (calendar data in clear; never exchange content). */
export interface CalendarEvent {
  id: string;
  kind: EventKind;
  title: EventTitle;
  description: EventDescription | null;
  domains: string[];
  /** null: organised by the secretariat. */
  hostState: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venue: string | null;
  online: boolean;
  languages: string[];
  partners: string[];
  capacity: number | null;
  registrationDeadline: Date;
  status: EventStatus;
  sequence: number;
  /** Seats taken by registered participants: reserved atomically, so concurrent registrations never exceed capacity. */
  seatsTaken: number;
  proposedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export type EventFields = Omit<
  CalendarEvent,
  'id' | 'status' | 'sequence' | 'seatsTaken' | 'proposedBy' | 'createdAt' | 'updatedAt'
>;

export interface Participant {
  id: string;
  eventId: string;
  state: string;
  userId: string | null;
  name: string;
  function: string | null;
  /** What makes a person unique within an event: `user:<id>`, or `name:<state>:<name folded>`. */
  personKey: string;
  registeredBy: string;
  registeredAt: Date;
}

export type NewParticipant = Omit<Participant, 'id'>;

export interface EventStore {
  create(fields: EventFields, by: string, at: Date): Promise<CalendarEvent>;
  find(id: string): Promise<CalendarEvent | undefined>;
  list(filter: {
    from?: Date;
    before?: Date;
    domain?: string;
    kind?: EventKind;
    ids?: string[];
    domainsAny?: string[];
  }): Promise<CalendarEvent[]>;
  /** The host's scheduled events overlapping [startsAt, endsAt), other than `except`. */
  overlapping(hostState: string | null, startsAt: Date, endsAt: Date, except?: string): Promise<CalendarEvent[]>;
  /** Replaces the fields and raises the sequence, if still at `sequence` (else undefined: edited meanwhile). */
  update(id: string, sequence: number, fields: EventFields, at: Date): Promise<CalendarEvent | undefined>;
  cancel(id: string, at: Date): Promise<CalendarEvent | undefined>;
  /** Takes `seats` seats if the event is scheduled and has room for them; false otherwise. */
  reserveSeats(id: string, seats: number): Promise<boolean>;
  releaseSeats(id: string, seats: number): Promise<void>;
  /** Scheduled events whose registration deadline or start lies in [from, to). */
  upcomingBetween(field: 'registrationDeadline' | 'startsAt', from: Date, to: Date): Promise<CalendarEvent[]>;
}

export interface ParticipantStore {
  ofEvent(eventId: string): Promise<Participant[]>;
  ofEvents(eventIds: string[]): Promise<Participant[]>;
  eventIdsOfUser(userId: string): Promise<string[]>;
  /** Inserts all or none: a person already registered leaves nothing behind (`duplicate` names them). */
  addAll(
    participants: NewParticipant[],
  ): Promise<{ ok: true; added: Participant[] } | { ok: false; duplicate: string }>;
  remove(eventId: string, participantId: string): Promise<Participant | undefined>;
}

export interface CalendarFeed {
  userId: string;
  tokenHash: string;
  language: EventLanguage;
  createdAt: Date;
}

export interface CalendarFeedStore {
  ofUser(userId: string): Promise<CalendarFeed | undefined>;
  byTokenHash(tokenHash: string): Promise<CalendarFeed | undefined>;
  /** Replaces the person's feed: the previous token stops working. */
  put(feed: CalendarFeed): Promise<void>;
  remove(userId: string): Promise<boolean>;
}
