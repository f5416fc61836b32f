import { Types } from 'mongoose';
import type { ApprovalHold, ApprovalStatus } from '../../../shared/schemas/approvals.js';
import type { ExchangeKind, Labels } from '../../../shared/schemas/labels.js';
import type { ApprovalDecisionModel } from '../models/approval-decision.model.js';
import type { ApprovalRequestModel } from '../models/approval-request.model.js';
import type { ApprovalSettlementModel } from '../models/approval-settlement.model.js';
import { isDuplicateKey } from '../database-errors.js';
import type {
  ApprovalDecision,
  ApprovalRecord,
  ApprovalSettlement,
  ApprovalStore,
  NewApproval,
} from '../../modules/policies/ports.js';

const validId = (id: string): boolean => /^[0-9a-f]{24}$/.test(id);
const decisionId = (approvalId: string, state: string): string => `${approvalId}:${state}`;
const PAGE = 200;

async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * Approval requests, decisions and settlements. Concurrent writers only ever insert (a state's
 * decision, a settlement), each under a unique `_id`; the request itself is written once more,
 * by the one caller that won the settlement.
 */
export class ApprovalsRepository implements ApprovalStore {
  constructor(
    private readonly requests: ApprovalRequestModel,
    private readonly decisions: ApprovalDecisionModel,
    private readonly settlements: ApprovalSettlementModel,
  ) {}

  /** Creates a pending request; resolves undefined when one exists for this exchange already. */
  async create(input: NewApproval): Promise<ApprovalRecord | undefined> {
    try {
      const doc = await this.requests.create({
        ...input,
        fromUserId: new Types.ObjectId(input.fromUserId),
        labels: { ...input.labels, evaluation: input.labels.evaluation ?? null },
        status: 'pending',
      });
      return toRecord(doc.toObject(), [], null, false);
    } catch (error) {
      if (isDuplicateKey(error)) return undefined;
      throw error;
    }
  }

  async findById(id: string): Promise<ApprovalRecord | undefined> {
    if (!validId(id)) return undefined;
    const doc = await this.requests.findById(id).lean();
    return doc ? this.assemble(doc) : undefined;
  }

  async findByExchangeRef(exchangeRef: string): Promise<ApprovalRecord | undefined> {
    const doc = await this.requests.findOne({ exchangeRef }).lean();
    return doc ? this.assemble(doc) : undefined;
  }

  /** Requests held by `state` listed under `status` (pending: only unexpired), oldest first. */
  async listForState(state: string, status: ApprovalStatus, now: Date): Promise<ApprovalRecord[]> {
    const filter =
      status === 'pending'
        ? { status, holdingStates: state, expiresAt: { $gt: now } }
        : { status, holdingStates: state };
    const docs = await this.requests.find(filter).sort({ createdAt: 1 }).limit(PAGE).lean();
    return Promise.all(docs.map((doc) => this.assemble(doc)));
  }

  /** Requests not yet finalized, oldest first (a page): the sweeper's work list. */
  async listUnfinalized(): Promise<ApprovalRecord[]> {
    const docs = await this.requests.find({ status: 'pending' }).sort({ createdAt: 1 }).limit(PAGE).lean();
    return Promise.all(docs.map((doc) => this.assemble(doc)));
  }

  /** Records a state's decision; resolves false when that state decided already. */
  async insertDecision(approvalId: string, decision: ApprovalDecision): Promise<boolean> {
    return insertOnce(() =>
      this.decisions.create({
        ...decision,
        _id: decisionId(approvalId, decision.state),
        approvalId: new Types.ObjectId(approvalId),
        userId: new Types.ObjectId(decision.userId),
      }),
    );
  }

  /** Claims the final status; resolves true for exactly one caller per request. */
  async claimSettlement(approvalId: string, settlement: ApprovalSettlement): Promise<boolean> {
    return insertOnce(() =>
      this.settlements.create({
        ...settlement,
        _id: new Types.ObjectId(approvalId),
        decidedBy: settlement.decidedBy ? new Types.ObjectId(settlement.decidedBy) : null,
      }),
    );
  }

