import { AppError } from '../../../shared/errors.js';
import type { ProposalView } from '../../../shared/schemas/consensus.js';
import type { Proposal } from './ports.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import type { ConsensusDeps } from './consensus-deps.js';
import { toProposalView } from './proposal-view.js';
import { settleIfDue } from './settle-proposals.js';

const LIST_LIMIT = 200;

export async function findProposal(deps: ConsensusDeps, id: string): Promise<Proposal> {
  const proposal = await deps.proposals.find(id);
  if (!proposal) throw new AppError('consensus.not-found', 'no such proposal');
  return proposal;
}

/** Newest first; a proposal whose deadline passed is settled on the way, not left to the sweep. */
export async function listProposals(deps: ConsensusDeps, actor: User): Promise<ProposalView[]> {
  authorize(actor, 'consensus:read');
  const proposals = await deps.proposals.recent(LIST_LIMIT);
  const current = [];
  for (const proposal of proposals) current.push(await settleIfDue(deps, proposal));
  return current.map(toProposalView);
}

export async function getProposal(deps: ConsensusDeps, actor: User, id: string): Promise<ProposalView> {
  authorize(actor, 'consensus:read');
  return toProposalView(await settleIfDue(deps, await findProposal(deps, id)));
}
