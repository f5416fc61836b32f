import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { FocalNetClient, StoredSession, UnlockedKeys } from '../../sdk/index';

const ClientContext = createContext<FocalNetClient | undefined>(undefined);

export function ClientProvider({ client, children }: { client: FocalNetClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): FocalNetClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientProvider');
  return client;
}

/** The signed-in session (tokens and user), re-rendering on sign-in, refresh and sign-out. */
export function useSession(): StoredSession | undefined {
  const { session } = useClient();
  return useSyncExternalStore(session.subscribe, session.current);
}

/** The private keys unlocked in this tab, if any. */
export function useUnlockedKeys(): UnlockedKeys | undefined {
  const { keyStore } = useClient();
  return useSyncExternalStore(keyStore.subscribe, keyStore.get);
}
