import type { ApprovalRecord, ApprovalSettlement } from './ports.js';
import { fullyApproved } from './approval-view.js';
import type { PoliciesDeps } from './policies-deps.js';
import { announceSettlement, settleApproval } from './settle-approval.js';

/** A settlement not copied onto its request after this long was left half-done by a stopped node. */
/** How often each node looks for expired approval requests. */
export const APPROVAL_SWEEP_INTERVAL_MS = 60_000;

export const SETTLEMENT_GRACE_MS = 5 * 60_000;

export interface SweepResult {
  approved: number;
  rejected: number;
  expired: number;
  /** Settlements another node won but did not finish announcing. */
  finished: number;
}

/** What an open request should settle as now, if anything: a decision left unsettled by an interruption, or the deadline. */
function dueSettlement(record: ApprovalRecord, now: Date): ApprovalSettlement | undefined {
  const rejection = record.decisions.find((d) => d.verdict === 'rejected');
  if (rejection) return { status: 'rejected', decidedBy: rejection.userId, comment: rejection.comment, at: now };
  const last = record.decisions.at(-1);
  if (last && fullyApproved(record))
    return { status: 'approved', decidedBy: last.userId, comment: last.comment, at: now };
  if (record.expiresAt <= now) return { status: 'expired', decidedBy: null, comment: null, at: now };
  return undefined;
}

/**
 * The sweeper's work, run on every node: expires requests past their deadline and settles what
 * an interrupted approval or rejection left open. Settling goes through the same unique claim
 * as the use cases, so across nodes each request is announced once.
 */
export async function sweepApprovals(deps: PoliciesDeps): Promise<SweepResult> {
  const result: SweepResult = { approved: 0, rejected: 0, expired: 0, finished: 0 };
  const now = deps.clock.now();
  for (const record of await deps.approvals.listUnfinalized()) {
    if (record.settlement) {
      if (record.settlement.at.getTime() + SETTLEMENT_GRACE_MS <= now.getTime()) {
        await announceSettlement(deps, record.id, record.settlement);
        result.finished += 1;
      }
      continue;
    }
    const due = dueSettlement(record, now);
    if (due && (await settleApproval(deps, record.id, due))) result[due.status] += 1;
  }
  return result;
}
