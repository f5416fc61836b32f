import { useEffect, useSyncExternalStore } from 'react';
import { useClient } from '../../services/client-context';
import { messagingStoreOf, type MessagingState, type MessagingStore } from './messaging-store';

/** The tab's messaging store, started on first use, and its current state. */
export function useMessaging(): { store: MessagingStore; state: MessagingState } {
  const store = messagingStoreOf(useClient());
  useEffect(() => {
    store.ensure();
  }, [store]);
  const state = useSyncExternalStore(store.subscribe, store.snapshot);
  return { store, state };
}
