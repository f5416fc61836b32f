import { fromBase64Url } from '../../../shared/crypto/encoding.js';
import { verifyKeyBundle } from '../../../shared/crypto/verify-key-bundle.js';
import type { PreviousKeyStatus } from '../../../shared/schemas/directory.js';
import type { StateCode } from '../../../shared/schemas/labels.js';
import { ApiError } from '../api-error.js';
import type { DirectoryApi } from '../api/directory-api.js';
import type { IdentityKeyTimeline, PreviousIdentityKey } from './key-at-time.js';

/** What was last seen of a contact's keys: a different value later means the key changed. */
export interface SeenKey {
  readonly keyVersion: number;
  readonly fingerprint: string;
}

/**
 * Remembers the key each contact had when last seen. Public data only, so a browser may keep it
 * in localStorage; the default keeps it in memory.
 */
export interface KnownKeysStore {
  get(userId: string): SeenKey | undefined;
  set(userId: string, seen: SeenKey): void;
}

export function memoryKnownKeys(): KnownKeysStore {
  const map = new Map<string, SeenKey>();
  return { get: (userId) => map.get(userId), set: (userId, seen) => void map.set(userId, seen) };
}

/** A contact's verified public keys as the directory has them now, with the keys they held before. */
export interface ContactKeys extends IdentityKeyTimeline {
  readonly userId: string;
  readonly state: StateCode;
  readonly identityKey: Uint8Array;
  readonly encryptionKey: Uint8Array;
  readonly keyVersion: number;
  readonly fingerprint: string;
  /** The national admin compared the safety number when activating this key. */
  readonly verified: boolean;
  /** Keys replaced by the current one, newest first: for messages signed while they were current. */
  readonly history: readonly PreviousIdentityKey[];
}

/** A contact whose key differs from the one last seen; it stays flagged until accepted. */
export interface KeyChange {
  readonly userId: string;
  readonly previous: SeenKey;
  readonly current: SeenKey;
}

export interface ContactKeyring {
  /** Fresh from the directory (`fresh`) or from a short cache; the bundle's self-signature is checked. */
  resolve(userId: string, options?: { fresh?: boolean }): Promise<ContactKeys>;
  /** Contacts whose key changed since last seen and was not accepted yet. */
  changes(): KeyChange[];
  /** The person checked the new key (safety number): stop flagging it. */
  accept(userId: string): void;
  onKeyChanged(listener: (change: KeyChange) => void): () => void;
}

/**
 * The history as usable keys. An old bundle that is not self-consistent is left out rather than
 * failing the contact: without it only messages signed with that key fail to verify.
 */
async function previousKeys(history: readonly PreviousKeyStatus[]): Promise<PreviousIdentityKey[]> {
  const usable: PreviousIdentityKey[] = [];
  for (const old of history) {
    if (
      !(await verifyKeyBundle({
        identityKey: old.identityKey,
        encryptionKey: old.encryptionKey,
        encryptionKeySig: old.encryptionKeySig,
      }))
    )
      continue;
    usable.push({
      identityKey: fromBase64Url(old.identityKey),
      keyVersion: old.keyVersion,
      fingerprint: old.fingerprint,
      verified: old.verified,
      validFrom: Date.parse(old.validFrom),
      validUntil: Date.parse(old.validUntil),
    });
  }
  return usable;
}

/**
 * Contact keys from the directory, with key-change detection: a key version or fingerprint other
 * than the one last seen is flagged (a re-keyed account, or a directory serving a different key).
 */
export function contactKeyring(
  directory: Pick<DirectoryApi, 'entry'>,
  known: KnownKeysStore,
  options: { now?: () => number; cacheMs?: number } = {},
): ContactKeyring {
  const now = options.now ?? Date.now;
  const cacheMs = options.cacheMs ?? 60_000;
  const cache = new Map<string, { keys: ContactKeys; at: number }>();
  const pending = new Map<string, KeyChange>();
  const listeners = new Set<(change: KeyChange) => void>();

  const note = (keys: ContactKeys): void => {
    const current: SeenKey = { keyVersion: keys.keyVersion, fingerprint: keys.fingerprint };
    const previous = known.get(keys.userId);
    if (!previous) {
      known.set(keys.userId, current);
      return;
    }
    if (previous.keyVersion === current.keyVersion && previous.fingerprint === current.fingerprint) return;
    const flagged = pending.get(keys.userId);
    if (
      flagged &&
      flagged.current.fingerprint === current.fingerprint &&
      flagged.current.keyVersion === current.keyVersion
    )
      return;
    const change = { userId: keys.userId, previous, current };
    pending.set(keys.userId, change);
    for (const listener of listeners) listener(change);
  };

  return {
    async resolve(userId, { fresh = false } = {}) {
      const hit = cache.get(userId);
      if (!fresh && hit && now() - hit.at < cacheMs) return hit.keys;
      const entry = await directory.entry(userId);
      const bundle = entry.keys;
      if (!bundle) throw new ApiError(0, 'client.bad-response', `${userId} has no published keys`);
      // The directory is trusted for who holds which key, but a bundle must at least be self-consistent.
      if (
        !(await verifyKeyBundle({
          identityKey: bundle.identityKey,
          encryptionKey: bundle.encryptionKey,
          encryptionKeySig: bundle.encryptionKeySig,
        }))
      ) {
        throw new ApiError(0, 'client.bad-response', `the key bundle of ${userId} does not verify`);
      }
      const history = await previousKeys(bundle.history ?? []);
      const keys: ContactKeys = {
        userId,
        state: entry.state,
        identityKey: fromBase64Url(bundle.identityKey),
        encryptionKey: fromBase64Url(bundle.encryptionKey),
        keyVersion: bundle.keyVersion,
        fingerprint: bundle.fingerprint,
        verified: bundle.verified,
        history,
      };
      cache.set(userId, { keys, at: now() });
      note(keys);
      return keys;
    },
    changes: () => [...pending.values()],
    accept(userId) {
      const change = pending.get(userId);
      if (!change) return;
      known.set(userId, change.current);
      pending.delete(userId);
    },
    onKeyChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
