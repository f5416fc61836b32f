import type {
  ConsentOutcome,
  DeclineReason,
  LateReason,
  RequestAction,
  Urgency,
} from '../../../shared/requests/header-fields.js';
import type { RequestSide, RequestStatus } from '../../../shared/requests/lifecycle.js';
import type { RequestKind } from '../../../shared/requests/templates.js';
import type { CategoryCode, Classification, DomainCode, HandlingCode } from '../../../shared/schemas/labels.js';

export interface RequestCase {
  id: string;
  /** The human reference, `KZ→RU-2026-0042` (unique). */
  reference: string;
  kind: RequestKind;
  domain: DomainCode;
  category: CategoryCode;
  classification: Classification;
  urgency: Urgency;
  threadId: string | null;
  requesterId: string;
  requesterState: string;
  requestedId: string;
  requestedState: string;
  /**
   * Deputies the request was also sealed to because the requested focal point was away: they
   * read it and may take the requested side's steps.
   */
  deputyIds: string[];
  status: RequestStatus;
  seq: number;
  awaiting: boolean;
  submittedAt: Date;
  deadline: Date;
  acknowledgedAt: Date | null;
  respondedAt: Date | null;
  answered: boolean;
  overdue: boolean;
  overdueAt: Date | null;
  remindersSent: number;
  originalCaseId: string | null;
  consent: ConsentOutcome | null;
}

export interface RequestTransition {
  caseId: string;
  no: number;
  action: RequestAction;
  side: RequestSide;
  from: RequestStatus;
  to: RequestStatus;
  at: Date;
  messageId: string;
  actorId: string;
  reasonCode: DeclineReason | null;
  lateReason: LateReason | null;
  consent: ConsentOutcome | null;
  handling: HandlingCode;
  evaluation: string | null;
}

/** Case fields a transition changes. */
export type CasePatch = Partial<
  Pick<RequestCase, 'status' | 'awaiting' | 'acknowledgedAt' | 'respondedAt' | 'answered' | 'consent'>
>;

export interface CaseFilter {
  requesterId?: string | undefined;
  requestedId?: string | undefined;
  /** Cases this person answers: addressed to them, or to someone they stand in for on the case. */
  requestedSide?: string | undefined;
  requestedState?: string | undefined;
  status?: RequestStatus | undefined;
  overdue?: boolean | undefined;
  domain?: DomainCode | undefined;
  originalCaseId?: string | undefined;
  /** A case reference or its beginning (normalized: `KZ→RU-2026`). */
  referencePrefix?: string | undefined;
}

/** Outcome of creating a case: `exists` is a retry of the same request, `reference-taken` lost its number. */
export type CreateCaseOutcome = 'created' | 'exists' | 'reference-taken';

/** Request cases (a projection) and their transitions, the log each step claims a number in. */
export interface RequestCaseStore {
  /**
   * Idempotent: a second create of the same case (a retried request) keeps the first. The
   * reference is unique too: a case given a number another case holds is not stored.
   */
  create(input: RequestCase): Promise<CreateCaseOutcome>;
  /**
   * The next number of a (pair of states, year) sequence. Counters are not atomic on every
   * database this runs on, so a number may come twice: `create` refuses the second holder.
   */
  nextReferenceNumber(pair: string, year: number): Promise<number>;
  findById(id: string): Promise<RequestCase | undefined>;
  /** Takes step `no` of a case: true for exactly one caller per (case, no). */
  claimTransition(step: RequestTransition): Promise<boolean>;
  findTransition(caseId: string, no: number): Promise<RequestTransition | undefined>;
  history(caseId: string): Promise<RequestTransition[]>;
  /**
   * Moves the projection from step no-1 to no. Only the claimant of step `no` (or a repairer
   * writing the same values) gets here, so a non-atomic conditional update is safe.
   */
  applyTransition(caseId: string, no: number, patch: CasePatch): Promise<void>;
  setOverdue(caseId: string, at: Date): Promise<void>;
  setRemindersSent(caseId: string, count: number): Promise<void>;
  /** Cases whose answer is still owed, nearest deadline first (the sweeper's working set). */
  awaiting(limit: number): Promise<RequestCase[]>;
  list(filter: CaseFilter, limit: number): Promise<RequestCase[]>;
  /** Metadata for statistics: the cases a state sent or received (all states when none is given). */
  forStatistics(filter: { state?: string | undefined; domain?: DomainCode | undefined }): Promise<RequestCase[]>;
}
