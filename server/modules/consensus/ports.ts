import type {
  Outcome,
  Position,
  Procedure,
  ProposalStatus,
  ProposedChange,
} from '../../../shared/schemas/consensus.js';

export interface StoredPosition {
  state: string;
  position: Position;
  comment: string | null;
  byUserId: string;
  at: Date;
  /** Documents for comment: the version the position was given on. */
  version?: number;
}

export interface Proposal {
  id: string;
  change: ProposedChange;
  procedure: Procedure;
  rationale: string;
  proposedBy: string;
  proposedAt: Date;
  deadline: Date;
  electorate: string[];
  positions: StoredPosition[];
  status: ProposalStatus;
  outcome: Outcome | null;
  settledAt: Date | null;
  applied: boolean;
  /** Why the secretariat withdrew it, when it said. */
  withdrawalReason?: string;
  /** Documents for comment: the version now circulated. */
  documentVersion?: number;
}

export type NewProposal = Omit<
  Proposal,
  'id' | 'positions' | 'status' | 'outcome' | 'settledAt' | 'applied' | 'withdrawalReason'
>;

/** Proposals and their positions; ending one and applying its change are claimed exactly once. */
export interface ProposalStore {
  create(proposal: NewProposal): Promise<Proposal>;
  find(id: string): Promise<Proposal | undefined>;
  /** Newest first. */
  recent(limit: number): Promise<Proposal[]>;
  /** Open proposals whose deadline has passed, and adopted ones whose change is not applied yet. */
  due(now: Date, limit: number): Promise<Proposal[]>;
  /** The open proposal about `subject` (see subjectOf), if any. */
  openAbout(subject: string): Promise<Proposal | undefined>;
  /** Records (or replaces) a state's position while the proposal is open; false when it is not. */
  setPosition(id: string, position: StoredPosition, now: Date): Promise<boolean>;
  /**
   * Ends an open proposal; false when it has ended already (another node, another request: one
   * wins). `recovery`: the second and last try, for a proposal whose first ender died between
   * claiming and recording the end.
   */
  settle(
    id: string,
    status: Exclude<ProposalStatus, 'open'>,
    outcome: Outcome,
    now: Date,
    recovery?: boolean,
  ): Promise<boolean>;
  /** When the end of this proposal was claimed (undefined: not yet). */
  endClaimedAt(id: string): Promise<Date | undefined>;
  /** Claims attempt `attempt` at applying an adopted change: true for exactly one caller per attempt. */
  claimApplication(id: string, attempt: number, now: Date): Promise<boolean>;
  /** Open proposals whose deadline falls at or before `until`. */
  closingBy(until: Date, limit: number): Promise<Proposal[]>;
  /** True once per proposal: the node that wins tells the states still silent that it closes soon. */
  claimClosingNotice(id: string, now: Date): Promise<boolean>;
  markApplied(id: string): Promise<void>;
  /**
   * Documents for comment: version `version` replaces `version - 1` and the deadline restarts;
   * false when the proposal is no longer open or another revision came first.
   */
  revise(id: string, version: number, deadline: Date, now: Date): Promise<boolean>;
  /** Keeps the secretariat's reason for withdrawing it (after settle() claimed the end). */
  noteWithdrawalReason(id: string, reason: string): Promise<void>;
}
