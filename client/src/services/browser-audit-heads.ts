import { SavedAuditLog, type AuditHeadStore } from '../../sdk/index';

const key = (userId: string): string => `focalnet.audit-head.${userId}`;

/**
 * The newest audit log head this browser verified and the pinned log key, per person, in
 * localStorage: public data, kept across sign-outs and reloads so the next sign-in checks against
 * it (cleared only with the browser's site data, after which the browser pins again).
 */
export function browserAuditHeads(): AuditHeadStore {
  return {
    load(userId) {
      const text = globalThis.localStorage?.getItem(key(userId));
      if (!text) return Promise.resolve(undefined);
      try {
        return Promise.resolve(SavedAuditLog.parse(JSON.parse(text)));
      } catch {
        return Promise.resolve(undefined);
      }
    },
    save(userId, saved) {
      globalThis.localStorage?.setItem(key(userId), JSON.stringify(saved));
      return Promise.resolve();
    },
  };
}
