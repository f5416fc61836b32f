import { useSyncExternalStore } from 'react';

/** An entry of a list the network extends by consensus (member states, domains): a code and its names. */
export interface NamedEntry {
  code: string;
  name: { en: string; ru: string };
  /** A domain retired by network decision (ISO time). */
  retiredAt?: string;
}

/**
 * A list as this tab knows it: the reference data until the server's list arrives. A store
 * outside React, so plain functions (e.g. the policy editor's) read the same list as components.
 */
export interface ReferenceStore<T extends NamedEntry> {
  get(): readonly T[];
  subscribe(listener: () => void): () => void;
  set(entries: readonly T[]): void;
  /** Reads the server's list into the store (a failure keeps what the store has). */
  load(read: () => Promise<readonly T[]>): Promise<void>;
}

const sameEntries = (a: readonly NamedEntry[], b: readonly NamedEntry[]): boolean =>
  a.length === b.length &&
  a.every(
    (entry, i) =>
      entry.code === b[i]?.code &&
      entry.name.en === b[i]?.name.en &&
      entry.name.ru === b[i]?.name.ru &&
      entry.retiredAt === b[i]?.retiredAt,
  );

export function referenceStore<T extends NamedEntry>(initial: readonly T[]): ReferenceStore<T> {
  let current = initial;
  const listeners = new Set<() => void>();
  const store: ReferenceStore<T> = {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(entries) {
      // An unchanged list keeps its identity, so components reading it do not re-render.
      if (sameEntries(entries, current)) return;
      current = entries;
      for (const listener of listeners) listener();
    },
    async load(read) {
      const entries = await read().catch(() => undefined);
      if (entries) store.set(entries);
    },
  };
  return store;
}

/** The store's list, re-rendering when it changes. */
export function useReferenceList<T extends NamedEntry>(store: ReferenceStore<T>): readonly T[] {
  return useSyncExternalStore(store.subscribe, store.get);
}
