import { AppError } from '../../../shared/errors.js';
import type { ProposalView, TakePosition } from '../../../shared/schemas/consensus.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import type { ConsensusDeps } from './consensus-deps.js';
import { toProposalView } from './proposal-view.js';
import { findProposal } from './read-proposals.js';
import { settleIfDue } from './settle-proposals.js';

/**
 * A national admin gives their state's position on an open proposal; a later one replaces it
 * while the proposal is open. An objection, or the last approval, ends it at once.
 */
export async function takePosition(
  deps: ConsensusDeps,
  actor: User,
  id: string,
  input: TakePosition,
): Promise<ProposalView> {
  const state = actor.state ?? '';
  authorize(actor, 'consensus:respond', { state });
  const proposal = await findProposal(deps, id);
  if (proposal.change.kind === 'adopt-document')
    throw new AppError(
      'consensus.invalid',
      "a document's comments and objections are sealed: post them to /api/documents/:id/comments",
    );
  if (!proposal.electorate.includes(state))
    throw new AppError(
      'consensus.not-in-electorate',
      `${state} was not a member state when this was proposed, so it does not decide it`,
    );
  const now = deps.clock.now();
  const recorded = await deps.proposals.setPosition(
    id,
    { state, position: input.position, comment: input.comment ?? null, byUserId: actor.id, at: now },
    now,
  );
  if (!recorded) {
    await settleIfDue(deps, proposal);
    throw new AppError('consensus.closed', 'this proposal is no longer open for positions');
  }
  await deps.audit.append({
    type: 'consensus.position',
    actorId: actor.id,
    state,
    subjectId: id,
    data: { kind: proposal.change.kind, position: input.position },
  });
  const current = await settleIfDue(deps, (await deps.proposals.find(id)) ?? proposal);
  const view = toProposalView(current);
  if (current.status === 'open') deps.notifier.updated(view); // an ended one was announced as it ended
  return view;
}
