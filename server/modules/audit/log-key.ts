import { createPrivateKey, createPublicKey, hkdfSync, sign, type KeyObject } from 'node:crypto';
import { emptyRoot } from '../../../shared/audit/merkle.js';
import { treeHeadSignedBytes, type SignedTreeHead, type TreeHead } from '../../../shared/audit/tree-head.js';
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import { sha256 } from './audit-entry.js';

/** PKCS#8 prefix of an Ed25519 private key; the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface LogKey {
  /** Public key, 32 bytes base64url: published in the directory, kept by clients. */
  publicKey: string;
  signHead(head: TreeHead): SignedTreeHead;
}

/**
 * The server's audit log key: Ed25519 derived with HKDF from the signing secret (SIGNING_KEY_SECRET,
 * or JWT_SECRET where that is unset), like the directory key, so every node of a deployment signs
 * the same heads. It signs tree heads only. A new signing secret changes it: older heads then
 * verify against the old key (there is no rollover), which is why it is kept apart from JWT_SECRET.
 */
export function logKey(signingSecret: string): LogKey {
  const seed = Buffer.from(hkdfSync('sha256', signingSecret, 'focalnet', 'audit-log-key/v1', 32));
  const privateKey: KeyObject = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey)
    .export({ format: 'der', type: 'spki' })
    .subarray(-32)
    .toString('base64url');
  return {
    publicKey,
    signHead(head) {
      const signature = sign(null, treeHeadSignedBytes(head), privateKey).toString('base64url');
      return { size: head.size, root: head.root, at: head.at, signature };
    },
  };
}

/** The head of the empty log: SHA-256 of nothing, at the epoch, signed when asked for. */
export function emptyHead(key: LogKey): SignedTreeHead {
  return key.signHead({ size: 0, root: toBase64Url(emptyRoot(sha256)), at: new Date(0).toISOString() });
}
