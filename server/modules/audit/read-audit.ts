import type { AuditEntryView } from '../../../shared/schemas/accounts.js';
import type { AuditStore } from './ports.js';
import type { User } from '../accounts/ports/users.js';
import { confinedState } from '../../../shared/authz/can.js';
import { authorize } from '../accounts/authorize.js';
import { auditEntryView } from './audit-entry.js';

/**
 * National admins read their own state's trail (with the entries other states' decisions put in
 * it); network admins the whole, optionally by state.
 */
export async function readAudit(
  repository: AuditStore,
  actor: User,
  query: {
    state?: string | undefined;
    type?: string | undefined;
    person?: string | undefined;
    afterSeq?: number | undefined;
    beforeSeq?: number | undefined;
    order?: 'asc' | 'desc';
    limit: number;
  },
): Promise<AuditEntryView[]> {
  const state = confinedState(actor) ?? query.state;
  authorize(actor, 'audit:read', { state: state ?? null });
  const entries = await repository.list({
    ...(state ? { state } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(query.person ? { person: query.person } : {}),
    ...(query.afterSeq !== undefined ? { afterSeq: query.afterSeq } : {}),
    ...(query.beforeSeq !== undefined ? { beforeSeq: query.beforeSeq } : {}),
    order: query.order ?? 'asc',
    limit: query.limit,
  });
  return entries.map(auditEntryView);
}
