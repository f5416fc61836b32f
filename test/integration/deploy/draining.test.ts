import { expect } from 'chai';
import { call } from '../../helpers/api.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

describe('a draining node (SIGTERM in a rolling restart)', function () {
  this.timeout(60_000);
  let t: TestServer;

  before(async () => {
    t = await startTestServer();
  });
  after(async () => {
    await t?.close();
  });

  it('is alive but no longer ready: /api/ready answers 503 with the reason, so the proxy and orchestrators move on', async () => {
    expect((await call(t.url, 'GET', '/api/ready')).status).to.equal(200);
    t.server.draining.start();
    const ready = await call(t.url, 'GET', '/api/ready');
    expect(ready.status).to.equal(503);
    expect(ready.body).to.deep.include({ status: 'not-ready', reason: 'draining' });
    expect((await call(t.url, 'GET', '/api/health')).status).to.equal(200);
  });
});
