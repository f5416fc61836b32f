import { useSyncExternalStore } from 'react';
import type { AuditLogStatus } from '../../../sdk/index';
import { useClient } from '../../services/client-context';

/** What this browser knows of the audit log for the signed-in person, re-rendering on each change. */
export function useAuditLogStatus(): AuditLogStatus | undefined {
  const { auditLog } = useClient();
  return useSyncExternalStore(auditLog.subscribe, auditLog.status);
}
