import type { ProposalView } from '../../../shared/schemas/consensus.js';
import type { Proposal } from './ports.js';

export function toProposalView(p: Proposal): ProposalView {
  return {
    id: p.id,
    change: p.change,
    procedure: p.procedure,
    rationale: p.rationale,
    proposedBy: p.proposedBy,
    proposedAt: p.proposedAt.toISOString(),
    deadline: p.deadline.toISOString(),
    status: p.status,
    outcome: p.outcome,
    settledAt: p.settledAt?.toISOString() ?? null,
    electorate: p.electorate,
    positions: p.positions.map((position) => ({ ...position, at: position.at.toISOString() })),
    ...(p.withdrawalReason ? { withdrawalReason: p.withdrawalReason } : {}),
    ...(p.documentVersion === undefined ? {} : { documentVersion: p.documentVersion }),
  };
}
