import { useCallback, useState } from 'react';
import type { EntryView } from '../../../../shared/schemas/directory';
import { useLoaded } from '../../hooks/use-loaded';
import { useClient } from '../../services/client-context';
import { AwaySection } from './away-section';

/** The account page's "I'm away": loads my own entry (an account without one yet shows nothing). */
export function MyAwaySection({ userId }: { userId: string }) {
  const client = useClient();
  const loaded = useLoaded(useCallback(() => client.directory.entry(userId), [client, userId]));
  const [updated, setUpdated] = useState<EntryView>();
  const entry = updated ?? loaded.data;
  return entry ? <AwaySection entry={entry} onChanged={setUpdated} /> : null;
}
