import { AppError } from '../../../shared/errors.js';
import { DOCUMENT_LIMITS, type DocumentView, type PostDocumentComment } from '../../../shared/schemas/documents.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import { toProposalView } from '../consensus/proposal-view.js';
import { findProposal } from '../consensus/read-proposals.js';
import { settleIfDue } from '../consensus/settle-proposals.js';
import type { DocumentsDeps } from './documents-deps.js';
import { getDocument } from './read-documents.js';
import { currentReaders, requireReader } from './readers.js';

const closed = (): AppError => new AppError('consensus.closed', 'this document is no longer open for comment');

/**
 * A national admin comments on the current version for their state (silence holds; several
 * comments allowed) or objects with a reason (breaks silence on this version). Both are sealed
 * under the version's content key in the client, so every reader reads them.
 */
export async function commentOnDocument(
  deps: DocumentsDeps,
  actor: User,
  proposalId: string,
  input: PostDocumentComment,
): Promise<DocumentView> {
  const state = actor.state ?? '';
  authorize(actor, 'consensus:respond', { state }, "only a state's national admins comment on documents");
  const document = await deps.documents.find(proposalId);
  if (!document) throw new AppError('document.not-found', 'no such document for comment');
  const proposal = await settleIfDue(deps.consensus, await findProposal(deps.consensus, proposalId));
  const now = deps.clock.now();
  if (proposal.status !== 'open' || now.getTime() >= proposal.deadline.getTime()) throw closed();
  if (!proposal.electorate.includes(state))
    throw new AppError(
      'consensus.not-in-electorate',
      `${state} was not a member state when this was circulated, so it does not decide it`,
    );
  const current = proposal.documentVersion ?? 1;
  if (input.version !== current)
    throw new AppError('document.invalid', `comments are on the current version, ${current}`, [
      { path: ['body', 'version'], message: `must be ${current}` },
    ]);
  if (input.body.length > DOCUMENT_LIMITS.commentChars)
    throw new AppError('document.too-large', 'the comment is too large', [
      { path: ['body', 'body'], message: 'too large' },
    ]);
  requireReader(await currentReaders(deps), actor);

  if (input.kind === 'objection') {
    const position = {
      state,
      position: 'object' as const,
      comment: null,
      byUserId: actor.id,
      at: now,
      version: current,
    };
    if (!(await deps.consensus.proposals.setPosition(proposalId, position, now))) throw closed();
  }
  await deps.documents.addComment({ ...input, proposalId, state, byUserId: actor.id, at: now });
  const data = { proposalId, version: current, state, kind: document.meta.kind };
  if (input.kind === 'objection') {
    await deps.audit.append({
      type: 'consensus.position',
      actorId: actor.id,
      state,
      subjectId: proposalId,
      data: { kind: 'adopt-document', position: 'object' },
    });
    await deps.audit.append({ type: 'document.objected', actorId: actor.id, state, subjectId: proposalId, data });
  } else {
    await deps.audit.append({ type: 'document.commented', actorId: actor.id, state, subjectId: proposalId, data });
  }
  deps.consensus.notifier.updated(toProposalView(await findProposal(deps.consensus, proposalId)));
  return getDocument(deps, actor, proposalId);
}
