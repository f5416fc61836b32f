import { useEffect, useRef } from 'react';
import { ApprovalUpdatedEvent } from '../../../../shared/schemas/approvals';
import { connectSocket } from '../../../sdk/index';
import { useClient } from '../../services/client-context';

/**
 * The own state's approvals queue changed (an exchange held, decided on by a state, or settled):
 * pushed by the server to the state's national admins, checked against the schema. Connects only
 * when `enabled`.
 */
export function useApprovalUpdates(changed: (event: ApprovalUpdatedEvent) => void, enabled = true): void {
  const client = useClient();
  const latest = useRef(changed);
  latest.current = changed;
  useEffect(() => {
    if (!enabled) return undefined;
    const socket = connectSocket(client);
    socket.on('approval:updated', (raw: unknown) => {
      const parsed = ApprovalUpdatedEvent.safeParse(raw);
      if (parsed.success) latest.current(parsed.data);
    });
    return () => {
      socket.close();
    };
  }, [client, enabled]);
}
