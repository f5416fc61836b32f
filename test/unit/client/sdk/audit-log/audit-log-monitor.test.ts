import { expect } from 'chai';
import { generateUserKeys } from '../../../../../shared/crypto/keys.js';
import type { Session, UserView } from '../../../../../shared/schemas/accounts.js';
import { createAuditLogMonitor } from '../../../../../client/sdk/audit-log/audit-log-monitor.js';
import { memoryAuditHeadStore } from '../../../../../client/sdk/audit-log/head-store.js';
import type { HttpRequest, HttpTransport } from '../../../../../client/sdk/http-transport.js';
import { memoryKeyStore } from '../../../../../client/sdk/key-store.js';
import { createSessionManager } from '../../../../../client/sdk/session-manager.js';
import { memorySessionStore } from '../../../../../client/sdk/session-store.js';
import { FakeAuditLog } from './fake-audit-log.js';

const admin: UserView = {
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
const session = (user: UserView): Session => ({
  accessToken: 'access',
  refreshToken: 'r'.repeat(43),
  expiresIn: 900,
  user,
});
const transport: HttpTransport = { send: <T>(request: HttpRequest<T>) => Promise.resolve(request.token as T) };

async function setUp() {
  const log = await FakeAuditLog.create(4);
  const sessions = createSessionManager({ transport, store: memorySessionStore(), now: Date.now, leewayMs: 0 });
  const keyStore = memoryKeyStore();
  const store = memoryAuditHeadStore();
  const monitor = createAuditLogMonitor({ api: log, store, session: sessions, keyStore });
  return { log, sessions, keyStore, store, monitor };
}

describe('audit log monitor', () => {
  it('checks on sign-in, again after signing out and in, and forgets the verdict on sign-out', async () => {
    const { log, sessions, monitor } = await setUp();
    expect(monitor.status()).to.equal(undefined);
    sessions.start(session({ ...admin, role: 'focal-point' }));
    expect(monitor.status()).to.deep.include({ checking: true });
    expect(await monitor.settled()).to.deep.include({ ok: true, checkedFrom: null });

    sessions.end();
    expect(monitor.status()).to.equal(undefined);
    log.entries.splice(2);
    sessions.start(session({ ...admin, role: 'focal-point' }));
    const verdict = await monitor.settled();
    expect(verdict).to.deep.include({ ok: false, kind: 'truncated' });
    expect(monitor.status()).to.deep.include({ checking: false, acknowledged: false });
    monitor.acknowledge();
    expect(monitor.status()).to.deep.include({ acknowledged: true, verdict });
  });

  it("co-signs as a national admin once the keys are unlocked, never with another account's keys", async () => {
    const { log, sessions, keyStore, monitor } = await setUp();
    sessions.start(session(admin));
    await monitor.settled();
    expect(log.witnesses).to.deep.equal([]);

    keyStore.set({ username: 'someone.else', keys: await generateUserKeys() });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log.witnesses).to.deep.equal([]);

    keyStore.set({ username: admin.username, keys: await generateUserKeys() });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log.witnesses.map((w) => w.head.size)).to.deep.equal([4]);
    expect(monitor.status()?.witness).to.deep.equal({ size: 4 });

    log.append(3);
    await monitor.check();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log.witnesses.map((w) => w.head.size)).to.deep.equal([4, 7]);
  });

  it('an account that is not active has nothing to check (the server answers heads to active accounts only)', async () => {
    const { log, sessions, monitor } = await setUp();
    let asked = 0;
    log.logKey = () => Promise.resolve(String(++asked));
    sessions.start(session({ ...admin, status: 'pending-verification' }));
    expect(await monitor.check()).to.deep.include({ ok: false, kind: 'unchecked' });
    expect(monitor.status()).to.equal(undefined);
    expect(asked).to.equal(0);
  });

  it('a focal point never co-signs', async () => {
    const { log, sessions, keyStore, monitor } = await setUp();
    const focal = { ...admin, role: 'focal-point' as const };
    sessions.start(session(focal));
    keyStore.set({ username: focal.username, keys: await generateUserKeys() });
    await monitor.settled();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log.witnesses).to.deep.equal([]);
  });
});
