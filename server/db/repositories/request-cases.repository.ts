import { Types } from 'mongoose';
import type { DomainCode } from '../../../shared/schemas/labels.js';
import type {
  RequestCaseDoc,
  RequestCaseModel,
  RequestReferenceCounterModel,
  RequestTransitionDoc,
  RequestTransitionModel,
} from '../models/request-case.model.js';
import { isDuplicateKey } from '../database-errors.js';
import type {
  CaseFilter,
  CasePatch,
  CreateCaseOutcome,
  RequestCase,
  RequestCaseStore,
  RequestTransition,
} from '../../modules/requests/ports.js';

const oid = (id: string): Types.ObjectId => new Types.ObjectId(id);

export class RequestCasesRepository implements RequestCaseStore {
  constructor(
    private readonly cases: RequestCaseModel,
    private readonly transitions: RequestTransitionModel,
    private readonly counters: RequestReferenceCounterModel,
  ) {}

  /** Idempotent on the case id; unique on the reference (see the port). */
  async create(input: RequestCase): Promise<CreateCaseOutcome> {
    const { id, requesterId, requestedId, deputyIds, originalCaseId, ...rest } = input;
    try {
      await this.cases.create({
        _id: oid(id),
        requesterId: oid(requesterId),
        requestedId: oid(requestedId),
        deputyIds: deputyIds.map(oid),
        originalCaseId: originalCaseId ? oid(originalCaseId) : null,
        ...rest,
      });
      return 'created';
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Which unique index refused it: the case's id (a retry) or its reference (a number handed out twice).
      return (await this.cases.exists({ _id: oid(id) })) ? 'exists' : 'reference-taken';
    }
  }

  async nextReferenceNumber(pair: string, year: number): Promise<number> {
    const _id = `${pair}:${year}`;
    for (let attempt = 0; ; attempt++) {
      try {
        const doc = await this.counters
          .findOneAndUpdate({ _id }, { $inc: { n: 1 } }, { upsert: true, returnDocument: 'after' })
          .orFail()
          .lean<{ n: number }>();
        return doc.n;
      } catch (error) {
        // Two first upserts of a counter race on its _id: the loser increments the winner's document.
        if (!isDuplicateKey(error) || attempt >= 3) throw error;
      }
    }
  }

  async findById(id: string): Promise<RequestCase | undefined> {
    if (!Types.ObjectId.isValid(id)) return undefined;
    const doc = await this.cases.findById(id).lean<RequestCaseDoc>();
    return doc ? toCase(doc) : undefined;
  }

  /** Takes step `no` of a case: true for exactly one caller per (case, no). */
  async claimTransition(step: RequestTransition): Promise<boolean> {
    try {
      await this.transitions.create({
        ...step,
        _id: `${step.caseId}:${step.no}`,
        caseId: oid(step.caseId),
        messageId: oid(step.messageId),
        actorId: oid(step.actorId),
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async findTransition(caseId: string, no: number): Promise<RequestTransition | undefined> {
    const doc = await this.transitions.findById(`${caseId}:${no}`).lean<RequestTransitionDoc>();
    return doc ? toTransition(doc) : undefined;
  }

  async history(caseId: string): Promise<RequestTransition[]> {
    const docs = await this.transitions
      .find({ caseId: oid(caseId) })
      .sort({ no: 1 })
      .lean<RequestTransitionDoc[]>();
    return docs.map(toTransition);
  }

  /**
   * Moves the projection from step no-1 to no. Only the claimant of step `no` (or a repairer
   * writing the same values) gets here, so a non-atomic conditional update is safe.
   */
  async applyTransition(caseId: string, no: number, patch: CasePatch): Promise<void> {
    await this.cases.updateOne({ _id: oid(caseId), seq: no - 1 }, { $set: { ...patch, seq: no } });
  }

  async setOverdue(caseId: string, at: Date): Promise<void> {
    await this.cases.updateOne({ _id: oid(caseId) }, { $set: { overdue: true, overdueAt: at } });
  }

  async setRemindersSent(caseId: string, count: number): Promise<void> {
    await this.cases.updateOne({ _id: oid(caseId) }, { $set: { remindersSent: count } });
  }

  /** Cases whose answer is still owed, nearest deadline first (the sweeper's working set). */
  async awaiting(limit: number): Promise<RequestCase[]> {
    const docs = await this.cases.find({ awaiting: true }).sort({ deadline: 1 }).limit(limit).lean<RequestCaseDoc[]>();
    return docs.map(toCase);
  }

  async list(filter: CaseFilter, limit: number): Promise<RequestCase[]> {
    const query: Record<string, unknown> = {};
    if (filter.requesterId) query.requesterId = oid(filter.requesterId);
    if (filter.requestedId) query.requestedId = oid(filter.requestedId);
    if (filter.requestedSide)
      query.$or = [{ requestedId: oid(filter.requestedSide) }, { deputyIds: oid(filter.requestedSide) }];
    if (filter.requestedState) query.requestedState = filter.requestedState;
    if (filter.status) query.status = filter.status;
    if (filter.overdue !== undefined) query.overdue = filter.overdue;
    if (filter.domain) query.domain = filter.domain;
    if (filter.originalCaseId) query.originalCaseId = oid(filter.originalCaseId);
    if (filter.referencePrefix) query.reference = { $regex: `^${escapeRegExp(filter.referencePrefix)}` };
    const docs = await this.cases.find(query).sort({ submittedAt: -1 }).limit(limit).lean<RequestCaseDoc[]>();
    return docs.map(toCase);
  }

  /** Metadata for statistics: the cases a state sent or received (all states when none is given). */
  async forStatistics(filter: { state?: string | undefined; domain?: DomainCode | undefined }): Promise<RequestCase[]> {
    const query: Record<string, unknown> = {};
    if (filter.domain) query.domain = filter.domain;
    if (filter.state) query.$or = [{ requesterState: filter.state }, { requestedState: filter.state }];
    const docs = await this.cases.find(query).lean<RequestCaseDoc[]>();
    return docs.map(toCase);
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function toCase(doc: RequestCaseDoc): RequestCase {
  const { _id, requesterId, requestedId, deputyIds, originalCaseId, ...rest } = doc;
  return {
    ...(rest as Omit<RequestCase, 'id' | 'requesterId' | 'requestedId' | 'deputyIds' | 'originalCaseId'>),
    id: _id.toHexString(),
    requesterId: requesterId.toHexString(),
    requestedId: requestedId.toHexString(),
    deputyIds: (deputyIds ?? []).map((deputy) => deputy.toHexString()),
    originalCaseId: originalCaseId ? originalCaseId.toHexString() : null,
  };
}

function toTransition(doc: RequestTransitionDoc): RequestTransition {
  const { _id: _key, caseId, messageId, actorId, ...rest } = doc;
  return {
    ...(rest as Omit<RequestTransition, 'caseId' | 'messageId' | 'actorId'>),
    caseId: caseId.toHexString(),
    messageId: messageId.toHexString(),
    actorId: actorId.toHexString(),
  };
}
