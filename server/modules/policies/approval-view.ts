import type { ApprovalView } from '../../../shared/schemas/approvals.js';
import type { ApprovalRecord } from './ports.js';

/** Holding states that have not decided yet. */
export const undecidedStates = (record: ApprovalRecord): string[] =>
  record.holdingStates.filter((state) => !record.decisions.some((decision) => decision.state === state));

/** True when every holding state approved. */
export const fullyApproved = (record: ApprovalRecord): boolean =>
  record.holdingStates.every((state) => record.decisions.some((d) => d.state === state && d.verdict === 'approved'));

/** The only shape in which an approval request leaves the server. */
export function toApprovalView(record: ApprovalRecord, now: Date): ApprovalView {
  const { settlement } = record;
  // Until the sweeper settles it, a request past its deadline already reads as expired.
  const status = settlement?.status ?? (record.expiresAt <= now ? 'expired' : 'pending');
  return {
    id: record.id,
    exchangeRef: record.exchangeRef,
    fromUserId: record.fromUserId,
    fromState: record.fromState,
    toStates: record.toStates,
    labels: record.labels,
    kind: record.kind,
    holds: record.holds,
    holdingStates: record.holdingStates,
    pendingStates: undecidedStates(record),
    decisions: record.decisions.map((d) => ({ ...d, at: d.at.toISOString() })),
    status,
    decidedBy: settlement?.decidedBy ?? null,
    comment: settlement?.comment ?? null,
    createdAt: record.createdAt.toISOString(),
    expiresAt: record.expiresAt.toISOString(),
    settledAt: settlement?.at.toISOString() ?? null,
  };
}
