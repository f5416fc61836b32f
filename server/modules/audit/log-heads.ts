import { consistencyProof, inclusionProof } from '../../../shared/audit/merkle.js';
import type { SignedTreeHead } from '../../../shared/audit/tree-head.js';
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import { AppError } from '../../../shared/errors.js';
import type {
  AuditLogHeadResponse,
  ConsistencyResponse,
  InclusionResponse,
  WitnessSignatureView,
} from '../../../shared/schemas/audit-log.js';
import type { User } from '../accounts/ports/users.js';
import { auditEntryView, inStateTrail, sha256, type AuditEntry } from './audit-entry.js';
import { segmentHead } from './audit-segment.js';
import type { AuditLogDeps } from './audit-log-deps.js';
import { emptyHead } from './log-key.js';
import type { WitnessSignature } from './ports.js';

/** The newest signed head (the empty log's is signed on demand). */
export async function newestHead(deps: Pick<AuditLogDeps, 'store' | 'key'>): Promise<SignedTreeHead> {
  const last = await deps.store.lastSegment();
  return last ? segmentHead(last) : emptyHead(deps.key);
}

/** The signed head of `size` leaves: heads exist at segment ends only. */
export async function headOfSize(
  deps: Pick<AuditLogDeps, 'store' | 'tree' | 'key'>,
  size: number,
): Promise<SignedTreeHead> {
  if (size === 0) return emptyHead(deps.key);
  const unknown = new AppError('audit-log.unknown-head', `the log has no signed head of size ${size}`);
  const id = await deps.tree.segmentHolding(size).catch(() => {
    throw unknown;
  });
  const segment = await deps.store.segment(id);
  if (!segment || segment.size !== size) throw unknown;
  return segmentHead(segment);
}

export async function readHead(deps: AuditLogDeps): Promise<AuditLogHeadResponse> {
  const [head, witnesses] = await Promise.all([newestHead(deps), deps.witnesses.latestPerState()]);
  return { head, logKey: deps.key.publicKey, witnesses: witnesses.map(witnessView) };
}

/** RFC 9162 consistency proof from `from` leaves to the head of `to` (the newest by default). */
export async function consistency(deps: AuditLogDeps, from: number, to?: number): Promise<ConsistencyResponse> {
  const head = to === undefined ? await newestHead(deps) : await headOfSize(deps, to);
  if (from > head.size)
    throw new AppError(
      'audit-log.size-out-of-range',
      `no consistency proof from ${from} entries to a head of ${head.size}: the log is smaller than the head asked about`,
    );
  const proof = await consistencyProof(sha256, deps.tree, from, head.size);
  return { from, head, proof: proof.map(toBase64Url) };
}

/**
 * Entry `seq` with its inclusion proof in the head of `size` (the newest by default), for whoever
 * may read the entry in the trail: national admins their state's, the secretariat all, focal
 * points what they did or what concerns them.
 */
export async function inclusion(
  deps: AuditLogDeps,
  actor: User,
  seq: number,
  size?: number,
): Promise<InclusionResponse> {
  const head = size === undefined ? await newestHead(deps) : await headOfSize(deps, size);
  if (seq > head.size)
    throw new AppError('audit-log.size-out-of-range', `entry ${seq} is not in the head of ${head.size} entries`);
  const segment = await deps.store.segment(await deps.tree.segmentHolding(seq));
  const entry = segment?.entries.find((e) => e.seq === seq);
  if (!entry) throw new AppError('audit-log.unknown-head', `entry ${seq} is missing from the log`);
  if (!mayRead(actor, entry)) throw new AppError('auth.forbidden', 'not allowed: this entry is not in your trail');
  const proof = await inclusionProof(sha256, deps.tree, seq - 1, head.size);
  return { entry: auditEntryView(entry), index: seq - 1, size: head.size, proof: proof.map(toBase64Url) };
}

function mayRead(actor: User, entry: AuditEntry): boolean {
  if (actor.status !== 'active') return false;
  if (actor.role === 'network-admin') return true;
  if (actor.role === 'national-admin') return actor.state !== null && inStateTrail(entry, actor.state);
  return entry.actorId === actor.id || entry.subjectId === actor.id;
}

export function witnessView(witness: WitnessSignature): WitnessSignatureView {
  return {
    state: witness.state,
    userId: witness.userId,
    head: witness.head,
    signature: witness.signature,
    signedAt: witness.signedAt.toISOString(),
  };
}
