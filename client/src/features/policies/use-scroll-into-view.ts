import { useEffect, useRef } from 'react';

/** Brings an element into view whenever `key` changes: results appear below the table that asked for them. */
export function useScrollIntoView<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (key !== undefined) ref.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [key]);
  return ref;
}
