import { AppError } from '../../../shared/errors.js';
import type { CirculateDocument, DocumentView, ReviseDocument } from '../../../shared/schemas/documents.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import { toProposalView } from '../consensus/proposal-view.js';
import { findProposal } from '../consensus/read-proposals.js';
import { settleIfDue } from '../consensus/settle-proposals.js';
import { requireActiveDomains } from '../directory/domains.js';
import { checkDeadline, checkVersionSize } from './check-version.js';
import type { DocumentsDeps } from './documents-deps.js';
import type { StoredKey } from './ports.js';
import { getDocument } from './read-documents.js';
import { currentReaders, requireReader, requireSealedToReaders } from './readers.js';

/** What the proposal says in plaintext: the content is sealed, so nothing of it. */
const RATIONALE = 'A document for comment under the silence procedure; its text is sealed to the readers.';

const keysOf = (
  proposalId: string,
  version: number,
  keys: CirculateDocument['version']['keys'],
  sharedBy: string,
  at: Date,
): StoredKey[] => keys.map((key) => ({ ...key, proposalId, version, sharedBy, at }));

/**
 * The secretariat circulates a document for comment: a silence-procedure proposal whose change
 * is to adopt it, and version 1 sealed in its client to every reader. Everything is checked
 * before the first write.
 */
export async function circulateDocument(
  deps: DocumentsDeps,
  actor: User,
  input: CirculateDocument,
): Promise<DocumentView> {
  authorize(actor, 'consensus:propose', {}, 'only the secretariat circulates documents for comment');
  const now = deps.clock.now();
  const deadline = new Date(input.deadline);
  checkDeadline(deadline, now);
  await requireActiveDomains(deps.audience.index, input.meta.domains, ['body', 'meta', 'domains']);
  if (input.version.number !== 1)
    throw new AppError('document.invalid', 'a new document starts at version 1', [
      { path: ['body', 'version', 'number'], message: 'must be 1' },
    ]);
  const files = await checkVersionSize(deps, actor, input.version);
  if (await deps.documents.docIdTaken(input.docId))
    throw new AppError('document.invalid', 'this document was circulated already', [
      { path: ['body', 'docId'], message: 'taken' },
    ]);
  const readers = await currentReaders(deps);
  requireReader(readers, actor);
  requireSealedToReaders(input.version.keys, readers);

  const electorate = (await deps.consensus.states.all()).map((state) => state.code);
  const proposal = await deps.consensus.proposals.create({
    change: { kind: 'adopt-document', document: input.meta },
    procedure: 'silence',
    rationale: RATIONALE,
    proposedBy: actor.id,
    proposedAt: now,
    deadline,
    electorate,
    documentVersion: 1,
  });
  const proposalId = proposal.id;
  await deps.documents.create({ proposalId, docId: input.docId, authorId: actor.id, meta: input.meta }, now);
  const { keys: _keys, files: _files, ...sealed } = input.version;
  await deps.documents.addVersion({ ...sealed, proposalId, files, authorId: actor.id, circulatedAt: now, deadline });
  await deps.documents.addKeys(keysOf(proposalId, 1, input.version.keys, actor.id, now));
  await deps.files.bind(input.version.files, actor.id, proposalId);
  await deps.audit.append({
    type: 'consensus.proposed',
    actorId: actor.id,
    subjectId: proposalId,
    data: {
      kind: 'adopt-document',
      procedure: 'silence',
      deadline: deadline.toISOString(),
      electorate: electorate.length,
    },
  });
  await deps.audit.append({
    type: 'document.circulated',
    actorId: actor.id,
    subjectId: proposalId,
    data: {
      proposalId,
      version: 1,
      kind: input.meta.kind,
      domains: input.meta.domains,
      languages: input.meta.languages,
      readers: readers.length,
      files: files.length,
    },
  });
  deps.consensus.notifier.updated(toProposalView(proposal));
  return getDocument(deps, actor, proposalId);
}

/**
 * The secretariat circulates a revised draft (version n + 1, sealed anew) while the proposal is
 * open: the deadline restarts and silence reopens (objections to earlier versions stay on record,
 * marked with their version, but no longer count).
 */
export async function reviseDocument(
  deps: DocumentsDeps,
  actor: User,
  proposalId: string,
  input: ReviseDocument,
): Promise<DocumentView> {
  authorize(actor, 'consensus:propose', {}, 'only the secretariat revises documents for comment');
  const document = await deps.documents.find(proposalId);
  if (!document) throw new AppError('document.not-found', 'no such document for comment');
  const proposal = await settleIfDue(deps.consensus, await findProposal(deps.consensus, proposalId));
  if (proposal.status !== 'open') throw new AppError('consensus.closed', 'this document is no longer open for comment');
  const now = deps.clock.now();
  const deadline = new Date(input.deadline);
  checkDeadline(deadline, now);
  const current = proposal.documentVersion ?? 1;
  if (input.version.number !== current + 1)
    throw new AppError('document.invalid', `the next version is ${current + 1}`, [
      { path: ['body', 'version', 'number'], message: `must be ${current + 1}` },
    ]);
  const files = await checkVersionSize(deps, actor, input.version);
  const readers = await currentReaders(deps);
  requireReader(readers, actor);
  requireSealedToReaders(input.version.keys, readers);

  const { number } = input.version;
  if (!(await deps.consensus.proposals.revise(proposalId, number, deadline, now)))
    throw new AppError('consensus.closed', 'this document was revised or closed meanwhile');
  const { keys: _keys, files: _files, ...sealed } = input.version;
  await deps.documents.addVersion({ ...sealed, proposalId, files, authorId: actor.id, circulatedAt: now, deadline });
  await deps.documents.addKeys(keysOf(proposalId, number, input.version.keys, actor.id, now));
  await deps.files.bind(input.version.files, actor.id, proposalId);
  await deps.audit.append({
    type: 'document.revised',
    actorId: actor.id,
    subjectId: proposalId,
    data: {
      proposalId,
      version: number,
      kind: document.meta.kind,
      domains: document.meta.domains,
      readers: readers.length,
      deadline: deadline.toISOString(),
    },
  });
  const revised = await findProposal(deps.consensus, proposalId);
  deps.consensus.notifier.updated(toProposalView(revised));
  return getDocument(deps, actor, proposalId);
}
