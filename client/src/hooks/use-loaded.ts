import { useCallback, useEffect, useState } from 'react';

/** Loads with `load` whenever its identity changes; `reload` runs it again (after a change). */
export function useLoaded<T>(load: () => Promise<T>): { data: T | undefined; error: unknown; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (next) => {
        if (!live) return;
        setData(next);
        setError(undefined);
      },
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [load, round]);
  return { data, error, reload: useCallback(() => setRound((n) => n + 1), []) };
}
