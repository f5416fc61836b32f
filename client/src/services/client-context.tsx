import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { FocalNetClient, StoredSession, UnlockedKeys } from '../../sdk/index';
import type { RememberedSession } from './remembered-session';

const ClientContext = createContext<FocalNetClient | undefined>(undefined);
const RememberedContext = createContext<RememberedSession | undefined>(undefined);

export function ClientProvider({
  client,
  remembered,
  children,
}: {
  client: FocalNetClient;
  remembered: RememberedSession;
  children: ReactNode;
}) {
  return (
    <ClientContext.Provider value={client}>
      <RememberedContext.Provider value={remembered}>{children}</RememberedContext.Provider>
    </ClientContext.Provider>
  );
}

/** "This browser remembers": what this browser keeps of the session and keys. */
export function useRemembered(): RememberedSession {
  const remembered = useContext(RememberedContext);
  if (!remembered) throw new Error('useRemembered outside ClientProvider');
  return remembered;
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
