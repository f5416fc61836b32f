import { Types } from 'mongoose';
import type { DualControlKind, DualControlPayload, DualControlStatus } from '../../../shared/schemas/dual-control.js';
import type { DualControlRequestModel } from '../models/dual-control-request.model.js';
import type { DualControlSettlementModel } from '../models/dual-control-settlement.model.js';
import { isDuplicateKey } from '../database-errors.js';
import type {
  DecidedStatus,
  DualControlOutcome,
  DualControlRecord,
  DualControlStore,
  NewDualControlRequest,
} from '../../modules/dual-control/ports.js';

const validId = (id: string): boolean => /^[0-9a-f]{24}$/.test(id);
const openKey = (kind: string, subjectId: string): string => `${kind}:${subjectId}`;
const PAGE = 200;

/**
 * Dual-control requests and their settlements. Concurrent writers only insert (a request under
 * its unique open key, a settlement under the request's id); the request is updated once more,
 * by the one caller that won the settlement.
 */
export class DualControlRepository implements DualControlStore {
  constructor(
    private readonly requests: DualControlRequestModel,
    private readonly settlements: DualControlSettlementModel,
  ) {}

  async create(input: NewDualControlRequest): Promise<DualControlRecord | undefined> {
    try {
      const doc = await this.requests.create({
        ...input,
        openKey: openKey(input.kind, input.subjectId),
        subjectId: new Types.ObjectId(input.subjectId),
        requestedBy: new Types.ObjectId(input.requestedBy),
        payload: {
          keyVersion: input.payload.keyVersion ?? null,
          safetyNumberCompared: input.payload.safetyNumberCompared ?? null,
          reason: input.payload.reason ?? null,
        },
        status: 'pending',
      });
      return toRecord(doc.toObject());
    } catch (error) {
      if (isDuplicateKey(error)) return undefined;
      throw error;
    }
  }

  async findById(id: string): Promise<DualControlRecord | undefined> {
    if (!validId(id)) return undefined;
    const doc = await this.requests.findById(id).lean();
    return doc ? toRecord(doc) : undefined;
  }

  async findPending(kind: DualControlKind, subjectId: string): Promise<DualControlRecord | undefined> {
    const doc = await this.requests.findOne({ openKey: openKey(kind, subjectId) }).lean();
    return doc ? toRecord(doc) : undefined;
  }

  async list(filter: { status: DualControlStatus; states?: string[] }): Promise<DualControlRecord[]> {
    const docs = await this.requests
      .find({ status: filter.status, ...(filter.states ? { state: { $in: filter.states } } : {}) })
      .sort({ requestedAt: -1 })
      .limit(PAGE)
      .lean();
    return docs.map(toRecord);
  }

  async listExpired(now: Date): Promise<DualControlRecord[]> {
    const docs = await this.requests
      .find({ status: 'pending', expiresAt: { $lte: now } })
      .sort({ requestedAt: 1 })
      .limit(PAGE)
      .lean();
    return docs.map(toRecord);
  }

  async claim(id: string, outcome: DualControlOutcome): Promise<boolean> {
    try {
      await this.settlements.create({
        ...outcome,
        _id: new Types.ObjectId(id),
        decidedBy: outcome.decidedBy ? new Types.ObjectId(outcome.decidedBy) : null,
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async claimed(id: string): Promise<DualControlOutcome | undefined> {
    if (!validId(id)) return undefined;
    const doc = await this.settlements.findById(id).lean();
    if (!doc) return undefined;
    return {
      status: doc.status as DecidedStatus,
      decidedBy: doc.decidedBy?.toHexString() ?? null,
      comment: doc.comment ?? null,
      at: doc.at,
    };
  }

  async finalize(record: DualControlRecord, outcome: DualControlOutcome): Promise<DualControlRecord> {
    await this.requests.updateOne(
      { _id: record.id },
      {
        $set: {
          openKey: `${openKey(record.kind, record.subjectId)}:${record.id}`,
          status: outcome.status,
          decidedBy: outcome.decidedBy ? new Types.ObjectId(outcome.decidedBy) : null,
          decidedAt: outcome.at,
          comment: outcome.comment,
        },
      },
    );
    return {
      ...record,
      status: outcome.status,
      decidedBy: outcome.decidedBy,
      decidedAt: outcome.at,
      comment: outcome.comment,
    };
  }
}

interface RequestLean {
  _id: Types.ObjectId;
  kind: string;
  subjectId: Types.ObjectId;
  state: string;
  payload: { keyVersion?: number | null; safetyNumberCompared?: boolean | null; reason?: string | null };
  requestedBy: Types.ObjectId;
  requestedAt: Date;
  expiresAt: Date;
  status: string;
  decidedBy?: Types.ObjectId | null;
  decidedAt?: Date | null;
  comment?: string | null;
}

/** The one place a stored request becomes a domain object; values were validated before storing. */
function toRecord(doc: RequestLean): DualControlRecord {
  const { keyVersion, safetyNumberCompared, reason } = doc.payload;
  const payload: DualControlPayload = {
    ...(typeof keyVersion === 'number' ? { keyVersion } : {}),
    ...(safetyNumberCompared ? { safetyNumberCompared: true as const } : {}),
    ...(reason ? { reason } : {}),
  };
  return {
    id: doc._id.toHexString(),
    kind: doc.kind as DualControlKind,
    subjectId: doc.subjectId.toHexString(),
    state: doc.state,
    payload,
    requestedBy: doc.requestedBy.toHexString(),
    requestedAt: doc.requestedAt,
    expiresAt: doc.expiresAt,
    status: doc.status as DualControlStatus,
    decidedBy: doc.decidedBy?.toHexString() ?? null,
    decidedAt: doc.decidedAt ?? null,
    comment: doc.comment ?? null,
  };
}
