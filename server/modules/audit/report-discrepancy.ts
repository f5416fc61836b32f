import type { DiscrepancyReport } from '../../../shared/schemas/audit-log.js';
import type { User } from '../accounts/ports/users.js';
import type { AuditLogDeps } from './audit-log-deps.js';

/**
 * A client could not verify the log (shortened, rewritten, a bad signature, a refused proof): it
 * goes on record in the reporter's state's trail, and the state's national admins and the
 * secretariat are alerted outside the app — the server's own word is what is in doubt.
 */
export async function reportDiscrepancy(deps: AuditLogDeps, actor: User, report: DiscrepancyReport): Promise<void> {
  const now = deps.clock.now();
  const entry = await deps.audit.append({
    type: 'audit-log.discrepancy-reported',
    actorId: actor.id,
    state: actor.state,
    data: {
      kind: report.kind,
      savedSize: report.saved.size,
      savedRoot: report.saved.root,
      currentSize: report.current?.size ?? null,
      currentRoot: report.current?.root ?? null,
      detail: report.detail,
    },
  });
  const secretariat = await deps.users.list({ role: 'network-admin', status: 'active' });
  const base = { kind: 'audit-log.discrepancy' as const, refs: {}, at: now.toISOString() };
  const occurrence = `audit-log.discrepancy:${entry.seq}`;
  await Promise.all([
    ...(actor.state ? [deps.raiseAlert({ ...base, id: `${occurrence}:${actor.state}`, state: actor.state })] : []),
    ...secretariat.map((admin) =>
      deps.raiseAlert({
        ...base,
        id: `${occurrence}:${admin.id}`,
        userId: admin.id,
        ...(actor.state ? { state: actor.state } : {}),
      }),
    ),
  ]);
}
