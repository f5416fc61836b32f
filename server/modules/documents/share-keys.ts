import { AppError } from '../../../shared/errors.js';
import type { DocumentView, ShareDocumentKeys } from '../../../shared/schemas/documents.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import type { DocumentsDeps } from './documents-deps.js';
import { getDocument } from './read-documents.js';
import { currentReaders, holdsKey, requireReader } from './readers.js';

/**
 * A reader who holds a version's key seals it for current readers who have none (activated
 * later, or with new keys), after checking their key bundles in the client. Accepted only from a
 * reader of that version, only for current readers lacking one, at their current key version.
 */
export async function shareDocumentKeys(
  deps: DocumentsDeps,
  actor: User,
  proposalId: string,
  input: ShareDocumentKeys,
): Promise<DocumentView> {
  authorize(actor, 'consensus:read');
  const document = await deps.documents.find(proposalId);
  if (!document) throw new AppError('document.not-found', 'no such document for comment');
  const versions = await deps.documents.versions(proposalId);
  if (!versions.some((version) => version.number === input.version))
    throw new AppError('document.invalid', `there is no version ${input.version}`, [
      { path: ['body', 'version'], message: 'no such version' },
    ]);
  const [readers, keys] = await Promise.all([currentReaders(deps), deps.documents.keys([proposalId])]);
  const sharer = requireReader(readers, actor);
  if (!holdsKey(keys, input.version, sharer))
    throw new AppError('document.not-a-reader', 'only a reader who holds this version’s key shares it');
  if (new Set(input.keys.map((key) => key.userId)).size !== input.keys.length)
    throw new AppError('document.invalid', 'one key per reader', [{ path: ['body', 'keys'], message: 'repeated' }]);
  input.keys.forEach((key, index) => {
    const reader = readers.find((member) => member.userId === key.userId);
    if (!reader || reader.keyVersion !== key.keyVersion)
      throw new AppError('document.not-a-reader', 'a key is for someone who is not a current reader (at this key)', [
        { path: ['body', 'keys', String(index), 'userId'], message: 'not a current reader' },
      ]);
    if (holdsKey(keys, input.version, reader))
      throw new AppError('document.invalid', 'this reader holds a key already', [
        { path: ['body', 'keys', String(index), 'userId'], message: 'has a key' },
      ]);
  });
  const now = deps.clock.now();
  await deps.documents.addKeys(
    input.keys.map((key) => ({ ...key, proposalId, version: input.version, sharedBy: actor.id, at: now })),
  );
  for (const key of input.keys)
    await deps.audit.append({
      type: 'document.key-shared',
      actorId: actor.id,
      subjectId: proposalId,
      data: { proposalId, version: input.version, forUserId: key.userId },
    });
  return getDocument(deps, actor, proposalId);
}
