import type { StoredPolicyVersion } from './ports.js';

/** A signed version stored while it waits for a second national admin's signature (not in force). */
export interface AwaitingPolicyVersion extends Omit<StoredPolicyVersion, 'cosignature'> {
  id: string;
  expiresAt: Date;
  /** Set once the expiry has been recorded (and audited) — exactly once per version. */
  expiredAt: Date | null;
}

/** One change of a state's signing rule; `seq` 1, 2, … per state, the highest is in effect. */
export interface PolicySigningChange {
  state: string;
  seq: number;
  twoSignatures: boolean;
  requestedBy: string;
  /** The second admin, when the change took two (turning the requirement off). */
  confirmedBy: string | null;
  at: Date;
}

/** A national admin's request to turn the requirement off, for another admin of the state to confirm. */
export interface SigningReleaseRequest {
  state: string;
  /** The change it would become: the `seq` in effect when asked, + 1 (stale once another change lands). */
  forSeq: number;
  requestedBy: string;
  requestedAt: Date;
  expiresAt: Date;
}

/**
 * Versions waiting for a co-signature and the per-state signing rule. Insert-only like the
 * versions themselves: a unique `_id` insert has exactly one winner on FerretDB, an update does not.
 */
export interface PolicyCosignStore {
  insertAwaiting(input: Omit<AwaitingPolicyVersion, 'id' | 'expiredAt'>): Promise<AwaitingPolicyVersion>;
  /** A state's waiting versions (all of them, with their recorded expiry), newest first. */
  listAwaiting(state: string): Promise<AwaitingPolicyVersion[]>;
  /**
   * States with a waiting version whose deadline passed in [`since`, `until`] and whose expiry is
   * not recorded yet: the sweeper's work list (bounded by the window, as superseded versions are
   * never marked).
   */
  statesWithLapsed(since: Date, until: Date): Promise<string[]>;
  /** Records that a waiting version expired; resolves true for exactly one caller. */
  markExpired(id: string, at: Date): Promise<boolean>;
  /** The signing rule in effect for a state (undefined: never set, one signature). */
  currentSigning(state: string): Promise<PolicySigningChange | undefined>;
  /** Stores the next change; resolves false when another change took that `seq` first. */
  insertSigning(change: PolicySigningChange): Promise<boolean>;
  insertReleaseRequest(request: SigningReleaseRequest): Promise<void>;
  /** The newest request to turn the requirement off that would become change `forSeq`. */
  latestReleaseRequest(state: string, forSeq: number): Promise<SigningReleaseRequest | undefined>;
}
