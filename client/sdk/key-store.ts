import type { UserKeys } from '../../shared/crypto/keys.js';

/** Private keys unlocked for one account. */
export interface UnlockedKeys {
  readonly username: string;
  readonly keys: UserKeys;
}

/**
 * Where unlocked private keys live while they are in use. Implementations must never persist them
 * readable (no localStorage, no plain IndexedDB, no files): the wrapped blob on the server is the
 * copy that survives a reload, and a browser that remembers the person keeps them only sealed under
 * a non-extractable WebCrypto key (client/src/services/remembered-store.ts).
 */
export interface KeyStore {
  get(): UnlockedKeys | undefined;
  set(value: UnlockedKeys): void;
  /** Forgets the keys and overwrites their bytes. */
  clear(): void;
  subscribe(listener: () => void): () => void;
}

function wipe(keys: UserKeys): void {
  for (const bytes of [keys.identity.privateKey, keys.encryption.privateKey]) bytes.fill(0);
}

/** Keys in this process's memory only: gone on reload, sign-out or `clear()`. */
export function memoryKeyStore(): KeyStore {
  let value: UnlockedKeys | undefined;
  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const listener of listeners) listener();
  };
  return {
    get: () => value,
    set(next) {
      if (value && value.keys !== next.keys) wipe(value.keys);
      value = next;
      changed();
    },
    clear() {
      if (!value) return;
      wipe(value.keys);
      value = undefined;
      changed();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
