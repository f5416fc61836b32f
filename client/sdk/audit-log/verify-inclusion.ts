import { auditLeafHash } from '../../../shared/audit/audit-leaf.js';
import { verifyInclusion, type Sha256 } from '../../../shared/audit/merkle.js';
import { fromBase64Url, toBase64Url } from '../../../shared/crypto/encoding.js';
import type { AuditEntryView } from '../../../shared/schemas/accounts.js';
import type { AuditLogApi } from '../api/audit-log-api.js';
import type { AuditHeadStore } from './head-store.js';
import type { AuditLogVerdict, InclusionVerdict } from './verdict.js';

export interface InclusionDeps {
  api: AuditLogApi;
  store: AuditHeadStore;
  userId: string;
  sha256: Sha256;
  /** Runs the consistency check, so the saved head moves on to cover a newer entry. */
  check: () => Promise<AuditLogVerdict>;
}

/** The entry's leaf hash, recomputed here from what it says (base64url). */
export function entryLeafHash(sha256: Sha256, entry: AuditEntryView): string {
  const { seq, at, type, actorId, state, alsoStates, subjectId, data } = entry;
  return toBase64Url(
    auditLeafHash(sha256, { seq, at, type, actorId, state, ...(alsoStates ? { alsoStates } : {}), subjectId, data }),
  );
}

/**
 * Proves `entry` is in the log this client verified: its fields must hash to its leaf hash, and
 * the server's inclusion proof must put that leaf under the saved head's root.
 */
export async function verifyEntryInclusion(deps: InclusionDeps, entry: AuditEntryView): Promise<InclusionVerdict> {
  const seq = entry.seq;
  const leaf = entryLeafHash(deps.sha256, entry);
  if (leaf !== entry.leafHash)
    return { ok: false, seq, reason: 'leaf-mismatch', detail: 'the entry does not hash to its leaf hash' };
  let saved = await deps.store.load(deps.userId);
  if (!saved || saved.head.size < seq) {
    const verdict = await deps.check();
    if (!verdict.ok) return { ok: false, seq, reason: 'log-unverified', detail: verdict.detail };
    saved = await deps.store.load(deps.userId);
  }
  if (!saved || saved.head.size < seq)
    return { ok: false, seq, reason: 'log-unverified', detail: `no verified head covers entry ${seq}` };
  const head = saved.head;
  let proof: Uint8Array[];
  try {
    const answer = await deps.api.inclusion(seq, head.size);
    if (answer.index !== seq - 1 || answer.size !== head.size)
      return { ok: false, seq, reason: 'proof-failed', detail: `the proof is for another leaf or tree size` };
    proof = answer.proof.map(fromBase64Url);
  } catch (error) {
    return { ok: false, seq, reason: 'proof-refused', detail: error instanceof Error ? error.message : String(error) };
  }
  const included = verifyInclusion(
    deps.sha256,
    seq - 1,
    head.size,
    fromBase64Url(leaf),
    proof,
    fromBase64Url(head.root),
  );
  return included
    ? { ok: true, seq, head }
    : { ok: false, seq, reason: 'proof-failed', detail: `entry ${seq} is not in the log of ${head.size} entries` };
}
