import { AppError } from '../../../shared/errors.js';
import type { AudienceMember } from '../../../shared/schemas/audience.js';
import type { DocumentKey } from '../../../shared/schemas/documents.js';
import type { User } from '../accounts/ports/users.js';
import { audienceMembers } from '../directory/audience-members.js';
import type { DocumentsDeps } from './documents-deps.js';
import type { StoredKey } from './ports.js';

/** The readers of every document for comment now: each national admin and each secretariat member with verified keys. */
export function currentReaders(deps: DocumentsDeps): Promise<AudienceMember[]> {
  return audienceMembers(deps.audience, { kind: 'national-admins' }, { withSecretariat: true });
}

/**
 * A version must be sealed to exactly the current readers, each at their current key: otherwise
 * `document.readers-changed` names them, and the client seals again.
 */
export function requireSealedToReaders(keys: readonly DocumentKey[], readers: readonly AudienceMember[]): void {
  const wanted = new Map(readers.map((reader) => [reader.userId, reader.keyVersion]));
  const exact =
    keys.length === wanted.size &&
    new Set(keys.map((key) => key.userId)).size === keys.length &&
    keys.every((key) => wanted.get(key.userId) === key.keyVersion);
  if (!exact)
    throw new AppError('document.readers-changed', 'seal the document to exactly the current readers', undefined, {
      readers,
    });
}

/** A reader holds a key to a version when one was sealed to their current key version. */
export const holdsKey = (
  keys: readonly StoredKey[],
  version: number,
  reader: Pick<AudienceMember, 'userId' | 'keyVersion'>,
) =>
  keys.some((key) => key.version === version && key.userId === reader.userId && key.keyVersion === reader.keyVersion);

/** Refuses anyone who is not a reader of documents for comment. */
export function requireReader(readers: readonly AudienceMember[], actor: User): AudienceMember {
  const reader = readers.find((member) => member.userId === actor.id);
  if (!reader)
    throw new AppError(
      'document.not-a-reader',
      'documents for comment are read by the national admins and the secretariat, with verified keys',
    );
  return reader;
}
