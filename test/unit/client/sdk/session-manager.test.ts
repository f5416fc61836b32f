import { expect } from 'chai';
import type { Session, UserView } from '../../../../shared/schemas/accounts.js';
import { ApiError } from '../../../../client/sdk/api-error.js';
import type { HttpRequest, HttpTransport } from '../../../../client/sdk/http-transport.js';
import { createSessionManager } from '../../../../client/sdk/session-manager.js';
import { memorySessionStore, type StoredSession } from '../../../../client/sdk/session-store.js';

const user: UserView = {
  id: '0123456789abcdef01234567',
  username: 'kz.admin',
  displayName: 'KZ',
  role: 'national-admin',
  state: 'KZ',
  domains: [],
  status: 'active',
  keys: null,
  totpEnabled: true,
  requireTotp: false,
  recoveryKeyConfirmed: true,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const session = (n: number): Session => ({
  accessToken: `access-${n}`,
  refreshToken: `${'r'.repeat(42)}${n}`,
  expiresIn: 900,
  user,
});

/** A transport whose refresh answers wait until the test releases them. */
function fakeTransport() {
  const refreshes: Array<{ body: unknown; release: (result: Session | ApiError) => void }> = [];
  const transport: HttpTransport = {
    send<T>(request: HttpRequest<T>): Promise<T> {
      if (request.path !== '/api/auth/refresh') return Promise.resolve(request.token as T);
      return new Promise<T>((resolve, reject) => {
        refreshes.push({
          body: request.body,
          release: (result) => (result instanceof ApiError ? reject(result) : resolve(result as T)),
        });
      });
    },
  };
  return { transport, refreshes };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('SDK session manager', () => {
  it('concurrent refreshes share one request and one refresh token', async () => {
    const { transport, refreshes } = fakeTransport();
    const manager = createSessionManager({ transport, store: memorySessionStore(), now: Date.now, leewayMs: 60_000 });
    manager.start(session(1));
    const all = Promise.all([manager.refresh(), manager.refresh(), manager.accessToken()]);
    await tick();
    expect(refreshes).to.have.length(1);
    refreshes[0]?.release(session(2));
    const [a, b, token] = await all;
    expect(a.accessToken).to.equal('access-2');
    expect(b).to.equal(a);
    expect(token).to.equal('access-2');
  });

  it('a refresh that finishes after sign-out does not bring the session back', async () => {
    const { transport, refreshes } = fakeTransport();
    const manager = createSessionManager({ transport, store: memorySessionStore(), now: Date.now, leewayMs: 60_000 });
    manager.start(session(1));
    const pending = manager.refresh().catch((error: unknown) => error);
    await tick();
    manager.end();
    refreshes[0]?.release(session(2));
    expect(await pending).to.be.instanceOf(ApiError);
    expect(manager.current()).to.equal(undefined);
  });

  it("another tab's copy of the same session, adopted during a rotation, does not make this tab drop what the server just issued", async () => {
    const { transport, refreshes } = fakeTransport();
    const manager = createSessionManager({ transport, store: memorySessionStore(), now: Date.now, leewayMs: 60_000 });
    manager.start(session(1));
    const pending = manager.refresh();
    await tick();
    // The other tab's (older) copy arrives while the server is answering this tab's refresh.
    manager.adopt({ ...manager.current()!, accessToken: 'access-1b' });
    refreshes[0]?.release(session(2));
    expect((await pending).refreshToken).to.equal(session(2).refreshToken);
    // Dropping it would leave only the spent token, and the next refresh would end the session as theft.
    expect(manager.current()?.refreshToken).to.equal(session(2).refreshToken);
  });

  it('a rotation that finishes after a new sign-in (same person) does not replace the new session', async () => {
    const { transport, refreshes } = fakeTransport();
    const manager = createSessionManager({ transport, store: memorySessionStore(), now: Date.now, leewayMs: 60_000 });
    manager.start(session(1));
    const pending = manager.refresh().catch((error: unknown) => error);
    await tick();
    manager.start(session(5));
    refreshes[0]?.release(session(2));
    expect(await pending).to.be.instanceOf(ApiError);
    expect(manager.current()?.refreshToken).to.equal(session(5).refreshToken);
  });

  it('refreshes before sending when the access token is inside the leeway, and not otherwise', async () => {
    const { transport, refreshes } = fakeTransport();
    let now = 0;
    const manager = createSessionManager({ transport, store: memorySessionStore(), now: () => now, leewayMs: 60_000 });
    manager.start(session(1));
    now = 839_000; // 61 s left
    expect(await manager.accessToken()).to.equal('access-1');
    now = 841_000; // 59 s left
    const token = manager.accessToken();
    await tick();
    refreshes[0]?.release(session(2));
    expect(await token).to.equal('access-2');
  });

  it('clients sharing one session take turns to refresh: the second takes the session the first rotated to', async () => {
    const { transport, refreshes } = fakeTransport();
    // What the tabs share (IndexedDB in a browser) and their lock (Web Locks): one at a time.
    let shared: StoredSession | undefined;
    let queue = Promise.resolve();
    const sharedRefresh = {
      run<T>(task: () => Promise<T>): Promise<T> {
        const result = queue.then(task);
        queue = result.then(
          () => undefined,
          () => undefined,
        );
        return result;
      },
      latest: async () => shared,
    };
    function tab() {
      const manager = createSessionManager({
        transport,
        store: memorySessionStore(),
        now: Date.now,
        leewayMs: 60_000,
        sharedRefresh,
      });
      manager.subscribe(() => {
        shared = manager.current();
      });
      return manager;
    }
    const first = tab();
    const second = tab();
    first.start(session(1));
    second.adopt(first.current() ?? expect.fail('no session'));
    const a = first.refresh();
    const b = second.refresh();
    await tick();
    expect(refreshes).to.have.length(1); // the second waits for the first
    refreshes[0]?.release(session(2));
    expect((await a).refreshToken).to.equal(session(2).refreshToken);
    expect((await b).refreshToken).to.equal(session(2).refreshToken); // taken over, not rotated again
    expect(refreshes).to.have.length(1);
  });
});
