import { expect } from 'chai';
import { WebhookPayload, type WebhookSecretIssued } from '../../../shared/schemas/webhooks.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { waitFor } from '../../helpers/barrier.js';
import { envelopeFor, LABELS } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { postSealing } from '../../helpers/requests.js';
import type { TestServer } from '../../helpers/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.js';

describe('webhooks: an exchange held for the state’s approval', function () {
  this.timeout(120_000);
  let t: TestServer;
  let receiver: WebhookReceiver;
  let kz: TestPerson;
  let tj: TestPerson;
  let tjAdmin: TestPerson;

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, TJ: { admins: 1, focalPoints: { border: 1 } } },
      env: { WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8', WEBHOOK_ALLOW_HTTP: 'true', OUTBOX_SWEEP_SECONDS: '0.2' },
    });
    t = net.t;
    [kz, tj, tjAdmin] = [net.focalPoint('KZ'), net.focalPoint('TJ'), net.admin('TJ')];
    await publishPolicy(
      t,
      tjAdmin,
      policyBody('TJ', 1, [
        { id: 'tj-hold', direction: 'inbound', classifications: ['confidential'], effect: 'approve' },
      ]),
    );
    receiver = await startWebhookReceiver();
  });
  after(async () => {
    await t.close();
    await receiver.close();
  });

  it('tells the holding state’s system once, with the approval id and nothing of the exchange', async () => {
    const created = await call<WebhookSecretIssued>(t.url, 'POST', '/api/webhooks', {
      token: tjAdmin.session?.accessToken,
      body: { url: receiver.url, events: ['approval.waiting'] },
    });
    expect(created.status).to.equal(201);
    const labels = { ...LABELS, classification: 'confidential' as const };
    const sent = await postSealing(t, kz, ({ msgId, approvers }) =>
      envelopeFor(
        t,
        kz,
        [tj],
        { text: 'HELD-CANARY' },
        { labels, ...(msgId ? { msgId } : {}), ...(approvers ? { approvers } : {}) },
      ),
    );
    expect(sent.body.status).to.equal('held');
    const approvalId = sent.body.approvalId ?? '';
    await waitFor(() => receiver.received.some((r) => r.rawBody.includes(approvalId)), {
      what: 'the approval.waiting delivery',
      timeoutMs: 20_000,
    });
    // One queued delivery for the held exchange, however often the approval was announced.
    const queued = await t.server.alerts.outbox.list({ channel: 'webhook', state: 'TJ' }, 100);
    expect(queued.filter((item) => item.key.includes(approvalId))).to.have.length(1);
    const deliveries = receiver.received.filter((r) => r.rawBody.includes(approvalId));
    expect(deliveries).to.have.length(1);
    expect(deliveries[0]?.rawBody).not.to.include('HELD-CANARY');
    const payload = WebhookPayload.parse(JSON.parse(deliveries[0]?.rawBody ?? '{}'));
    expect(payload).to.deep.include({ type: 'approval.waiting', state: 'TJ', data: { approvalId } });
  });
});
