import { z } from 'zod';
import { ApprovalView, type ApprovalStatus } from '../../../shared/schemas/approvals.js';
import type { SessionManager } from '../session-manager.js';

export interface ApprovalsApi {
  /** Exchanges held by the admin's state's rules, oldest first; pending ones by default. */
  list(status?: ApprovalStatus): Promise<ApprovalView[]>;
  /** Approves for the admin's state; released once every holding state approved. */
  approve(id: string, comment?: string): Promise<ApprovalView>;
  /** Rejects for good; the sender is told why. */
  reject(id: string, comment: string): Promise<ApprovalView>;
}

export function approvalsApi(session: SessionManager): ApprovalsApi {
  const path = (id: string, verdict: 'approve' | 'reject'): string => `/api/approvals/${encodeURIComponent(id)}/${verdict}`;
  return {
    list: (status = 'pending') => session.authed({ method: 'GET', path: '/api/approvals', query: { status }, schema: z.array(ApprovalView) }),
    approve: (id, comment) => session.authed({ method: 'POST', path: path(id, 'approve'), body: comment === undefined ? {} : { comment }, schema: ApprovalView }),
    reject: (id, comment) => session.authed({ method: 'POST', path: path(id, 'reject'), body: { comment }, schema: ApprovalView }),
  };
}
