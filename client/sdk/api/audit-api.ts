import { z } from 'zod';
import type { AuditEventType } from '../../../shared/audit/event-types.js';
import { AuditEntryView } from '../../../shared/schemas/accounts.js';
import type { SessionManager } from '../session-manager.js';

export interface AuditQuery {
  /** Network admins may narrow to one state; national admins always read their own. */
  state?: string;
  /** Only events of this type, e.g. `auth.sign-in-failed`. */
  type?: AuditEventType;
  /** Only what this person did or what concerns them. */
  person?: string;
  /** Oldest first (default), or newest first. */
  order?: 'asc' | 'desc';
  /** Oldest first: entries after this sequence number (the last `seq` of the previous page). */
  afterSeq?: number;
  /** Newest first: entries before this sequence number (the last `seq` of the previous page). */
  beforeSeq?: number;
  /** 1–500, default 100. */
  limit?: number;
}

export interface AuditApi {
  list(query?: AuditQuery): Promise<AuditEntryView[]>;
}

export function auditApi(session: SessionManager): AuditApi {
  return {
    list: (query = {}) =>
      session.authed({ method: 'GET', path: '/api/audit', query: { ...query }, schema: z.array(AuditEntryView) }),
  };
}
