import { createPrivateKey, createPublicKey, hkdfSync, sign, type KeyObject } from 'node:crypto';
import {
  snapshotSignedBytes,
  type DirectorySnapshotBody,
  type SignedDirectorySnapshot,
} from '../../../shared/crypto/directory-snapshot-format.js';

/** PKCS#8 prefix of an Ed25519 private key; the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface SnapshotSigner {
  /** Public key, 32 bytes base64url: clients pin it. */
  publicKey: string;
  sign(body: DirectorySnapshotBody): SignedDirectorySnapshot;
}

/**
 * The server's directory key. Derived with HKDF from the signing secret (SIGNING_KEY_SECRET, or
 * JWT_SECRET where that is unset), so every node of one deployment signs with the same key; a new
 * signing secret changes it (clients then re-pin). It signs directory snapshots only — it is no user's key.
 */
export function snapshotSigner(signingSecret: string): SnapshotSigner {
  const seed = Buffer.from(hkdfSync('sha256', signingSecret, 'focalnet', 'directory-snapshot-key/v1', 32));
  const privateKey: KeyObject = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const raw = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(-32);
  const publicKey = raw.toString('base64url');
  return {
    publicKey,
    sign(body) {
      const signature = sign(null, snapshotSignedBytes(body), privateKey).toString('base64url');
      return { body, signingKey: publicKey, signature };
    },
  };
}
