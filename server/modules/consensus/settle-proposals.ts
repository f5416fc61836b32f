import { settleProposal, type Settlement } from '../../../shared/consensus/settle-proposal.js';
import type { Proposal } from './ports.js';
import { applyChange } from './apply-change.js';
import { toProposalView } from './proposal-view.js';
import type { ConsensusDeps } from './consensus-deps.js';

export const CONSENSUS_SWEEP_INTERVAL_MS = 60_000;
const SWEEP_BATCH = 100;
/**
 * One node applies an adopted change (attempt 0, claimed by whoever comes first). Should it die
 * before marking it applied, the next sweep after this long claims attempt 1, and so on:
 * attempts count from the settlement, so nodes agree on them whatever their clocks' skew.
 */
const APPLY_ATTEMPT_MS = 5 * 60_000;
/** A proposal still open this long after its end was claimed lost its ender: it is ended again. */
const END_CLAIM_MS = 5 * 60_000;

/** Claims the end and records it; once more if a node claimed it long ago and never recorded it. */
async function end(deps: ConsensusDeps, proposal: Proposal, settlement: Settlement, now: Date): Promise<boolean> {
  const { id } = proposal;
  if (await deps.proposals.settle(id, settlement.status, settlement.outcome, now)) return true;
  const claimed = await deps.proposals.endClaimedAt(id);
  const abandoned =
    claimed !== undefined &&
    now.getTime() - claimed.getTime() > END_CLAIM_MS &&
    (await deps.proposals.find(id))?.status === 'open';
  return abandoned && deps.proposals.settle(id, settlement.status, settlement.outcome, now, true);
}

/**
 * Ends the proposal if the consensus rule says it has ended, and applies an adopted change.
 * Only the node that claims the end records and audits the outcome, and only the node that
 * claims the application applies the change (once, also with several nodes sweeping); the
 * proposal as it now stands is returned.
 */
export async function settleIfDue(deps: ConsensusDeps, proposal: Proposal): Promise<Proposal> {
  let current = proposal;
  if (current.status === 'open') {
    const now = deps.clock.now();
    const settlement = settleProposal(current, now);
    if (!settlement) return current;
    if (await end(deps, current, settlement, now)) {
      await deps.audit.append({
        type: 'consensus.settled',
        subjectId: current.id,
        data: { kind: current.change.kind, status: settlement.status, outcome: settlement.outcome },
      });
      current = { ...current, ...settlement, settledAt: now };
      deps.notifier.updated(toProposalView(current));
    } else {
      current = (await deps.proposals.find(current.id)) ?? current;
    }
  }
  if (current.status === 'adopted' && !current.applied) {
    const now = deps.clock.now();
    const attempt = Math.max(0, Math.floor((now.getTime() - (current.settledAt ?? now).getTime()) / APPLY_ATTEMPT_MS));
    if (await deps.proposals.claimApplication(current.id, attempt, now)) {
      await applyChange(deps, current);
      current = { ...current, applied: true };
    }
  }
  return current;
}

/** States that have said nothing hear this long before a proposal closes (silence may adopt it). */
export const CLOSING_NOTICE_MS = 24 * 3_600_000;

/** Background sweep on every node: deadlines that passed, changes adopted but not applied, proposals about to close. */
export async function sweepProposals(deps: ConsensusDeps): Promise<void> {
  for (const proposal of await deps.proposals.due(deps.clock.now(), SWEEP_BATCH)) await settleIfDue(deps, proposal);
  await noticeClosing(deps);
}

/** Once per proposal (claimed), the member states without a position are told it closes within a day. */
async function noticeClosing(deps: ConsensusDeps): Promise<void> {
  const now = deps.clock.now();
  const closing = await deps.proposals.closingBy(new Date(now.getTime() + CLOSING_NOTICE_MS), SWEEP_BATCH);
  for (const proposal of closing) {
    if (proposal.deadline.getTime() <= now.getTime()) continue; // ending, not closing
    const spoken = new Set(proposal.positions.map((position) => position.state));
    const silent = proposal.electorate.filter((state) => !spoken.has(state));
    if (silent.length === 0 || !(await deps.proposals.claimClosingNotice(proposal.id, now))) continue;
    deps.notifier.closing(toProposalView(proposal), silent);
  }
}
