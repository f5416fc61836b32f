import { useCallback } from 'react';
import { useClient, useSession } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';

/** Names of the people this admin may list (their state's), for "signed by"; a short id otherwise. */
export function useUserNames(): (id: string) => string {
  const client = useClient();
  const me = useSession()?.user;
  const people = useLoaded(useCallback(() => client.users.list().catch(() => []), [client]));
  const names = new Map((people.data ?? []).map((person) => [person.id, person.displayName]));
  if (me) names.set(me.id, me.displayName);
  return (id) => names.get(id) ?? `${id.slice(0, 8)}…`;
}
