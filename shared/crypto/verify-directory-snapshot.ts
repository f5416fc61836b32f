import { SignedDirectorySnapshot, snapshotSignedBytes } from './directory-snapshot-format.js';
import { fromBase64Url } from './encoding.js';
import { getSodium } from './sodium.js';

/**
 * True if the snapshot is well formed and signed by `trustedKey` (the directory key the client
 * pinned earlier, base64url). Never throws.
 */
export async function verifyDirectorySnapshot(snapshot: unknown, trustedKey: string): Promise<boolean> {
  const parsed = SignedDirectorySnapshot.safeParse(snapshot);
  if (!parsed.success || parsed.data.signingKey !== trustedKey) return false;
  try {
    const sodium = await getSodium();
    return sodium.crypto_sign_verify_detached(
      fromBase64Url(parsed.data.signature),
      snapshotSignedBytes(parsed.data.body),
      fromBase64Url(trustedKey),
    );
  } catch {
    return false;
  }
}
