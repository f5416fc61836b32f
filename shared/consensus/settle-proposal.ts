import type { Outcome, Position, Procedure, ProposalStatus } from '../schemas/consensus.js';

export interface ProposalState {
  procedure: Procedure;
  deadline: Date;
  electorate: readonly string[];
  positions: ReadonlyArray<{ state: string; position: Position }>;
}

export type Settlement = { status: Exclude<ProposalStatus, 'open' | 'withdrawn'>; outcome: Outcome };

/**
 * The consensus rule, pure: how an open proposal stands at `now`; undefined while it is still
 * open. One objection ends either procedure unadopted. Every member state approving adopts at
 * once under either procedure. Otherwise the deadline decides: silence kept adopts, an
 * unfinished unanimity lapses. Positions of states outside the electorate do not count.
 */
export function settleProposal(proposal: ProposalState, now: Date): Settlement | undefined {
  const voters = new Set(proposal.electorate);
  const counted = proposal.positions.filter((p) => voters.has(p.state));
  if (counted.some((p) => p.position === 'object')) return { status: 'rejected', outcome: 'objection' };
  const approving = new Set(counted.filter((p) => p.position === 'approve').map((p) => p.state));
  if (voters.size > 0 && approving.size === voters.size) return { status: 'adopted', outcome: 'unanimous' };
  if (now.getTime() < proposal.deadline.getTime()) return undefined;
  return proposal.procedure === 'silence'
    ? { status: 'adopted', outcome: 'silence-kept' }
    : { status: 'rejected', outcome: 'lapsed' };
}
