import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** An event of the calendar: calendar data in clear (titles, dates, venue), never exchange content. */
const EventSchema = new Schema(
  {
    kind: { type: String, required: true },
    // Nested texts: English and/or Russian.
    title: { en: { type: String }, ru: { type: String } },
    description: { en: { type: String }, ru: { type: String } },
    domains: { type: [String], required: true },
    hostState: { type: String, default: null },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    timeZone: { type: String, required: true },
    venue: { type: String, default: null },
    online: { type: Boolean, required: true },
    languages: { type: [String], default: [] },
    partners: { type: [String], default: [] },
    capacity: { type: Number, default: null },
    registrationDeadline: { type: Date, required: true },
    status: { type: String, required: true },
    sequence: { type: Number, required: true },
    seatsTaken: { type: Number, required: true },
    proposedBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
EventSchema.index({ startsAt: 1 });
EventSchema.index({ endsAt: 1 });
EventSchema.index({ hostState: 1, startsAt: 1 });
EventSchema.index({ registrationDeadline: 1 });

export interface EventDoc {
  _id: Types.ObjectId;
  kind: string;
  title: { en?: string | undefined; ru?: string | undefined };
  description?: { en?: string | undefined; ru?: string | undefined } | null;
  domains: string[];
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
  status: string;
  sequence: number;
  seatsTaken: number;
  proposedBy: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}
export type EventModel = Model<EventDoc>;
export const eventModel = (connection: Connection): EventModel =>
  connection.model<EventDoc>('CalendarEvent', EventSchema, 'events');

/** One registered participant: personal data, shown only to whom may see it (see the events module). */
const ParticipantSchema = new Schema(
  {
    eventId: { type: Schema.Types.ObjectId, required: true },
    state: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, default: null },
    name: { type: String, required: true },
    function: { type: String, default: null },
    personKey: { type: String, required: true },
    registeredBy: { type: Schema.Types.ObjectId, required: true },
    registeredAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// A person once per event, also when two admins register at the same moment.
ParticipantSchema.index({ eventId: 1, personKey: 1 }, { unique: true });
ParticipantSchema.index({ userId: 1 });

export interface ParticipantDoc {
  _id: Types.ObjectId;
  eventId: Types.ObjectId;
  state: string;
  userId: Types.ObjectId | null;
  name: string;
  function: string | null;
  personKey: string;
  registeredBy: Types.ObjectId;
  registeredAt: Date;
}
export type ParticipantModel = Model<ParticipantDoc>;
export const participantModel = (connection: Connection): ParticipantModel =>
  connection.model<ParticipantDoc>('EventParticipant', ParticipantSchema, 'event_participants');

/** A person's calendar feed: the hash of its secret token (the URL itself is shown once). */
const CalendarFeedSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    tokenHash: { type: String, required: true, unique: true },
    language: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export interface CalendarFeedDoc {
  _id: Types.ObjectId;
  tokenHash: string;
  language: string;
  createdAt: Date;
}
export type CalendarFeedModel = Model<CalendarFeedDoc>;
export const calendarFeedModel = (connection: Connection): CalendarFeedModel =>
  connection.model<CalendarFeedDoc>('CalendarFeed', CalendarFeedSchema, 'calendar_feeds');
