import {
  snapshotSignedBytes,
  type DirectorySnapshotBody,
  type SignedDirectorySnapshot,
} from '../../../shared/crypto/directory-snapshot-format.js';
import { derivedKey, type DerivedKey } from '../server-keys/derived-key.js';

/** HKDF info of the directory key: a new version here is a new key for every client. */
export const DIRECTORY_KEY_INFO = 'directory-snapshot-key/v1';

export interface SnapshotSigner {
  /** Public key, 32 bytes base64url: clients pin it. */
  publicKey: string;
  sign(body: DirectorySnapshotBody): SignedDirectorySnapshot;
}

/** The directory key derived from the signing secret (SIGNING_KEY_SECRET, or JWT_SECRET where that is unset). */
export function directoryKey(signingSecret: string): DerivedKey {
  return derivedKey(signingSecret, DIRECTORY_KEY_INFO);
}

/**
 * The server's directory key, the same on every node of one deployment. A new signing secret
 * changes it; the old key endorses the new one (server-keys/settle-keys.ts), so national systems
 * that pinned the old key follow. It signs directory snapshots only — it is no user's key.
 */
export function snapshotSigner(signingSecret: string): SnapshotSigner {
  const key = directoryKey(signingSecret);
  return {
    publicKey: key.publicKey,
    sign: (body) => ({ body, signingKey: key.publicKey, signature: key.sign(snapshotSignedBytes(body)) }),
  };
}
