import { useCallback, useEffect } from 'react';
import { useLoaded } from '../../hooks/use-loaded';
import { useClient } from '../../services/client-context';
import { holdSocket } from '../../services/tab-socket';

/** Calls `onArrived` when a circular arrives for me (a push to the tab's one socket); the list itself comes from the server. */
export function useCircularArrivals(onArrived: () => void): void {
  const client = useClient();
  useEffect(() => {
    const { socket, release } = holdSocket(client);
    socket.on('circular:new', onArrived);
    return () => {
      socket.off('circular:new', onArrived);
      release();
    };
  }, [client, onArrived]);
}

/** My received circulars (still sealed), reloaded when one arrives. */
export function useReceivedCirculars() {
  const client = useClient();
  const received = useLoaded(useCallback(() => client.circulars.received(), [client]));
  useCircularArrivals(received.reload);
  return received;
}
