import { AppError } from '../../../shared/errors.js';
import type { AudienceMember } from '../../../shared/schemas/audience.js';
import type { DocumentSummary, DocumentVersionView, DocumentView } from '../../../shared/schemas/documents.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import { toProposalView } from '../consensus/proposal-view.js';
import { findProposal } from '../consensus/read-proposals.js';
import { settleIfDue } from '../consensus/settle-proposals.js';
import type { DocumentsDeps } from './documents-deps.js';
import type { StoredKey, StoredVersion } from './ports.js';
import { currentReaders, holdsKey } from './readers.js';

const LIST_LIMIT = 200;

/** My key to a version: sealed to my current key version (one sealed to a key I replaced opens nothing). */
const myKeyTo = (keys: readonly StoredKey[], version: number, actor: User): string | null =>
  keys.find((key) => key.version === version && key.userId === actor.id && key.keyVersion === actor.keys?.keyVersion)
    ?.sealed ?? null;

const versionView = (version: StoredVersion, keys: readonly StoredKey[], actor: User): DocumentVersionView => ({
  number: version.number,
  head: version.head,
  body: version.body,
  files: version.files,
  signature: version.signature,
  authorId: version.authorId,
  circulatedAt: version.circulatedAt.toISOString(),
  deadline: version.deadline.toISOString(),
  myKey: myKeyTo(keys, version.number, actor),
});

/** Admins read documents for comment; a proposal whose deadline passed is settled on the way. */
export async function getDocument(deps: DocumentsDeps, actor: User, proposalId: string): Promise<DocumentView> {
  authorize(actor, 'consensus:read');
  const document = await deps.documents.find(proposalId);
  if (!document) throw new AppError('document.not-found', 'no such document for comment');
  const proposal = await settleIfDue(deps.consensus, await findProposal(deps.consensus, proposalId));
  const [versions, keys, comments, readers] = await Promise.all([
    deps.documents.versions(proposalId),
    deps.documents.keys([proposalId]),
    deps.documents.comments(proposalId),
    currentReaders(deps),
  ]);
  // Readers who joined later (or have new keys) wait for a key; whoever holds one may share it.
  const missingKeys = versions.flatMap((version) =>
    myKeyTo(keys, version.number, actor) === null
      ? []
      : readers
          .filter((reader) => !holdsKey(keys, version.number, reader))
          .map((reader) => ({ version: version.number, userId: reader.userId })),
  );
  return {
    proposalId,
    docId: document.docId,
    meta: document.meta,
    proposal: toProposalView(proposal),
    versions: versions.map((version) => versionView(version, keys, actor)),
    comments: comments.map(({ proposalId: _p, at, ...comment }) => ({ ...comment, at: at.toISOString() })),
    readers,
    missingKeys,
    stages: document.stages.map((stage) => ({ ...stage, at: stage.at.toISOString() })),
    libraryItemId: document.libraryItemId,
  };
}

/** Newest first, with the latest version's sealed title and my key to it. */
export async function listDocuments(deps: DocumentsDeps, actor: User): Promise<DocumentSummary[]> {
  authorize(actor, 'consensus:read');
  const documents = await deps.documents.recent(LIST_LIMIT);
  const ids = documents.map((document) => document.proposalId);
  const [latest, keys, counts] = await Promise.all([
    deps.documents.latestVersions(ids),
    deps.documents.keys(ids),
    deps.documents.commentCounts(ids),
  ]);
  const summaries: DocumentSummary[] = [];
  for (const document of documents) {
    const version = latest.find((v) => v.proposalId === document.proposalId);
    const proposal = await deps.consensus.proposals.find(document.proposalId);
    if (!version || !proposal) continue; // being circulated this very moment
    const current = await settleIfDue(deps.consensus, proposal);
    const mine = keys.filter((key) => key.proposalId === document.proposalId);
    summaries.push({
      proposalId: document.proposalId,
      docId: document.docId,
      meta: document.meta,
      proposal: toProposalView(current),
      latest: {
        number: version.number,
        head: version.head,
        deadline: version.deadline.toISOString(),
        myKey: myKeyTo(mine, version.number, actor),
      },
      comments: counts.get(document.proposalId) ?? 0,
      libraryItemId: document.libraryItemId,
    });
  }
  return summaries;
}

/** Who a new version must be sealed to now (the secretariat's client asks before sealing). */
export async function listReaders(deps: DocumentsDeps, actor: User): Promise<AudienceMember[]> {
  authorize(actor, 'consensus:read');
  return currentReaders(deps);
}
