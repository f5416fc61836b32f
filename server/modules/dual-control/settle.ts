import { auditState } from './second-approver.js';
import type { AuditEventType } from '../../../shared/audit/event-types.js';
import type { DualControlDeps } from './dual-control-deps.js';
import type { DecidedStatus, DualControlRecord } from './ports.js';

const AUDIT: Record<DecidedStatus, AuditEventType> = {
  approved: 'dual-control.approved',
  refused: 'dual-control.refused',
  expired: 'dual-control.expired',
  cancelled: 'dual-control.cancelled',
};

/** Claims the decision on `record` for one caller across nodes; undefined when someone else decided first. */
export async function claimDecision(
  deps: DualControlDeps,
  record: DualControlRecord,
  status: DecidedStatus,
  decidedBy: string | null,
  comment: string | null = null,
): Promise<{ status: DecidedStatus; decidedBy: string | null; comment: string | null; at: Date } | undefined> {
  const outcome = { status, decidedBy, comment, at: deps.clock.now() };
  return (await deps.requests.claim(record.id, outcome)) ? outcome : undefined;
}

/** Writes the claimed outcome on the request and its audit entry; only the claim's winner calls this. */
export async function recordDecision(
  deps: DualControlDeps,
  record: DualControlRecord,
  outcome: { status: DecidedStatus; decidedBy: string | null; comment: string | null; at: Date },
): Promise<DualControlRecord> {
  const decided = await deps.requests.finalize(record, outcome);
  deps.changed(decided);
  await deps.audit.append({
    type: AUDIT[outcome.status],
    actorId: outcome.decidedBy,
    state: auditState(record),
    subjectId: record.subjectId,
    data: {
      requestId: record.id,
      kind: record.kind,
      requestedBy: record.requestedBy,
      ...(outcome.decidedBy ? { decidedBy: outcome.decidedBy } : {}),
      ...(outcome.comment ? { comment: outcome.comment } : {}),
    },
  });
  return decided;
}

/** Marks a request whose time ran out as expired (once across nodes); true when this caller did. */
export async function expire(deps: DualControlDeps, record: DualControlRecord): Promise<boolean> {
  const outcome = await claimDecision(deps, record, 'expired', null);
  if (!outcome) return false;
  await recordDecision(deps, record, outcome);
  return true;
}

export const hasExpired = (deps: DualControlDeps, record: DualControlRecord): boolean =>
  record.expiresAt.getTime() <= deps.clock.now().getTime();
