import { Session, type UserView } from '../../shared/schemas/accounts.js';
import { ApiError, isApiError } from './api-error.js';
import type { HttpRequest, HttpTransport } from './http-transport.js';
import type { SessionStore, StoredSession } from './session-store.js';

export interface SessionManager {
  current(): StoredSession | undefined;
  /** Called on every change (sign-in, refresh, sign-out); for React's useSyncExternalStore. */
  subscribe(listener: () => void): () => void;
  start(session: Session): StoredSession;
  /** Takes over a session this client did not make itself (another tab of the same browser rotated or signed in). */
  adopt(session: StoredSession): void;
  end(): void;
  updateUser(user: UserView): void;
  /** A usable access token: refreshed first when it expires within the leeway. */
  accessToken(): Promise<string>;
  /** Rotates the refresh token now. Concurrent callers share one request. */
  refresh(): Promise<StoredSession>;
  /** Sends with the access token; on a 401 refreshes once and retries once. */
  authed<T>(request: Omit<HttpRequest<T>, 'token'>): Promise<T>;
}

export interface SessionOptions {
  transport: HttpTransport;
  store: SessionStore;
  now: () => number;
  /** Refresh when the access token has less than this left (ms). */
  leewayMs: number;
  /**
   * Where several clients share one session (the tabs of a browser), refresh tokens work once
   * among all of them: `run` lets one rotate at a time, and `latest` tells the one waiting that
   * another has rotated already, so it takes that session instead of rotating a spent token.
   */
  sharedRefresh?: {
    run<T>(task: () => Promise<T>): Promise<T>;
    latest(): Promise<StoredSession | undefined>;
  };
}

const notSignedIn = (): ApiError => new ApiError(401, 'auth.unauthenticated', 'sign in first');

export function createSessionManager({
  transport,
  store,
  now,
  leewayMs,
  sharedRefresh,
}: SessionOptions): SessionManager {
  let current = store.load();
  let inflight: Promise<StoredSession> | undefined;
  // Bumped on sign-in and sign-out, so a refresh that finishes after either cannot revive an old session.
  let generation = 0;
  // Bumped on sign-in and sign-out only: a rotation that finishes after either is never kept.
  let signIns = 0;
  const listeners = new Set<() => void>();

  const set = (next: StoredSession | undefined): void => {
    current = next;
    store.save(next);
    for (const listener of listeners) listener();
  };
  const toStored = (session: Session): StoredSession => ({
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    accessExpiresAt: now() + session.expiresIn * 1000,
    user: session.user,
  });

  async function rotate(from: StoredSession, startedIn: number, signedInAt: number): Promise<StoredSession> {
    try {
      const session = await transport.send({
        method: 'POST',
        path: '/api/auth/refresh',
        body: { refreshToken: from.refreshToken },
        schema: Session,
      });
      // Signed out or in as someone else meanwhile: this rotation is not theirs. But another tab's
      // copy of this same session, adopted meanwhile, is older than what the server just issued:
      // dropping it would lose the family's only live token (the next refresh would look like theft).
      if (signedInAt !== signIns || (startedIn !== generation && current?.user.id !== session.user.id))
        throw notSignedIn();
      const stored = toStored(session);
      set(stored);
      return stored;
    } catch (error) {
      // The refresh family is gone (expired, signed out, suspended, or reuse detected): so is the session.
      if (isApiError(error) && error.status === 401 && startedIn === generation) set(undefined);
      throw error;
    }
  }

  const manager: SessionManager = {
    current: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(session) {
      generation += 1;
      signIns += 1;
      inflight = undefined;
      const stored = toStored(session);
      set(stored);
      return stored;
    },
    adopt(session) {
      if (current?.refreshToken === session.refreshToken && current.accessToken === session.accessToken) return;
      generation += 1;
      inflight = undefined;
      set(session);
    },
    end() {
      generation += 1;
      signIns += 1;
      inflight = undefined;
      set(undefined);
    },
    updateUser(user) {
      if (current && current.user.id === user.id) set({ ...current, user });
    },
    refresh() {
      if (inflight) return inflight;
      if (!current) return Promise.reject(notSignedIn());
      // Single flight: a refresh token works once, so two parallel refreshes would look like theft.
      const from = current;
      const startedIn = generation;
      const signedInAt = signIns;
      const pending = sharedRefresh
        ? sharedRefresh.run(async () => {
            const latest = await sharedRefresh.latest();
            if (
              latest &&
              latest.user.id === from.user.id &&
              latest.refreshToken !== from.refreshToken &&
              startedIn === generation
            ) {
              set(latest);
              return latest;
            }
            return rotate(current ?? from, startedIn, signedInAt);
          })
        : rotate(from, startedIn, signedInAt);
      inflight = pending;
      const clear = (): void => {
        if (inflight === pending) inflight = undefined;
      };
      pending.then(clear, clear);
      return pending;
    },
    async accessToken() {
      if (inflight) return (await inflight).accessToken;
      if (!current) throw notSignedIn();
      if (now() >= current.accessExpiresAt - leewayMs) return (await manager.refresh()).accessToken;
      return current.accessToken;
    },
    async authed(request) {
      const token = await manager.accessToken();
      try {
        return await transport.send({ ...request, token });
      } catch (error) {
        if (!isApiError(error, 'auth.unauthenticated') || !current) throw error;
        // Someone else may have rotated meanwhile: use their token instead of rotating again.
        const fresh = current.accessToken !== token ? current.accessToken : (await manager.refresh()).accessToken;
        return transport.send({ ...request, token: fresh });
      }
    },
  };
  return manager;
}
