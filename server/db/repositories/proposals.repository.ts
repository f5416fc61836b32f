import { Types } from 'mongoose';
import type {
  Outcome,
  Position,
  Procedure,
  ProposalStatus,
  ProposedChange,
} from '../../../shared/schemas/consensus.js';
import type { ProposalModel } from '../models/proposal.model.js';
import type { ClaimsRepository } from './claims.repository.js';
import type { NewProposal, Proposal, ProposalStore, StoredPosition } from '../../modules/consensus/ports.js';
import { subjectOf } from '../../modules/consensus/proposal-subject.js';

const oid = (id: string): Types.ObjectId => new Types.ObjectId(id);

export class ProposalsRepository implements ProposalStore {
  constructor(
    private readonly model: ProposalModel,
    private readonly claims: ClaimsRepository,
  ) {}

  async create(proposal: NewProposal): Promise<Proposal> {
    const { change, proposedBy, ...rest } = proposal;
    const doc = await this.model.create({
      ...rest,
      changeJson: JSON.stringify(change),
      proposedBy: oid(proposedBy),
      positions: {},
      status: 'open',
      outcome: null,
      settledAt: null,
      applied: false,
      subject: subjectOf(change),
    });
    return {
      ...proposal,
      id: doc._id.toHexString(),
      positions: [],
      status: 'open',
      outcome: null,
      settledAt: null,
      applied: false,
    };
  }

  async find(id: string): Promise<Proposal | undefined> {
    if (!Types.ObjectId.isValid(id)) return undefined;
    const doc = await this.model.findById(id).lean();
    return doc ? toProposal(doc) : undefined;
  }

  /** Newest first. */
  async recent(limit: number): Promise<Proposal[]> {
    const docs = await this.model.find().sort({ proposedAt: -1 }).limit(limit).lean();
    return docs.map(toProposal);
  }

  /** Open proposals whose deadline has passed, and adopted ones whose change is not applied yet. */
  async due(now: Date, limit: number): Promise<Proposal[]> {
    const docs = await this.model
      .find({
        $or: [
          { status: 'open', deadline: { $lte: now } },
          { status: 'adopted', applied: false },
        ],
      })
      .limit(limit)
      .lean();
    return docs.map(toProposal);
  }

  async openAbout(subject: string): Promise<Proposal | undefined> {
    const doc = await this.model.findOne({ status: 'open', subject }).lean();
    return doc ? toProposal(doc) : undefined;
  }

  /** Records (or replaces) a state's position while the proposal is open; false when it is not. */
  async setPosition(id: string, position: StoredPosition, now: Date): Promise<boolean> {
    const { state, ...rest } = position;
    const result = await this.model.updateOne(
      { _id: oid(id), status: 'open', deadline: { $gt: now } },
      { $set: { [`positions.${state}`]: { ...rest, byUserId: oid(rest.byUserId) } } },
    );
    return result.matchedCount === 1;
  }

  /**
   * Ends an open proposal; false when it has ended already (another node, another request: one
   * wins). `recovery`: the second and last try, for a proposal whose first ender died between
   * claiming and recording the end.
   */
  async settle(
    id: string,
    status: Exclude<ProposalStatus, 'open'>,
    outcome: Outcome,
    now: Date,
    recovery = false,
  ): Promise<boolean> {
    if (!(await this.claims.claim(`proposal:${id}:end${recovery ? ':recovery' : ''}`, now))) return false;
    await this.model.updateOne({ _id: oid(id) }, { $set: { status, outcome, settledAt: now } });
    return true;
  }

  async revise(id: string, version: number, deadline: Date, now: Date): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: oid(id), status: 'open', deadline: { $gt: now }, documentVersion: version - 1 },
      { $set: { documentVersion: version, deadline } },
    );
    return result.matchedCount === 1;
  }

  async noteWithdrawalReason(id: string, reason: string): Promise<void> {
    await this.model.updateOne({ _id: oid(id) }, { $set: { withdrawalReason: reason } });
  }

  /** When the end of this proposal was claimed (undefined: not yet). */
  async endClaimedAt(id: string): Promise<Date | undefined> {
    return this.claims.claimedAt(`proposal:${id}:end`);
  }

  /** Claims attempt `attempt` at applying an adopted change: true for exactly one caller per attempt. */
  async closingBy(until: Date, limit: number): Promise<Proposal[]> {
    const docs = await this.model
      .find({ status: 'open', deadline: { $lte: until } })
      .limit(limit)
      .lean();
    return docs.map(toProposal);
  }

  async claimClosingNotice(id: string, now: Date): Promise<boolean> {
    return this.claims.claim(`proposal:${id}:closing-notice`, now);
  }

  async claimApplication(id: string, attempt: number, now: Date): Promise<boolean> {
    return this.claims.claim(`proposal:${id}:apply:${attempt}`, now);
  }

  async markApplied(id: string): Promise<void> {
    await this.model.updateOne({ _id: oid(id) }, { $set: { applied: true } });
  }
}

interface ProposalLean {
  _id: Types.ObjectId;
  changeJson: string;
  procedure: string;
  rationale: string;
  proposedBy: Types.ObjectId;
  proposedAt: Date;
  deadline: Date;
  electorate: string[];
  positions?: unknown;
  status: string;
  outcome?: string | null;
  settledAt?: Date | null;
  applied?: boolean | null;
  withdrawalReason?: string | null;
  documentVersion?: number | null;
}

function toPositions(raw: unknown): StoredPosition[] {
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(
    raw as Record<
      string,
      { position: Position; comment?: string | null; byUserId: Types.ObjectId | string; at: Date; version?: number }
    >,
  )
    .map(([state, p]) => ({
      state,
      position: p.position,
      comment: p.comment ?? null,
      byUserId: String(p.byUserId),
      at: new Date(p.at),
      ...(typeof p.version === 'number' ? { version: p.version } : {}),
    }))
    .sort((a, b) => a.state.localeCompare(b.state));
}

function toProposal(doc: ProposalLean): Proposal {
  return {
    id: doc._id.toHexString(),
    change: JSON.parse(doc.changeJson) as ProposedChange,
    procedure: doc.procedure as Procedure,
    rationale: doc.rationale,
    proposedBy: doc.proposedBy.toHexString(),
    proposedAt: doc.proposedAt,
    deadline: doc.deadline,
    electorate: doc.electorate,
    positions: toPositions(doc.positions),
    status: doc.status as ProposalStatus,
    outcome: (doc.outcome ?? null) as Outcome | null,
    settledAt: doc.settledAt ?? null,
    applied: doc.applied === true,
    ...(doc.withdrawalReason ? { withdrawalReason: doc.withdrawalReason } : {}),
    ...(typeof doc.documentVersion === 'number' ? { documentVersion: doc.documentVersion } : {}),
  };
}
