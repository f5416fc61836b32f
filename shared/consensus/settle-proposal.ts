import type { Outcome, Position, Procedure, ProposalStatus } from '../schemas/consensus.js';

export interface ProposalState {
  procedure: Procedure;
  deadline: Date;
  electorate: readonly string[];
  positions: ReadonlyArray<{ state: string; position: Position; version?: number }>;
  /**
   * Documents for comment: the version now circulated. An objection is to a version: only one to
   * this version counts, and it does not end the proposal at once (the secretariat may meet it
   * with a revised version, which reopens silence); at the deadline it ends it unadopted.
   */
  documentVersion?: number;
}

export type Settlement = { status: Exclude<ProposalStatus, 'open' | 'withdrawn'>; outcome: Outcome };

/**
 * The consensus rule, pure: how an open proposal stands at `now`; undefined while it is still
 * open. One objection ends either procedure unadopted. Every member state approving adopts at
 * once under either procedure. Otherwise the deadline decides: silence kept adopts, an
 * unfinished unanimity lapses. Positions of states outside the electorate do not count.
 */
export function settleProposal(proposal: ProposalState, now: Date): Settlement | undefined {
  if (proposal.documentVersion !== undefined) return settleDocument(proposal, proposal.documentVersion, now);
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

/**
 * A document for comment: comments never break silence; an objection to the current version
 * does, and ends the proposal unadopted at the deadline; objections to earlier versions were met
 * by the revision and no longer count. Silence kept at the deadline adopts the current version.
 */
function settleDocument(proposal: ProposalState, version: number, now: Date): Settlement | undefined {
  if (now.getTime() < proposal.deadline.getTime()) return undefined;
  const voters = new Set(proposal.electorate);
  const objected = proposal.positions.some(
    (p) => voters.has(p.state) && p.position === 'object' && p.version === version,
  );
  return objected ? { status: 'rejected', outcome: 'objection' } : { status: 'adopted', outcome: 'silence-kept' };
}
