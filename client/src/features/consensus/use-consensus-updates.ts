import { useEffect, useRef } from 'react';
import { ProposalView } from '../../../../shared/schemas/consensus';
import { connectSocket } from '../../../sdk/index';
import { useClient } from '../../services/client-context';

/** Proposals pushed by the server as they are made, answered, ended or withdrawn (checked against the schema). Connects only when `enabled`. */
export function useConsensusUpdates(updated: (proposal: ProposalView) => void, enabled = true): void {
  const client = useClient();
  const latest = useRef(updated);
  latest.current = updated;
  useEffect(() => {
    if (!enabled) return undefined;
    const socket = connectSocket(client);
    socket.on('consensus:updated', (raw: unknown) => {
      const parsed = ProposalView.safeParse(raw);
      if (parsed.success) latest.current(parsed.data);
    });
    return () => {
      socket.close();
    };
  }, [client, enabled]);
}
