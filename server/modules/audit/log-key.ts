import { emptyRoot } from '../../../shared/audit/merkle.js';
import { treeHeadSignedBytes, type SignedTreeHead, type TreeHead } from '../../../shared/audit/tree-head.js';
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import { derivedKey, type DerivedKey } from '../server-keys/derived-key.js';
import { sha256 } from './audit-entry.js';

/** HKDF info of the audit log key. */
export const AUDIT_LOG_KEY_INFO = 'audit-log-key/v1';

export interface LogKey {
  /** Public key, 32 bytes base64url: published in the directory, kept by clients. */
  publicKey: string;
  signHead(head: TreeHead): SignedTreeHead;
}

/** The audit log key as a plain signing key (to endorse its successor). */
export function auditLogSigningKey(signingSecret: string): DerivedKey {
  return derivedKey(signingSecret, AUDIT_LOG_KEY_INFO);
}

/**
 * The server's audit log key: Ed25519 derived from the signing secret (SIGNING_KEY_SECRET, or
 * JWT_SECRET where that is unset), like the directory key, so every node of a deployment signs
 * the same heads. It signs tree heads only. A new signing secret changes it: the old key endorses
 * the new one (server-keys/settle-keys.ts), and heads verify against the key in force when they
 * were signed.
 */
export function logKey(signingSecret: string): LogKey {
  const key = auditLogSigningKey(signingSecret);
  return {
    publicKey: key.publicKey,
    signHead(head) {
      return { size: head.size, root: head.root, at: head.at, signature: key.sign(treeHeadSignedBytes(head)) };
    },
  };
}

/** The head of the empty log: SHA-256 of nothing, at the epoch, signed when asked for. */
export function emptyHead(key: LogKey): SignedTreeHead {
  return key.signHead({ size: 0, root: toBase64Url(emptyRoot(sha256)), at: new Date(0).toISOString() });
}
