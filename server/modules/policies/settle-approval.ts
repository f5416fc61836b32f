import type { ApprovalRecord, ApprovalSettlement } from './ports.js';
import { tellHoldingStates } from './approval-notices.js';
import type { PoliciesDeps } from './policies-deps.js';

/** Everyone with a stake in a held exchange: the sender's state and every holding state. */
export const involvedStates = (record: ApprovalRecord): string[] => [
  ...new Set([record.fromState, ...record.holdingStates]),
];

/**
 * Makes a won settlement known: copies it onto the request, writes one audit entry shown in each
 * involved state's trail, then tells the listeners (messaging) and waits for them. Called once per request: by the
 * winner of the settlement, or by the sweeper when that winner stopped half-way.
 */
export async function announceSettlement(
  deps: PoliciesDeps,
  id: string,
  settlement: ApprovalSettlement,
): Promise<ApprovalRecord> {
  const fresh = await deps.approvals.findById(id);
  if (!fresh) throw new Error(`approval ${id} vanished while settling`);
  const record: ApprovalRecord = { ...fresh, settlement, finalized: true };
  await deps.approvals.finalize(record, settlement);
  // The same outcome for every state involved: one entry, in each of their trails.
  const [state, ...alsoStates] = involvedStates(record);
  await deps.audit.append({
    type: 'approval.settled',
    actorId: settlement.decidedBy,
    state: state ?? null,
    alsoStates,
    subjectId: record.id,
    data: { exchangeRef: record.exchangeRef, status: settlement.status, holdingStates: record.holdingStates },
  });
  await deps.approvalEvents.emitSettled({
    approvalId: record.id,
    exchangeRef: record.exchangeRef,
    status: settlement.status,
    fromUserId: record.fromUserId,
    fromState: record.fromState,
    toStates: record.toStates,
    decidedBy: settlement.decidedBy,
    comment: settlement.comment,
    settledAt: settlement.at,
  });
  tellHoldingStates(deps, record, settlement.status);
  return record;
}

/**
 * Tries to settle a request; of everyone trying at once (approvers, a rejecter, the sweeper on
 * any node) exactly one wins and announces it. Resolves the settled record, or undefined when
 * another caller had settled it.
 */
export async function settleApproval(
  deps: PoliciesDeps,
  id: string,
  settlement: ApprovalSettlement,
): Promise<ApprovalRecord | undefined> {
  if (!(await deps.approvals.claimSettlement(id, settlement))) return undefined;
  return announceSettlement(deps, id, settlement);
}
