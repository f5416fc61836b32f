import type { DualControlKind, DualControlPayload, DualControlStatus } from '../../../shared/schemas/dual-control.js';

export type DecidedStatus = Exclude<DualControlStatus, 'pending'>;

/** An action waiting for (or decided by) a second person, as stored. */
export interface DualControlRecord {
  id: string;
  kind: DualControlKind;
  subjectId: string;
  /** The subject's state. */
  state: string;
  payload: DualControlPayload;
  requestedBy: string;
  requestedAt: Date;
  expiresAt: Date;
  status: DualControlStatus;
  decidedBy: string | null;
  decidedAt: Date | null;
  comment: string | null;
}

export type NewDualControlRequest = Pick<
  DualControlRecord,
  'kind' | 'subjectId' | 'state' | 'payload' | 'requestedBy' | 'requestedAt' | 'expiresAt'
>;

export interface DualControlOutcome {
  status: DecidedStatus;
  decidedBy: string | null;
  comment: string | null;
  at: Date;
}

export interface DualControlStore {
  /** Stores a pending request; undefined when one is pending for this kind and subject already. */
  create(input: NewDualControlRequest): Promise<DualControlRecord | undefined>;
  findById(id: string): Promise<DualControlRecord | undefined>;
  findPending(kind: DualControlKind, subjectId: string): Promise<DualControlRecord | undefined>;
  /** Newest first (a page); `states` narrows to those subjects' states. */
  list(filter: { status: DualControlStatus; states?: string[] }): Promise<DualControlRecord[]>;
  /** Pending requests whose time ran out at `now` (a page): the sweep's work list. */
  listExpired(now: Date): Promise<DualControlRecord[]>;
  /** Takes the decision; true for exactly one caller per request across nodes. */
  claim(id: string, outcome: DualControlOutcome): Promise<boolean>;
  /** The claimed decision, if any (a request whose winner stopped before finishing). */
  claimed(id: string): Promise<DualControlOutcome | undefined>;
  /** Writes the outcome on the request and frees its kind and subject; only the claim's winner calls this. */
  finalize(record: DualControlRecord, outcome: DualControlOutcome): Promise<DualControlRecord>;
}
