import { z } from 'zod';
import { Id } from './accounts.js';
import { ExchangeKind, Labels, StateCode } from './labels.js';
import { PolicyDirection } from './policy.js';

export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'expired'] as const;
export const ApprovalStatus = z.enum(APPROVAL_STATUSES);
export type ApprovalStatus = z.infer<typeof ApprovalStatus>;

/** A rule (or a policy default) that held the exchange for a national admin of its state. */
export const ApprovalHold = z.object({
  state: StateCode,
  policyVersion: z.number().int().positive(),
  ruleId: z.string(),
  direction: PolicyDirection,
});
export type ApprovalHold = z.infer<typeof ApprovalHold>;

export const ApprovalDecisionView = z.object({
  state: StateCode,
  userId: Id,
  verdict: z.enum(['approved', 'rejected']),
  comment: z.string().nullable(),
  at: z.iso.datetime(),
});

/** An exchange held by an 'approve' decision: metadata only, never content. */
export const ApprovalView = z.object({
  id: Id,
  /** The messaging module's reference to the held exchange. */
  exchangeRef: z.string(),
  fromUserId: Id,
  fromState: StateCode,
  toStates: z.array(StateCode),
  labels: Labels,
  kind: ExchangeKind,
  holds: z.array(ApprovalHold),
  /** States whose national admins must each approve. */
  holdingStates: z.array(StateCode),
  /** Holding states that have not approved yet. */
  pendingStates: z.array(StateCode),
  decisions: z.array(ApprovalDecisionView),
  status: ApprovalStatus,
  /** The admin whose decision settled it; null while pending or when it expired. */
  decidedBy: Id.nullable(),
  comment: z.string().nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  settledAt: z.iso.datetime().nullable(),
});
export type ApprovalView = z.infer<typeof ApprovalView>;

/**
 * Pushed to the national admins of each holding state when a held exchange is filed, when a state
 * decides on it, and when it is settled: their lists change. Metadata of their own queue only.
 */
export const ApprovalUpdatedEvent = z.object({ id: Id, status: ApprovalStatus }).strict();
export type ApprovalUpdatedEvent = z.infer<typeof ApprovalUpdatedEvent>;

export const ListApprovalsQuery = z.object({ status: ApprovalStatus.default('pending') }).strict();
export const ApprovalParams = z.object({ id: Id }).strict();

const Comment = z.string().trim().min(1).max(2000);
export const ApproveRequest = z.object({ comment: Comment.optional() }).strict();
/** A rejection says why: the sender is told. */
export const RejectRequest = z.object({ comment: Comment }).strict();
