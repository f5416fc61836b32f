import { fromBase64Url } from '../../../shared/crypto/encoding.js';
import { keyFingerprint } from '../../../shared/crypto/safety-number.js';
import type { PreviousKeyStatus } from '../../../shared/schemas/directory.js';
import type { PreviousKeys, User } from '../accounts/ports/users.js';

/** A replaced key set as the directory index holds it, fingerprint computed once per load. */
export interface IndexedPreviousKey {
  keys: PreviousKeys;
  fingerprint: string;
}

/**
 * The person's earlier keys, newest first: one per key version (two rotations racing from the
 * same keys may both have recorded it; the first record counts) and only versions older than
 * the current key.
 */
export async function indexKeyHistory(user: User): Promise<IndexedPreviousKey[]> {
  const current = user.keys?.keyVersion ?? Number.POSITIVE_INFINITY;
  const byVersion = new Map<number, PreviousKeys>();
  for (const keys of user.keyHistory) {
    if (keys.keyVersion < current && !byVersion.has(keys.keyVersion)) byVersion.set(keys.keyVersion, keys);
  }
  const history = [...byVersion.values()].sort((a, b) => b.keyVersion - a.keyVersion);
  return Promise.all(
    history.map(async (keys) => ({ keys, fingerprint: await keyFingerprint(fromBase64Url(keys.identityKey)) })),
  );
}

export function toPreviousKeyStatus({ keys, fingerprint }: IndexedPreviousKey): PreviousKeyStatus {
  return {
    identityKey: keys.identityKey,
    encryptionKey: keys.encryptionKey,
    encryptionKeySig: keys.encryptionKeySig,
    keyVersion: keys.keyVersion,
    fingerprint,
    verified: keys.verifiedAt !== null,
    verifiedAt: keys.verifiedAt?.toISOString() ?? null,
    validFrom: keys.createdAt.toISOString(),
    validUntil: keys.replacedAt.toISOString(),
  };
}
