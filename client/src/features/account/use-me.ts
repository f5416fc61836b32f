import { useCallback, useEffect, useState } from 'react';
import type { RegisterResponse } from '../../../../shared/schemas/accounts';
import { useClient } from '../../services/client-context';

/** /api/me, loaded once and then every `pollMs` when given (the session's user follows it). */
export function useMe(pollMs?: number): {
  me: RegisterResponse | undefined;
  error: unknown;
  reload: () => Promise<void>;
} {
  const client = useClient();
  const [me, setMe] = useState<RegisterResponse>();
  const [error, setError] = useState<unknown>();
  const reload = useCallback(
    (): Promise<void> =>
      client.me.get().then(
        (next) => {
          setMe(next);
          setError(undefined);
        },
        (caught: unknown) => setError(caught),
      ),
    [client],
  );
  useEffect(() => {
    void reload();
    if (!pollMs) return undefined;
    const timer = setInterval(() => void reload(), pollMs);
    return () => clearInterval(timer);
  }, [reload, pollMs]);
  return { me, error, reload };
}
