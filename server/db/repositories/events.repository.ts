import { Types, type QueryFilter } from 'mongoose';
import type { EventKind, EventStatus } from '../../../shared/schemas/events.js';
import type { CalendarEvent, EventFields, EventStore } from '../../modules/events/ports.js';
import type { EventDoc, EventModel } from '../models/event.model.js';

const texts = (value: { en?: string | null | undefined; ru?: string | null | undefined } | null | undefined) => {
  const out: { en?: string; ru?: string } = {};
  if (value?.en) out.en = value.en;
  if (value?.ru) out.ru = value.ru;
  return out;
};

export class EventsRepository implements EventStore {
  constructor(private readonly model: EventModel) {}

  async create(fields: EventFields, by: string, at: Date): Promise<CalendarEvent> {
    const doc = await this.model.create({
      ...toDocFields(fields),
      status: 'scheduled',
      sequence: 0,
      seatsTaken: 0,
      proposedBy: new Types.ObjectId(by),
      createdAt: at,
      updatedAt: at,
    });
    return toEvent(doc.toObject());
  }

  async find(id: string): Promise<CalendarEvent | undefined> {
    if (!Types.ObjectId.isValid(id)) return undefined;
    const doc = await this.model.findById(id).lean();
    return doc ? toEvent(doc) : undefined;
  }

  async list(filter: {
    from?: Date;
    before?: Date;
    domain?: string;
    kind?: EventKind;
    ids?: string[];
    domainsAny?: string[];
  }): Promise<CalendarEvent[]> {
    const query: QueryFilter<EventDoc> = {};
    if (filter.from) query.endsAt = { $gte: filter.from };
    if (filter.before) query.endsAt = { $lt: filter.before };
    if (filter.domain) query.domains = filter.domain;
    if (filter.domainsAny) query.domains = { $in: filter.domainsAny };
    if (filter.kind) query.kind = filter.kind;
    if (filter.ids) query._id = { $in: filter.ids.map((id) => new Types.ObjectId(id)) };
    return (await this.model.find(query).sort({ startsAt: 1 }).lean()).map(toEvent);
  }

  async overlapping(hostState: string | null, startsAt: Date, endsAt: Date, except?: string): Promise<CalendarEvent[]> {
    const docs = await this.model
      .find({
        hostState,
        status: 'scheduled',
        startsAt: { $lt: endsAt },
        endsAt: { $gt: startsAt },
        ...(except ? { _id: { $ne: new Types.ObjectId(except) } } : {}),
      })
      .sort({ startsAt: 1 })
      .lean();
    return docs.map(toEvent);
  }

  async update(id: string, sequence: number, fields: EventFields, at: Date): Promise<CalendarEvent | undefined> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: new Types.ObjectId(id), sequence, status: 'scheduled' },
        { $set: { ...toDocFields(fields), updatedAt: at }, $inc: { sequence: 1 } },
        { returnDocument: 'after' },
      )
      .lean();
    return doc ? toEvent(doc) : undefined;
  }

  async cancel(id: string, at: Date): Promise<CalendarEvent | undefined> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: new Types.ObjectId(id), status: 'scheduled' },
        { $set: { status: 'cancelled', updatedAt: at }, $inc: { sequence: 1 } },
        { returnDocument: 'after' },
      )
      .lean();
    return doc ? toEvent(doc) : undefined;
  }

  async reserveSeats(id: string, seats: number): Promise<boolean> {
    const current = await this.model.findById(id, { capacity: 1 }).lean();
    if (!current) return false;
    // One conditional update: the capacity read must still hold and leave room, or nothing changes.
    const room =
      current.capacity === null
        ? { capacity: null }
        : { capacity: current.capacity, seatsTaken: { $lte: current.capacity - seats } };
    const result = await this.model.updateOne(
      { _id: new Types.ObjectId(id), status: 'scheduled', ...room },
      { $inc: { seatsTaken: seats } },
    );
    return result.modifiedCount === 1;
  }

  async releaseSeats(id: string, seats: number): Promise<void> {
    await this.model.updateOne({ _id: new Types.ObjectId(id) }, { $inc: { seatsTaken: -seats } });
  }

  async upcomingBetween(field: 'registrationDeadline' | 'startsAt', from: Date, to: Date): Promise<CalendarEvent[]> {
    const docs = await this.model.find({ status: 'scheduled', [field]: { $gte: from, $lt: to } }).lean();
    return docs.map(toEvent);
  }
}

function toDocFields(
  fields: EventFields,
): Omit<EventDoc, '_id' | 'status' | 'sequence' | 'seatsTaken' | 'proposedBy' | 'createdAt' | 'updatedAt'> {
  return { ...fields, description: fields.description ?? null };
}

function toEvent(doc: EventDoc): CalendarEvent {
  const description = texts(doc.description);
  return {
    id: doc._id.toHexString(),
    kind: doc.kind as EventKind,
    title: texts(doc.title),
    description: description.en || description.ru ? description : null,
    domains: doc.domains,
    hostState: doc.hostState ?? null,
    startsAt: doc.startsAt,
    endsAt: doc.endsAt,
    timeZone: doc.timeZone,
    venue: doc.venue ?? null,
    online: doc.online,
    languages: doc.languages ?? [],
    partners: doc.partners ?? [],
    capacity: doc.capacity ?? null,
    registrationDeadline: doc.registrationDeadline,
    status: doc.status as EventStatus,
    sequence: doc.sequence,
    seatsTaken: doc.seatsTaken,
    proposedBy: doc.proposedBy.toHexString(),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}
