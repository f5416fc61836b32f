import { z } from 'zod';
import type { KnownKeysStore, SeenKey } from '../../sdk/index';

const KEY = 'focalnet.known-keys';
const Seen = z.record(z.string(), z.object({ keyVersion: z.number().int(), fingerprint: z.string() }));

/**
 * Contacts' keys as last seen in this browser, in localStorage: public data only (key versions
 * and fingerprints), kept across reloads so a key that changes between visits is still flagged.
 */
export function browserKnownKeys(): KnownKeysStore {
  const read = (): Record<string, SeenKey> => {
    try {
      const parsed = Seen.safeParse(JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '{}'));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  };
  return {
    get: (userId) => read()[userId],
    set(userId, seen) {
      globalThis.localStorage?.setItem(KEY, JSON.stringify({ ...read(), [userId]: seen }));
    },
  };
}
