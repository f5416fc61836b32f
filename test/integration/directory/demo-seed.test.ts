import { expect } from 'chai';
import type { DirectoryPage } from '../../../shared/schemas/directory.js';
import { signInCall } from '../../helpers/accounts.js';
import { seedDemo, DEMO_PASSWORD } from '../../../scripts/cli/seed-demo.command.js';
import { composeModules } from '../../../server/composition/modules.js';
import { call } from '../../helpers/api.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

describe('demo data set (npm run cli -- seed:demo)', function () {
  this.timeout(120_000);
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
    const modules = composeModules(t.server.database.connection, {
      clock: t.clock,
      jwtSecret: 'x'.repeat(40),
      opaqueServerSetup: t.server.accounts.opaque.serverSetup,
      logger: t.logs.logger,
      publicOrigin: () => t.url,
      revocations: { revokeUser: () => undefined, revokeSession: () => undefined },
      livenessNotifier: { prompt: () => undefined },
      messageNotifier: { deliver: () => undefined, status: () => undefined },
    });
    await seedDemo(modules, 'test');
  });
  after(async () => t.close());

  it('a focal point finds the economic-crime focal point of another state who speaks Russian, current and verified, without withheld fields', async () => {
    const session = (await signInCall(t.url, { username: 'fp.cn.border', password: DEMO_PASSWORD })).body;
    const page = await call<DirectoryPage>(t.url, 'GET', '/api/directory?domain=economic-crime&language=ru&state=KZ', {
      token: session.accessToken,
    });
    expect(page.status).to.equal(200);
    expect(page.body.total).to.equal(1);
    const entry = page.body.entries[0];
    expect(entry?.authority?.ru).to.equal('Агентство по финансовому мониторингу');
    expect(entry?.stale).to.equal(false);
    expect(entry?.keys?.verified).to.equal(true);
    expect(entry?.contacts.map((c) => c.type)).to.deep.equal(['email']);
    expect(entry?.withheld).to.deep.equal(['contacts.phone']);

    const all = await call<DirectoryPage>(t.url, 'GET', '/api/directory?pageSize=100', { token: session.accessToken });
    expect(all.body.total).to.be.greaterThan(100);
  });

  it('the secretariat has an account, and one open network decision awaits every state', async () => {
    const session = (await signInCall(t.url, { username: 'secretariat', password: DEMO_PASSWORD })).body;
    expect(session.user).to.include({ role: 'network-admin', state: null });
    const proposals = await t.server.consensus.proposals.recent(10);
    expect(proposals.map((p) => [p.change.kind, p.status, p.procedure])).to.deep.equal([
      ['add-domain', 'open', 'silence'],
    ]);
    expect(proposals[0]?.electorate).to.include.members(['KZ', 'CN', 'TR']);
    expect(proposals[0]?.proposedBy).to.equal(session.user.id);
  });

  it('refuses to seed twice', async () => {
    const modules = composeModules(t.server.database.connection, {
      clock: t.clock,
      jwtSecret: 'x'.repeat(40),
      opaqueServerSetup: t.server.accounts.opaque.serverSetup,
      logger: t.logs.logger,
      publicOrigin: () => t.url,
      revocations: { revokeUser: () => undefined, revokeSession: () => undefined },
      livenessNotifier: { prompt: () => undefined },
      messageNotifier: { deliver: () => undefined, status: () => undefined },
    });
    await seedDemo(modules, 'test').then(
      () => expect.fail('seeded twice'),
      (error: Error) => expect(error.message).to.contain('present already'),
    );
  });
});
