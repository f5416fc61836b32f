import { fromBase64Url } from '../../../shared/crypto/encoding.js';
import type { DocumentReader } from '../../../shared/crypto/document-seal.js';
import { CryptoError } from '../../../shared/crypto/errors.js';
import { verifyKeyBundle } from '../../../shared/crypto/verify-key-bundle.js';
import type { AudienceMember } from '../../../shared/schemas/audience.js';
import type { UnlockedKeys } from '../key-store.js';
import type { KeyStore } from '../key-store.js';

/**
 * The readers the server names (only keys an admin verified), each bundle's self-signature
 * checked here: a bundle that fails is refused, nothing is sealed to it.
 */
export async function checkedReaders(members: readonly AudienceMember[]): Promise<DocumentReader[]> {
  const readers: DocumentReader[] = [];
  for (const member of members) {
    if (!(await verifyKeyBundle(member.keys)))
      throw new CryptoError('crypto.bad-signature', `the key bundle of ${member.userId} is not self-signed`);
    readers.push({
      userId: member.userId,
      keyVersion: member.keyVersion,
      encryptionKey: fromBase64Url(member.keys.encryptionKey),
    });
  }
  return readers;
}

/** A reader's identity key, for their signatures (none when they are no longer a reader). */
export function identityKeyOf(members: readonly AudienceMember[], userId: string): Uint8Array | undefined {
  const member = members.find((candidate) => candidate.userId === userId);
  return member ? fromBase64Url(member.keys.identityKey) : undefined;
}

export function unlocked(keyStore: KeyStore): UnlockedKeys['keys'] {
  const keys = keyStore.get()?.keys;
  if (!keys) throw new CryptoError('crypto.malformed', 'unlock your keys first');
  return keys;
}
