import type { ApprovalHold, ApprovalStatus } from '../../../shared/schemas/approvals.js';
import type { ExchangeKind, Labels } from '../../../shared/schemas/labels.js';

/** The second national admin's signature over the same body, for a state that requires two. */
export interface StoredCosignature {
  signature: string;
  signedBy: string;
  signerIdentityKey: string;
  signerKeyVersion: number;
  at: Date;
}

/** One stored, signed policy version as the modules see it. */
export interface StoredPolicyVersion {
  state: string;
  version: number;
  /** Canonical JSON of the signed PolicyBody. */
  bodyJson: string;
  defaultEffect: string;
  ruleCount: number;
  publishedRuleCount: number;
  signature: string;
  signedBy: string;
  signerIdentityKey: string;
  signerKeyVersion: number;
  createdAt: Date;
  cosignature?: StoredCosignature;
}

export type PolicyVersionMeta = Omit<StoredPolicyVersion, 'bodyJson'>;

/** Signed policy versions and the markers that put them in force (the cache in front of it is PolicyStore). */
export interface PolicyVersionStore {
  /** The version in force per state (states without a policy are absent); every state when none are named. */
  currentVersions(states?: readonly string[]): Promise<Map<string, number>>;
  /** True when that version of the state's policy is in force (concurrent asks share one query). */
  isInForce(state: string, version: number): Promise<boolean>;
  /** The version in force for one state, 0 when it has none. */
  currentVersion(state: string): Promise<number>;
  findVersion(state: string, version: number): Promise<StoredPolicyVersion | undefined>;
  /** Every version of a state, oldest first, without bodies. */
  listVersions(state: string): Promise<PolicyVersionMeta[]>;
  /** Stores a version (not yet in force); resolves false when that (state, version) exists already. */
  insertVersion(input: StoredPolicyVersion): Promise<boolean>;
  /** Puts a stored version in force; idempotent (resolves false when it was already). */
  putInForce(state: string, version: number, now: Date): Promise<boolean>;
}

export interface ApprovalDecision {
  state: string;
  userId: string;
  verdict: 'approved' | 'rejected';
  comment: string | null;
  at: Date;
}

export interface ApprovalSettlement {
  status: Exclude<ApprovalStatus, 'pending'>;
  decidedBy: string | null;
  comment: string | null;
  at: Date;
}

/** An approval request as the modules see it: the request, each state's decision, the settlement. */
export interface ApprovalRecord {
  id: string;
  exchangeRef: string;
  fromUserId: string;
  fromState: string;
  toStates: string[];
  labels: Labels;
  kind: ExchangeKind;
  holds: ApprovalHold[];
  holdingStates: string[];
  decisions: ApprovalDecision[];
  settlement: ApprovalSettlement | null;
  /** True once the settlement has been copied onto the request (it then lists under its status). */
  finalized: boolean;
  createdAt: Date;
  expiresAt: Date;
}

export type NewApproval = Pick<
  ApprovalRecord,
  | 'exchangeRef'
  | 'fromUserId'
  | 'fromState'
  | 'toStates'
  | 'labels'
  | 'kind'
  | 'holds'
  | 'holdingStates'
  | 'createdAt'
  | 'expiresAt'
>;

/**
 * Approval requests, decisions and settlements; a state decides once and a request is settled
 * once (unique inserts: the losers are told false/undefined).
 */
export interface ApprovalStore {
  /** Creates a pending request; resolves undefined when one exists for this exchange already. */
  create(input: NewApproval): Promise<ApprovalRecord | undefined>;
  findById(id: string): Promise<ApprovalRecord | undefined>;
  findByExchangeRef(exchangeRef: string): Promise<ApprovalRecord | undefined>;
  /** Requests held by `state` listed under `status` (pending: only unexpired), oldest first. */
  listForState(state: string, status: ApprovalStatus, now: Date): Promise<ApprovalRecord[]>;
  /** Requests not yet finalized, oldest first (a page): the sweeper's work list. */
  listUnfinalized(): Promise<ApprovalRecord[]>;
  /** Records a state's decision; resolves false when that state decided already. */
  insertDecision(approvalId: string, decision: ApprovalDecision): Promise<boolean>;
  /** Claims the final status; resolves true for exactly one caller per request. */
  claimSettlement(approvalId: string, settlement: ApprovalSettlement): Promise<boolean>;
  /** Copies the settlement and decisions onto the request; only the settlement's winner calls this. */
  finalize(record: ApprovalRecord, settlement: ApprovalSettlement): Promise<void>;
}
