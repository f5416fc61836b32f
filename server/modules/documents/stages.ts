import { AppError } from '../../../shared/errors.js';
import type { DocumentView, FileInLibrary, RecordDocumentStage } from '../../../shared/schemas/documents.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import { findProposal } from '../consensus/read-proposals.js';
import { settleIfDue } from '../consensus/settle-proposals.js';
import type { DocumentsDeps } from './documents-deps.js';
import { getDocument } from './read-documents.js';

async function adoptedDocument(deps: DocumentsDeps, proposalId: string) {
  const document = await deps.documents.find(proposalId);
  if (!document) throw new AppError('document.not-found', 'no such document for comment');
  const proposal = await settleIfDue(deps.consensus, await findProposal(deps.consensus, proposalId));
  if (proposal.status !== 'adopted')
    throw new AppError('document.not-adopted', 'stages and the library come after the document is adopted');
  return { document, proposal };
}

/** The secretariat records what happened to an adopted document next (forwarded, approved, ...). */
export async function recordStage(
  deps: DocumentsDeps,
  actor: User,
  proposalId: string,
  input: RecordDocumentStage,
): Promise<DocumentView> {
  authorize(actor, 'consensus:propose', {}, 'only the secretariat records stages');
  await adoptedDocument(deps, proposalId);
  const now = deps.clock.now();
  await deps.documents.addStage(proposalId, {
    stage: input.stage,
    date: input.date,
    note: input.note ?? null,
    byUserId: actor.id,
    at: now,
  });
  await deps.audit.append({
    type: 'document.stage-recorded',
    actorId: actor.id,
    subjectId: proposalId,
    data: { proposalId, stage: input.stage, date: input.date },
  });
  return getDocument(deps, actor, proposalId);
}

/** The secretariat notes (once) the shared-library item the adopted text was filed as. */
export async function noteLibraryItem(
  deps: DocumentsDeps,
  actor: User,
  proposalId: string,
  input: FileInLibrary,
): Promise<DocumentView> {
  authorize(actor, 'consensus:propose', {}, 'only the secretariat files documents in the library');
  const { proposal } = await adoptedDocument(deps, proposalId);
  if (!(await deps.documents.setLibraryItem(proposalId, input.itemId)))
    throw new AppError('document.invalid', 'this document was filed in the library already', [
      { path: ['body', 'itemId'], message: 'filed already' },
    ]);
  await deps.audit.append({
    type: 'document.library-filed',
    actorId: actor.id,
    subjectId: proposalId,
    data: { proposalId, version: proposal.documentVersion ?? 1, itemId: input.itemId },
  });
  return getDocument(deps, actor, proposalId);
}
