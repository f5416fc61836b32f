import { verifyConsistency, type Sha256 } from '../../../shared/audit/merkle.js';
import { verifyTreeHeadSignature, type SignedTreeHead } from '../../../shared/audit/tree-head.js';
import { fromBase64Url } from '../../../shared/crypto/encoding.js';
import type { ConsistencyResponse } from '../../../shared/schemas/audit-log.js';
import type { DiscrepancyKind } from './verdict.js';

export interface Problem {
  kind: DiscrepancyKind;
  detail: string;
}

/**
 * Whether the server's answer shows the log extends `saved`: its head signed by the pinned key,
 * no smaller, and the RFC 9162 consistency proof from `saved` to it verifies. Null when it does.
 */
export async function judgeConsistency(
  sha256: Sha256,
  logKey: string,
  saved: SignedTreeHead,
  answer: ConsistencyResponse,
): Promise<Problem | null> {
  const head = answer.head;
  if (!(await verifyTreeHeadSignature(head, logKey)))
    return { kind: 'bad-signature', detail: `the head of size ${head.size} is not signed by the pinned log key` };
  if (head.size < saved.size)
    return { kind: 'truncated', detail: `the log has ${head.size} entries; this client saw ${saved.size}` };
  if (answer.from !== saved.size)
    return { kind: 'inconsistent', detail: `asked for a proof from ${saved.size}, got one from ${answer.from}` };
  const proven = verifyConsistency(
    sha256,
    saved.size,
    head.size,
    fromBase64Url(saved.root),
    fromBase64Url(head.root),
    answer.proof.map(fromBase64Url),
  );
  return proven
    ? null
    : { kind: 'inconsistent', detail: `the log of ${head.size} entries does not extend the one of ${saved.size} seen` };
}

/** A head the server showed after refusing a proof: smaller than the saved one is a truncation. */
export async function judgeRefusal(
  logKey: string,
  saved: SignedTreeHead,
  current: SignedTreeHead | null,
  refusal: string,
): Promise<Problem> {
  if (current && current.size < saved.size && (await verifyTreeHeadSignature(current, logKey)))
    return { kind: 'truncated', detail: `the log has ${current.size} entries; this client saw ${saved.size}` };
  return { kind: 'proof-refused', detail: `no consistency proof from ${saved.size}: ${refusal}`.slice(0, 500) };
}
