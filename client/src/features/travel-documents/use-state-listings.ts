import { useCallback } from 'react';
import { useLoaded } from '../../hooks/use-loaded';
import { useClient } from '../../services/client-context';

/** Every member state: whether it takes part and how many current listings it has (counts the server keeps). */
export function useStateListings() {
  const client = useClient();
  return useLoaded(useCallback(() => client.travelDocuments.api.states(), [client]));
}
