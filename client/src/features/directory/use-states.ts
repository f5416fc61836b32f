import { useCallback } from 'react';
import type { StateView } from '../../../../shared/schemas/directory';
import { useLabels } from '../../components/use-labels';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';

export interface States {
  /** Sorted by name in the current language; undefined while loading. */
  list: StateView[] | undefined;
  error: unknown;
  /** The state's name in the current language (the server's list first, the reference list while loading). */
  name: (code: string) => string;
  reload: () => void;
}

/** Member states from /api/states, with names in the current language. */
export function useStates(): States {
  const client = useClient();
  const labels = useLabels();
  const loaded = useLoaded(useCallback(() => client.states.list(), [client]));
  const byCode = new Map((loaded.data ?? []).map((state) => [state.code, state]));
  const name = (code: string): string => byCode.get(code)?.name[labels.language] ?? labels.state(code);
  const list = loaded.data
    ? [...loaded.data].sort((a, b) => a.name[labels.language].localeCompare(b.name[labels.language], labels.language))
    : undefined;
  return { list, error: loaded.error, name, reload: loaded.reload };
}
