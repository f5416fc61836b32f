import { StoredSession, type SessionStore } from '../../sdk/index';

const KEY = 'focalnet.session';

/**
 * Tokens in sessionStorage: this tab only, gone when it closes, so a reload stays signed in.
 * Private keys are never stored here (they stay in memory and are unlocked again after a reload).
 */
export function browserSessionStore(): SessionStore {
  return {
    load() {
      const raw = globalThis.sessionStorage?.getItem(KEY);
      if (!raw) return undefined;
      try {
        const parsed = StoredSession.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    save(session) {
      if (session) globalThis.sessionStorage?.setItem(KEY, JSON.stringify(session));
      else globalThis.sessionStorage?.removeItem(KEY);
    },
  };
}
