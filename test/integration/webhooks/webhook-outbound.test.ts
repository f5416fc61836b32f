import { expect } from 'chai';
import type { ErrorBody } from '../../../shared/errors.js';
import type { WebhookDeliveryView, WebhookSecretIssued } from '../../../shared/schemas/webhooks.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { startNetwork } from '../../helpers/network.js';
import type { TestServer } from '../../helpers/test-server.js';
import { startWebhookReceiver } from '../../helpers/webhook-receiver.js';

type Failure = { error: ErrorBody };

describe('webhooks: without configuration, only public https addresses', function () {
  this.timeout(120_000);
  let t: TestServer;
  let admin: TestPerson;

  before(async () => {
    const net = await startNetwork({ states: { KZ: { admins: 1 } } });
    t = net.t;
    admin = net.admin('KZ');
  });
  after(async () => t.close());

  it('refuses loopback, a name that resolves to loopback, and plain http', async () => {
    for (const [url, why] of [
      ['https://127.0.0.1/hook', '127.0.0.1 is a loopback address'],
      ['https://[::1]:8443/hook', 'loopback'],
      ['https://localhost:8443/hook', 'localhost resolves to'],
      ['http://example.org/hook', 'only https://'],
    ] as const) {
      const refused = await call<Failure>(t.url, 'POST', '/api/webhooks', {
        token: admin.session?.accessToken,
        body: { url, events: ['request.arrived'] },
      });
      expect(refused.status, url).to.equal(400);
      expect(refused.body.error.code, url).to.equal('webhook.address-refused');
      expect(refused.body.error.message, url).to.include(why);
    }
  });
});

describe('webhooks: an endpoint that does not answer', function () {
  this.timeout(120_000);
  let t: TestServer;
  let admin: TestPerson;

  before(async () => {
    // No sweeps during the test: each pass is run by the test, so what one pass does is known.
    const net = await startNetwork({
      states: { KZ: { admins: 1 } },
      env: { WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8', WEBHOOK_ALLOW_HTTP: 'true', OUTBOX_SWEEP_SECONDS: '3600' },
    });
    t = net.t;
    admin = net.admin('KZ');
  });
  after(async () => t.close());

  it('is tried once per pass: its other deliveries wait for their next attempt, logged as not tried', async () => {
    const gone = await startWebhookReceiver();
    const url = gone.url;
    await gone.close(); // nothing listens there any more: connections are refused
    const api = <T>(method: string, path: string, body?: unknown) =>
      call<T>(t.url, method, path, { token: admin.session?.accessToken, ...(body !== undefined ? { body } : {}) });
    const created = await api<WebhookSecretIssued>('POST', '/api/webhooks', { url, events: ['request.arrived'] });
    const id = created.body.endpoint.id;
    await api('POST', `/api/webhooks/${id}/test`);
    await api('POST', `/api/webhooks/${id}/test`);
    const channel = t.server.alerts.channels.find((candidate) => candidate.name === 'webhook');
    expect(await channel?.drain()).to.deep.equal({ sent: 0, retried: 2, failed: 0 });
    const log = (await api<WebhookDeliveryView[]>('GET', `/api/webhooks/${id}/deliveries`)).body;
    const errors = log.map((delivery) => delivery.log[0]?.error ?? '').sort();
    expect(errors[0]).to.match(/ECONNREFUSED/);
    expect(errors[1]).to.match(/^not tried: .*ECONNREFUSED.* a moment ago$/);
    expect(log.every((delivery) => delivery.status === 'pending' && delivery.attempts === 1)).to.equal(true);
  });
});
