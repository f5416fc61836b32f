import { witnessSignedBytes, type SignedTreeHead } from '../../../shared/audit/tree-head.js';
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import { getSodium } from '../../../shared/crypto/sodium.js';
import { isApiError } from '../api-error.js';
import type { AuditLogApi } from '../api/audit-log-api.js';
import type { AuditHeadStore } from './head-store.js';

export interface WitnessDeps {
  api: AuditLogApi;
  store: AuditHeadStore;
  userId: string;
  /** The national admin's identity key (Ed25519 private key, 64 bytes): the key that signs policies. */
  identityPrivateKey: Uint8Array;
}

/**
 * Co-signs `head` as a witness: only the head this client verified and saved, and only once per
 * head (a head already co-signed by this client, or an older one, is skipped). True when sent.
 */
export async function witnessHead(deps: WitnessDeps, head: SignedTreeHead): Promise<boolean> {
  const saved = await deps.store.load(deps.userId);
  if (!saved || saved.head.size !== head.size || saved.head.root !== head.root) return false;
  if (saved.witnessedSize !== undefined && saved.witnessedSize >= head.size) return false;
  const unsigned = { size: head.size, root: head.root, at: head.at };
  const sodium = await getSodium();
  const signature = sodium.crypto_sign_detached(witnessSignedBytes(unsigned), deps.identityPrivateKey);
  try {
    await deps.api.witness({ head: unsigned, signature: toBase64Url(signature) });
  } catch (error) {
    // This admin co-signed a newer head already (from another client): nothing more to sign here.
    if (!isApiError(error, 'audit-log.head-stale')) throw error;
  }
  const latest = (await deps.store.load(deps.userId)) ?? saved;
  await deps.store.save(deps.userId, { ...latest, witnessedSize: head.size });
  return true;
}
