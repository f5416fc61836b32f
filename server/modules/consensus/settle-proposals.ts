import { settleProposal } from '../../../shared/consensus/settle-proposal.js';
import type { Proposal } from '../../db/repositories/proposals.repository.js';
import { applyChange } from './apply-change.js';
import type { ConsensusDeps } from './consensus-deps.js';

export const CONSENSUS_SWEEP_INTERVAL_MS = 60_000;
const SWEEP_BATCH = 100;

/**
 * Ends the proposal if the consensus rule says it has ended, and applies an adopted change.
 * Only the node whose conditional update ends it audits the outcome and applies the change;
 * the proposal as it now stands is returned.
 */
export async function settleIfDue(deps: ConsensusDeps, proposal: Proposal): Promise<Proposal> {
  let current = proposal;
  if (current.status === 'open') {
    const now = deps.clock.now();
    const settlement = settleProposal(current, now);
    if (!settlement) return current;
    if (await deps.proposals.settle(current.id, settlement.status, settlement.outcome, now)) {
      await deps.audit.append({ type: 'consensus.settled', subjectId: current.id, data: { kind: current.change.kind, status: settlement.status, outcome: settlement.outcome } });
      current = { ...current, ...settlement, settledAt: now };
    } else {
      current = (await deps.proposals.find(current.id)) ?? current;
    }
  }
  if (current.status === 'adopted' && !current.applied) {
    await applyChange(deps, current);
    current = { ...current, applied: true };
  }
  return current;
}

/** Background sweep on every node: deadlines that passed, changes adopted but not applied. */
export async function sweepProposals(deps: ConsensusDeps): Promise<void> {
  for (const proposal of await deps.proposals.due(deps.clock.now(), SWEEP_BATCH)) await settleIfDue(deps, proposal);
}
