import { z } from 'zod';
import { canonicalJsonBytes } from '../crypto/canonical-json.js';
import { base64UrlBytes, concatBytes, domainTag, fromBase64Url } from '../crypto/encoding.js';
import { getSodium } from '../crypto/sodium.js';

/** A tree head of the audit log: how many entries, the Merkle root over them, and when. */
export const TreeHead = z
  .object({
    size: z.number().int().min(0),
    /** RFC 9162 MTH of the first `size` entries, 32 bytes base64url. */
    root: base64UrlBytes(32),
    /** When the log reached this size (ISO 8601, UTC). */
    at: z.iso.datetime(),
  })
  .strict();
export type TreeHead = z.infer<typeof TreeHead>;

/** A tree head signed by the server's audit log key (Ed25519). */
export const SignedTreeHead = TreeHead.extend({ signature: base64UrlBytes(64) }).strict();
export type SignedTreeHead = z.infer<typeof SignedTreeHead>;

const TREE_HEAD_TAG = domainTag('focalnet/audit-tree-head/v1');
const WITNESS_TAG = domainTag('focalnet/audit-witness/v1');

const headFields = (head: TreeHead) => ({ size: head.size, root: head.root, at: head.at });

/** What the server's log key signs: "focalnet/audit-tree-head/v1" ‖ 0x00 ‖ canonical JSON of {size, root, at}. */
export function treeHeadSignedBytes(head: TreeHead): Uint8Array {
  return concatBytes(TREE_HEAD_TAG, canonicalJsonBytes(headFields(head)));
}

/**
 * What a witness (a national admin's identity key) co-signs after checking the head is consistent
 * with every head it saw before: "focalnet/audit-witness/v1" ‖ 0x00 ‖ canonical JSON of {size, root, at}.
 */
export function witnessSignedBytes(head: TreeHead): Uint8Array {
  return concatBytes(WITNESS_TAG, canonicalJsonBytes(headFields(head)));
}

async function verifyEd25519(message: Uint8Array, signature: string, publicKey: string): Promise<boolean> {
  try {
    const key = fromBase64Url(publicKey);
    const sig = fromBase64Url(signature);
    if (key.length !== 32 || sig.length !== 64) return false;
    const sodium = await getSodium();
    return sodium.crypto_sign_verify_detached(sig, message, key);
  } catch {
    return false;
  }
}

/** True if the head carries a valid signature by the log key (32 bytes base64url). Never throws. */
export function verifyTreeHeadSignature(head: SignedTreeHead, logKey: string): Promise<boolean> {
  return verifyEd25519(treeHeadSignedBytes(head), head.signature, logKey);
}

/** True if `signature` is a valid witness co-signature of `head` by `identityKey`. Never throws. */
export function verifyWitnessSignature(head: TreeHead, signature: string, identityKey: string): Promise<boolean> {
  return verifyEd25519(witnessSignedBytes(head), signature, identityKey);
}
