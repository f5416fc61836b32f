import { z } from 'zod';
import { EntryView } from '../schemas/directory.js';
import { domainTag, concatBytes, utf8Encode } from './encoding.js';
import { canonicalJson } from './canonical-json.js';

/**
 * A signed directory snapshot: what one reader could see at `generatedAt`, signed by the
 * server's directory key (Ed25519, base64url) so it can be checked offline, e.g. on a laptop
 * at a border post without network.
 */
export const DirectorySnapshotBody = z.object({
  v: z.literal(1),
  generatedAt: z.iso.datetime(),
  /** The reader the snapshot was projected for: their state, or null for the secretariat. */
  readerState: z.string().nullable(),
  entries: z.array(EntryView),
});
export type DirectorySnapshotBody = z.infer<typeof DirectorySnapshotBody>;

export const SignedDirectorySnapshot = z.object({
  body: DirectorySnapshotBody,
  /** Ed25519 public key of the server's directory key, 32 bytes base64url. */
  signingKey: z.string(),
  /** Ed25519 signature over `snapshotSignedBytes(body)`, 64 bytes base64url. */
  signature: z.string(),
});
export type SignedDirectorySnapshot = z.infer<typeof SignedDirectorySnapshot>;

const SNAPSHOT_TAG = domainTag('focalnet/directory-snapshot/v1');

/** "focalnet/directory-snapshot/v1" ‖ 0x00 ‖ canonical JSON of the body (UTF-8). */
export function snapshotSignedBytes(body: DirectorySnapshotBody): Uint8Array {
  return concatBytes(SNAPSHOT_TAG, utf8Encode(canonicalJson(body)));
}
