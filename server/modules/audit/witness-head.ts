import { verifyWitnessSignature } from '../../../shared/audit/tree-head.js';
import { AppError } from '../../../shared/errors.js';
import type { WitnessRequest, WitnessSignatureView } from '../../../shared/schemas/audit-log.js';
import type { User } from '../accounts/ports/users.js';
import type { AuditLogDeps } from './audit-log-deps.js';
import { headOfSize, witnessView } from './log-heads.js';

/**
 * A national admin's client co-signs a head it checked (a witness). Only a head the server signed
 * (same size, root and time), never older than this admin's last co-signed one, signed by the
 * admin's current, admin-verified identity key. Co-signing the same head again changes nothing.
 */
export async function witnessHead(
  deps: AuditLogDeps,
  actor: User,
  request: WitnessRequest,
): Promise<WitnessSignatureView> {
  const { head, signature } = request;
  if (actor.role !== 'national-admin' || actor.status !== 'active' || !actor.state || !actor.keys?.verifiedAt)
    throw new AppError(
      'audit-log.witness-not-admin',
      "only an active national admin whose keys an admin verified co-signs the log's heads",
    );
  const signed = await headOfSize(deps, head.size).catch(() => undefined);
  if (!signed || signed.root !== head.root || Date.parse(signed.at) !== Date.parse(head.at))
    throw new AppError('audit-log.head-unknown', 'the server never signed this head: it cannot be co-signed');
  const canonical = { size: signed.size, root: signed.root, at: signed.at };
  if (!(await verifyWitnessSignature(canonical, signature, actor.keys.identityKey)))
    throw new AppError('audit-log.bad-signature', 'the co-signature does not verify with your identity key');
  const already = await deps.witnesses.find(actor.id, head.size);
  if (already) return witnessView(already);
  const latest = await deps.witnesses.latestBy(actor.id);
  if (latest && latest.head.size > head.size)
    throw new AppError(
      'audit-log.head-stale',
      `you co-signed a later head (${latest.head.size} entries) already: co-sign the newest head`,
    );
  const witness = { state: actor.state, userId: actor.id, head: canonical, signature, signedAt: deps.clock.now() };
  // Two tabs co-signing at once: the first stored is the one kept and audited.
  if (!(await deps.witnesses.add(witness))) {
    const stored = await deps.witnesses.find(actor.id, head.size);
    if (stored) return witnessView(stored);
  }
  await deps.audit.append({
    type: 'audit-log.witnessed',
    actorId: actor.id,
    state: actor.state,
    data: { size: head.size, root: head.root },
  });
  return witnessView(witness);
}
