import { isValidObjectId, Types } from 'mongoose';
import type { CentreInput, TrainingStatus } from '../../../shared/schemas/training.js';
import type {
  Centre,
  CentreFilter,
  CentreStore,
  TrainingRequest,
  TrainingRequestStore,
  TrainingStep,
} from '../../modules/training/ports.js';
import type { CentreDoc, CentreModel, TrainingRequestDoc, TrainingRequestModel } from '../models/training.model.js';

const oid = (id: string | null): Types.ObjectId | null => (id ? new Types.ObjectId(id) : null);
const hex = (id: Types.ObjectId | null): string | null => (id ? id.toHexString() : null);
const described = (input: CentreInput): Omit<CentreDoc, '_id' | 'createdAt' | 'updatedAt' | 'lastConfirmedAt'> => ({
  ...input,
  name: input.name.ru ? { en: input.name.en, ru: input.name.ru } : { en: input.name.en },
  contact: input.contact,
  subjectKeys: input.subjects.map((subject) => subject.toLowerCase()),
});

export class CentresRepository implements CentreStore {
  constructor(private readonly model: CentreModel) {}

  async create(centre: Omit<Centre, 'id'>): Promise<Centre> {
    const { createdAt, updatedAt, lastConfirmedAt, ...input } = centre;
    const fields: Omit<CentreDoc, '_id'> = { ...described(input), createdAt, updatedAt, lastConfirmedAt };
    const doc = await this.model.create(fields);
    return toCentre(doc.toObject());
  }

  async find(id: string): Promise<Centre | undefined> {
    if (!isValidObjectId(id)) return undefined;
    const doc = await this.model.findById(id).lean();
    return doc ? toCentre(doc) : undefined;
  }

  async list(filter: CentreFilter): Promise<Centre[]> {
    const query: Record<string, unknown> = {};
    if (filter.state) query.state = filter.state;
    if (filter.domain) query.domains = filter.domain;
    if (filter.language) query.languages = filter.language;
    if (filter.subject) query.subjectKeys = filter.subject.toLowerCase();
    const docs = await this.model.find(query).sort({ state: 1, _id: 1 }).lean();
    return docs.map(toCentre);
  }

  async update(id: string, input: CentreInput, at: Date): Promise<Centre | undefined> {
    if (!isValidObjectId(id)) return undefined;
    const updated = await this.model.updateOne(
      { _id: id },
      { $set: { ...described(input), updatedAt: at, lastConfirmedAt: at } },
    );
    return updated.matchedCount > 0 ? this.find(id) : undefined;
  }

  async confirm(id: string, at: Date): Promise<Centre | undefined> {
    if (!isValidObjectId(id)) return undefined;
    const updated = await this.model.updateOne({ _id: id }, { $set: { lastConfirmedAt: at } });
    return updated.matchedCount > 0 ? this.find(id) : undefined;
  }

  async remove(id: string): Promise<boolean> {
    if (!isValidObjectId(id)) return false;
    return (await this.model.deleteOne({ _id: id })).deletedCount > 0;
  }
}

function toCentre(doc: CentreDoc): Centre {
  return {
    id: doc._id.toHexString(),
    name: doc.name.ru ? { en: doc.name.en, ru: doc.name.ru } : { en: doc.name.en },
    state: doc.state,
    domains: doc.domains,
    subjects: doc.subjects,
    languages: doc.languages,
    contact: doc.contact,
    formats: doc.formats,
    hostsForeignParticipants: doc.hostsForeignParticipants,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    lastConfirmedAt: doc.lastConfirmedAt,
  };
}

export class TrainingRequestsRepository implements TrainingRequestStore {
  constructor(private readonly model: TrainingRequestModel) {}

  async create(request: Omit<TrainingRequest, 'id'>): Promise<TrainingRequest> {
    const fields: Omit<TrainingRequestDoc, '_id'> = {
      ...request,
      centreId: oid(request.centreId),
      requestedBy: new Types.ObjectId(request.requestedBy),
      answeredBy: oid(request.answeredBy),
      eventId: oid(request.eventId),
    };
    const doc = await this.model.create(fields);
    return toRequest(doc.toObject());
  }

  async find(id: string): Promise<TrainingRequest | undefined> {
    if (!isValidObjectId(id)) return undefined;
    const doc = await this.model.findById(id).lean();
    return doc ? toRequest(doc) : undefined;
  }

  async list(filter: {
    requestingState?: string;
    hostState?: string;
    eitherState?: string;
  }): Promise<TrainingRequest[]> {
    const query: Record<string, unknown> = {};
    if (filter.requestingState) query.requestingState = filter.requestingState;
    if (filter.hostState) query.hostState = filter.hostState;
    if (filter.eitherState) query.$or = [{ requestingState: filter.eitherState }, { hostState: filter.eitherState }];
    const docs = await this.model.find(query).sort({ createdAt: -1, _id: -1 }).lean();
    return docs.map(toRequest);
  }

  async advance(id: string, from: TrainingStatus, step: TrainingStep): Promise<TrainingRequest | undefined> {
    if (!isValidObjectId(id)) return undefined;
    const set: Record<string, unknown> = { ...step };
    if (step.answeredBy !== undefined) set.answeredBy = oid(step.answeredBy);
    if (step.eventId !== undefined) set.eventId = oid(step.eventId);
    // Conditional on the status: of two answers at once, exactly one matches.
    const updated = await this.model.updateOne({ _id: id, status: from }, { $set: set });
    return updated.modifiedCount > 0 ? this.find(id) : undefined;
  }
}

function toRequest(doc: TrainingRequestDoc): TrainingRequest {
  return {
    id: doc._id.toHexString(),
    requestingState: doc.requestingState,
    hostState: doc.hostState,
    centreId: hex(doc.centreId),
    domain: doc.domain,
    subject: doc.subject,
    kind: doc.kind,
    period: doc.period,
    languages: doc.languages,
    participants: doc.participants,
    notes: doc.notes,
    status: doc.status,
    requestedBy: doc.requestedBy.toHexString(),
    createdAt: doc.createdAt,
    answeredBy: hex(doc.answeredBy),
    answeredAt: doc.answeredAt,
    proposedPeriod: doc.proposedPeriod,
    format: doc.format,
    declineReason: doc.declineReason,
    eventId: hex(doc.eventId),
    plannedAt: doc.plannedAt,
  };
}
