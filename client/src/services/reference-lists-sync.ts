import { useEffect } from 'react';
import { useClient, useSession } from './client-context';
import { loadDomains } from './domains';
import { loadMemberStates } from './member-states';

/** Loads the server's member states and domains once signed in (both lists need a session). */
export function ReferenceListsSync(): null {
  const client = useClient();
  const userId = useSession()?.user.id;
  useEffect(() => {
    if (!userId) return;
    void loadMemberStates(client);
    void loadDomains(client);
  }, [client, userId]);
  return null;
}