  /** Copies the settlement and decisions onto the request; only the settlement's winner calls this. */
  async finalize(record: ApprovalRecord, settlement: ApprovalSettlement): Promise<void> {
    await this.requests.updateOne(
      { _id: record.id },
      {
        $set: {
          status: settlement.status,
          decidedBy: settlement.decidedBy ? new Types.ObjectId(settlement.decidedBy) : null,
          comment: settlement.comment,
          settledAt: settlement.at,
          decisions: record.decisions.map((d) => ({ ...d, userId: new Types.ObjectId(d.userId) })),
        },
      },
    );
  }

  /** A finalized request carries its outcome; an open one is read from its decisions and settlement (by `_id`). */
  private async assemble(doc: RequestLean): Promise<ApprovalRecord> {
    const id = doc._id.toHexString();
    if (doc.status !== 'pending') {
      const settlement: ApprovalSettlement = {
        status: doc.status as ApprovalSettlement['status'],
        decidedBy: doc.decidedBy?.toHexString() ?? null,
        comment: doc.comment ?? null,
        at: doc.settledAt ?? doc.expiresAt,
      };
      return toRecord(doc, (doc.decisions ?? []).map(toDecision), settlement, true);
    }
    const [decisions, settlement] = await Promise.all([
      Promise.all(doc.holdingStates.map((state) => this.decisions.findById(decisionId(id, state)).lean())),
      this.settlements.findById(doc._id).lean(),
    ]);
    return toRecord(
      doc,
      decisions.flatMap((d) => (d ? [toDecision(d)] : [])).sort((a, b) => a.at.getTime() - b.at.getTime()),
      settlement
        ? {
            status: settlement.status as ApprovalSettlement['status'],
            decidedBy: settlement.decidedBy?.toHexString() ?? null,
            comment: settlement.comment ?? null,
            at: settlement.at,
          }
        : null,
      false,
    );
  }
}

interface DecisionLean {
  state: string;
  userId: Types.ObjectId;
  verdict: string;
  comment?: string | null;
  at: Date;
}

interface RequestLean {
  _id: Types.ObjectId;
  exchangeRef: string;
  fromUserId: Types.ObjectId;
  fromState: string;
  toStates: string[];
  labels: { domain: string; category: string; classification: string; handling: string; evaluation?: string | null };
  kind: string;
  holds: Array<{ state: string; policyVersion: number; ruleId: string; direction: string }>;
  holdingStates: string[];
  status: string;
  decisions?: DecisionLean[];
  decidedBy?: Types.ObjectId | null;
  comment?: string | null;
  settledAt?: Date | null;
  createdAt: Date;
  expiresAt: Date;
}

function toDecision(doc: DecisionLean): ApprovalDecision {
  return {
    state: doc.state,
    userId: doc.userId.toHexString(),
    verdict: doc.verdict as ApprovalDecision['verdict'],
    comment: doc.comment ?? null,
    at: doc.at,
  };
}

/** The one place a stored request becomes a domain object; values were validated before storing. */
function toRecord(
  doc: RequestLean,
  decisions: ApprovalDecision[],
  settlement: ApprovalSettlement | null,
  finalized: boolean,
): ApprovalRecord {
  const { evaluation, ...labels } = doc.labels;
  return {
    id: doc._id.toHexString(),
    exchangeRef: doc.exchangeRef,
    fromUserId: doc.fromUserId.toHexString(),
    fromState: doc.fromState,
    toStates: doc.toStates,
    labels: { ...(labels as Omit<Labels, 'evaluation'>), ...(evaluation ? { evaluation } : {}) },
    kind: doc.kind as ExchangeKind,
    holds: doc.holds.map((hold) => ({ ...hold, direction: hold.direction as ApprovalHold['direction'] })),
    holdingStates: doc.holdingStates,
    decisions,
    settlement,
    finalized,
    createdAt: doc.createdAt,
    expiresAt: doc.expiresAt,
  };
}
