import { expect } from 'chai';
import type { ErrorBody } from '../../../shared/errors.js';
import {
  WebhookPayload,
  type WebhookDeliveryView,
  type WebhookEndpointView,
  type WebhookSecretIssued,
} from '../../../shared/schemas/webhooks.js';
import { verifyWebhookSignature } from '../../../shared/webhooks/webhook-signature.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { waitFor } from '../../helpers/barrier.js';
import { startNetwork } from '../../helpers/network.js';
import { readmeWebhookVerifier, type VerifyFocalNetWebhook } from '../../helpers/readme-webhook-verifier.js';
import { envelopeFor } from '../../helpers/messaging.js';
import { DOC_FIELDS, post, requestEnvelope, sent } from '../../helpers/requests.js';
import type { TestServer } from '../../helpers/test-server.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../helpers/webhook-receiver.js';

type Failure = { error: ErrorBody };

const CANARY = 'CANARY-plaintext-never-leaves-the-envelope';

describe('webhooks: signed, content-free pushes to a national system', function () {
  this.timeout(120_000);
  let t: TestServer;
  let kz: TestPerson;
  let tj: TestPerson;
  let tjAdmin: TestPerson;
  let kzAdmin: TestPerson;
  let root: TestPerson;
  let receiver: WebhookReceiver;
  let verify: VerifyFocalNetWebhook;
  let endpoint: WebhookEndpointView;
  let secret: string;

  const api = <T>(person: TestPerson, method: string, path: string, body?: unknown) =>
    call<T>(t.url, method, path, { token: person.session?.accessToken, ...(body !== undefined ? { body } : {}) });
  const deliveries = async (id: string) =>
    (await api<WebhookDeliveryView[]>(tjAdmin, 'GET', `/api/webhooks/${id}/deliveries`)).body;
  const sendRequest = async () =>
    sent(
      t,
      kz,
      await requestEnvelope(
        t,
        kz,
        tj,
        'request:document-check',
        { ...DOC_FIELDS, holderName: CANARY },
        {
          urgency: 'urgent',
        },
      ),
    );

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { admins: 1, focalPoints: { border: 1 } }, TJ: { admins: 1, focalPoints: { border: 1 } } },
      env: { WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8', WEBHOOK_ALLOW_HTTP: 'true', OUTBOX_SWEEP_SECONDS: '0.2' },
    });
    ({ t, root } = net);
    [kz, tj, tjAdmin, kzAdmin] = [net.focalPoint('KZ'), net.focalPoint('TJ'), net.admin('TJ'), net.admin('KZ')];
    receiver = await startWebhookReceiver();
    verify = await readmeWebhookVerifier();
    const created = await api<WebhookSecretIssued>(tjAdmin, 'POST', '/api/webhooks', {
      url: receiver.url,
      events: ['request.arrived', 'message.arrived'],
      description: 'National case system',
    });
    expect(created.status).to.equal(201);
    ({ endpoint, secret } = created.body);
  });
  after(async () => {
    await t.close();
    await receiver.close();
  });

  it('registers an endpoint for the admin’s own state, showing its secret once', async () => {
    expect(secret).to.match(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(endpoint).to.include({ state: 'TJ', url: receiver.url, enabled: true, description: 'National case system' });
    expect(endpoint.secretHint).to.equal(`${secret.slice(0, 10)}…`);
    const listed = await api<WebhookEndpointView[]>(tjAdmin, 'GET', '/api/webhooks');
    expect(listed.body).to.deep.equal([endpoint]);
    expect(JSON.stringify(listed.body)).not.to.include(secret);
  });

  it('tells the state’s system of an arriving request by one signed POST that verifies with README’s lines and carries no content', async () => {
    const before = receiver.received.length;
    const requestId = await sendRequest();
    await waitFor(() => receiver.received.length > before, { what: 'the webhook delivery', timeoutMs: 20_000 });
    const delivery = receiver.received[before];
    if (!delivery) throw new Error('no delivery');
    const signature = String(delivery.headers['focalnet-signature']);
    const now = t.clock.now().getTime();
    expect(verify(delivery.rawBody, signature, secret, now)).to.equal(true);
    expect(verifyWebhookSignature(delivery.rawBody, signature, secret, now)).to.equal(true);
    expect(delivery.rawBody).not.to.include(CANARY);
    expect(delivery.rawBody).not.to.include(DOC_FIELDS.documentNumber);
    const payload = WebhookPayload.parse(JSON.parse(delivery.rawBody));
    expect(payload).to.deep.include({ type: 'request.arrived', state: 'TJ' });
    expect(payload.data).to.include({
      requestId,
      focalPointId: tj.user.id,
      counterpartState: 'KZ',
      domain: 'border',
      urgency: 'urgent',
    });
    expect(payload.data.reference).to.match(/^KZ→TJ-/);
    expect(delivery.headers['focalnet-event']).to.equal('request.arrived');
    expect(delivery.headers['focalnet-delivery']).to.equal(payload.id);
    // Delivered once: the outbox marks it sent, and nothing else was POSTed for it.
    await waitFor(async () => (await deliveries(endpoint.id)).some((d) => d.id === payload.id && d.status === 'sent'), {
      what: 'the delivery marked sent',
    });
    expect(receiver.received.filter((r) => r.rawBody.includes(requestId))).to.have.length(1);
  });

  it('tells of a free message to a focal point of the state, with the message id and the focal point to fetch it as', async () => {
    const before = receiver.received.length;
    const posted = await post(t, kz, await envelopeFor(t, kz, [tj], { text: CANARY }));
    expect(posted.body.status).to.equal('accepted');
    await waitFor(() => receiver.received.slice(before).some((r) => r.rawBody.includes(posted.body.id)), {
      what: 'the message.arrived delivery',
      timeoutMs: 20_000,
    });
    const delivery = receiver.received.slice(before).find((r) => r.rawBody.includes(posted.body.id));
    expect(delivery?.rawBody).not.to.include(CANARY);
    const payload = WebhookPayload.parse(JSON.parse(delivery?.rawBody ?? '{}'));
    expect(payload).to.deep.include({ type: 'message.arrived', state: 'TJ' });
    expect(payload.data).to.deep.equal({
      messageId: posted.body.id,
      focalPointId: tj.user.id,
      counterpartState: 'KZ',
      domain: 'border',
    });
  });

  it('fails verification for a tampered body, another secret, or a signature older than five minutes', async () => {
    const delivery = receiver.received.at(-1);
    if (!delivery) throw new Error('no delivery');
    const signature = String(delivery.headers['focalnet-signature']);
    const now = t.clock.now().getTime();
    const tampered = delivery.rawBody.replace('"state":"TJ"', '"state":"KZ"');
    expect(tampered).not.to.equal(delivery.rawBody);
    expect(verify(tampered, signature, secret, now)).to.equal(false);
    expect(verifyWebhookSignature(tampered, signature, secret, now)).to.equal(false);
    expect(verify(delivery.rawBody, signature, `${secret}x`, now)).to.equal(false);
    expect(verify(delivery.rawBody, signature, secret, now + 6 * 60_000)).to.equal(false);
    expect(verify(delivery.rawBody, 'v1=00', secret, now)).to.equal(false);
  });

  it('retries a receiver that answers 500: delivered once on the second attempt, both attempts in the log', async () => {
    receiver.answerNext(500);
    const queued = await api<WebhookDeliveryView>(tjAdmin, 'POST', `/api/webhooks/${endpoint.id}/test`);
    expect(queued.status).to.equal(202);
    expect(queued.body).to.include({ type: 'test', status: 'pending' });
    const id = queued.body.id;
    const logOf = async () => (await deliveries(endpoint.id)).find((d) => d.id === id);
    await waitFor(async () => (await logOf())?.log.length === 1, { what: 'the first attempt logged' });
    expect(await logOf()).to.deep.include({ status: 'pending', attempts: 1, lastError: 'HTTP 500' });
    t.clock.advance(31_000); // past the first backoff (30 s)
    await waitFor(async () => (await logOf())?.status === 'sent', { what: 'the retry delivered', timeoutMs: 20_000 });
    const log = (await logOf())?.log ?? [];
    expect(log.map((attempt) => [attempt.attempt, attempt.statusCode])).to.deep.equal([
      [1, 500],
      [2, 200],
    ]);
    expect(log[0]?.error).to.equal('HTTP 500');
    const posts = receiver.received.filter((r) => r.headers['focalnet-delivery'] === id);
    expect(posts.map((p) => p.status)).to.deep.equal([500, 200]);
    expect(posts[0]?.rawBody).to.equal(posts[1]?.rawBody); // the same notice, signed again
  });

  it('refuses an endpoint on a private or link-local address, naming why', async () => {
    for (const [url, why] of [
      ['http://10.0.0.1/hook', 'private'],
      ['https://169.254.169.254/latest', 'link-local'],
      ['https://[::ffff:10.1.2.3]/hook', 'private'],
      ['https://[fd00::1]/hook', 'unique local'],
    ] as const) {
      const refused = await api<Failure>(tjAdmin, 'POST', '/api/webhooks', { url, events: ['request.arrived'] });
      expect(refused.status, url).to.equal(400);
      expect(refused.body.error.code).to.equal('webhook.address-refused');
      expect(refused.body.error.message).to.include(why);
    }
    const bad = await api<Failure>(tjAdmin, 'POST', '/api/webhooks', { url: receiver.url, events: [] });
    expect(bad.body.error.code).to.equal('validation.failed');
    const unknown = await api<Failure>(tjAdmin, 'POST', '/api/webhooks', {
      url: receiver.url,
      events: ['liveness.prompt'],
    });
    expect(unknown.body.error.code).to.equal('validation.failed');
    expect((await api<WebhookEndpointView[]>(tjAdmin, 'GET', '/api/webhooks')).body).to.have.length(1);
  });

  it('keeps a state’s endpoints to its own national admins; the secretariat sees them without secrets', async () => {
    expect((await api<WebhookEndpointView[]>(kzAdmin, 'GET', '/api/webhooks')).body).to.deep.equal([]);
    for (const [method, path, body] of [
      ['PATCH', `/api/webhooks/${endpoint.id}`, { enabled: false }],
      ['DELETE', `/api/webhooks/${endpoint.id}`, undefined],
      ['POST', `/api/webhooks/${endpoint.id}/rotate-secret`, undefined],
      ['POST', `/api/webhooks/${endpoint.id}/test`, undefined],
      ['GET', `/api/webhooks/${endpoint.id}/deliveries`, undefined],
    ] as const) {
      const answer = await api<Failure>(kzAdmin, method, path, body);
      expect(answer.status, `${method} ${path}`).to.equal(404);
      expect(answer.body.error.code).to.equal('webhook.not-found');
    }
    expect((await api<Failure>(tj, 'GET', '/api/webhooks')).status).to.equal(403);
    const all = await api<WebhookEndpointView[]>(root, 'GET', '/api/webhooks');
    expect(all.body.map((e) => e.id)).to.include(endpoint.id);
    expect(JSON.stringify(all.body)).not.to.include(secret);
    expect((await api<WebhookEndpointView[]>(root, 'GET', '/api/webhooks?state=KZ')).body).to.deep.equal([]);
    const created = await api<Failure>(root, 'POST', '/api/webhooks', {
      url: receiver.url,
      events: ['request.arrived'],
    });
    expect(created.status).to.equal(403);
    expect((await api<WebhookEndpointView>(tjAdmin, 'GET', `/api/webhooks/${endpoint.id}/deliveries`)).status).to.equal(
      200,
    );
  });

  it('sends nothing to a turned-off endpoint while the state’s other endpoints get the event', async () => {
    const other = await startWebhookReceiver();
    try {
      const second = await api<WebhookSecretIssued>(tjAdmin, 'POST', '/api/webhooks', {
        url: other.url,
        events: ['request.arrived'],
      });
      const off = await api<WebhookEndpointView>(tjAdmin, 'PATCH', `/api/webhooks/${endpoint.id}`, { enabled: false });
      expect(off.body.enabled).to.equal(false);
      const before = receiver.received.length;
      const queuedBefore = (await t.server.alerts.outbox.list({ target: endpoint.id }, 1000)).length;
      const requestId = await sendRequest();
      // Both endpoints are queued for in the same step: once the other one has its POST, the turned-off one would have been queued too.
      await waitFor(() => other.received.some((r) => r.rawBody.includes(requestId)), { what: 'the other endpoint' });
      expect(
        verifyWebhookSignature(
          other.received[0]?.rawBody ?? '',
          String(other.received[0]?.headers['focalnet-signature']),
          second.body.secret,
          t.clock.now().getTime(),
        ),
      ).to.equal(true);
      expect((await t.server.alerts.outbox.list({ target: endpoint.id }, 1000)).length).to.equal(queuedBefore);
      expect(receiver.received.length).to.equal(before);
      await api(tjAdmin, 'DELETE', `/api/webhooks/${second.body.endpoint.id}`);
      const on = await api<WebhookEndpointView>(tjAdmin, 'PATCH', `/api/webhooks/${endpoint.id}`, { enabled: true });
      expect(on.body.enabled).to.equal(true);
    } finally {
      await other.close();
    }
  });

  it('rotates the secret: later deliveries verify with the new one only', async () => {
    const rotated = await api<WebhookSecretIssued>(tjAdmin, 'POST', `/api/webhooks/${endpoint.id}/rotate-secret`);
    expect(rotated.status).to.equal(200);
    expect(rotated.body.secret).not.to.equal(secret);
    expect(rotated.body.endpoint.secretRotatedAt).to.be.a('string');
    const queued = await api<WebhookDeliveryView>(tjAdmin, 'POST', `/api/webhooks/${endpoint.id}/test`);
    await waitFor(() => receiver.received.some((r) => r.headers['focalnet-delivery'] === queued.body.id), {
      what: 'the test delivery',
    });
    const delivery = receiver.received.find((r) => r.headers['focalnet-delivery'] === queued.body.id);
    const signature = String(delivery?.headers['focalnet-signature']);
    const now = t.clock.now().getTime();
    expect(verify(delivery?.rawBody ?? '', signature, rotated.body.secret, now)).to.equal(true);
    expect(verify(delivery?.rawBody ?? '', signature, secret, now)).to.equal(false);
    secret = rotated.body.secret;
  });

  it('turns an endpoint off when its receiver answers 410 Gone, without retrying', async () => {
    receiver.answerNext(410);
    const queued = await api<WebhookDeliveryView>(tjAdmin, 'POST', `/api/webhooks/${endpoint.id}/test`);
    const logOf = async () => (await deliveries(endpoint.id)).find((d) => d.id === queued.body.id);
    await waitFor(async () => (await logOf())?.status === 'failed', { what: 'the delivery failed' });
    const [view] = (await api<WebhookEndpointView[]>(tjAdmin, 'GET', '/api/webhooks')).body;
    expect(view).to.include({ enabled: false, disabledReason: 'receiver-gone' });
    expect((await logOf())?.attempts).to.equal(1);
    await api(tjAdmin, 'PATCH', `/api/webhooks/${endpoint.id}`, { enabled: true });
  });

  it('delivers an overdue case once to the state, however many people the alert was raised for', async () => {
    const overdue = await api<WebhookSecretIssued>(tjAdmin, 'PATCH', `/api/webhooks/${endpoint.id}`, {
      events: ['request.overdue'],
    });
    expect(overdue.status).to.equal(200);
    // As the requests sweep raises it: once for the focal point, once for each national admin, one event (by side).
    const alert = (userId: string) => ({
      id: `request.overdue:${'a'.repeat(24)}:flag:requested`,
      kind: 'request.overdue' as const,
      userId,
      state: 'TJ',
      counterpartState: 'KZ',
      refs: { requestId: 'a'.repeat(24), reference: 'KZ→TJ-2026-0001', focalPointId: tj.user.id },
      at: t.clock.now().toISOString(),
    });
    await t.server.alerts.raise(alert(tj.user.id));
    await t.server.alerts.raise(alert(tjAdmin.user.id));
    const items = await t.server.alerts.outbox.list({ target: endpoint.id }, 1000);
    const forCase = items.filter((item) => item.key.includes('a'.repeat(24)));
    expect(forCase).to.have.length(1);
    expect(JSON.stringify(forCase[0]?.payload)).not.to.include(tjAdmin.user.id);
  });

  it('audits every change, and deletes an endpoint with its log', async () => {
    const removed = await api<{ ok: true }>(tjAdmin, 'DELETE', `/api/webhooks/${endpoint.id}`);
    expect(removed.body).to.deep.equal({ ok: true });
    expect((await api<WebhookEndpointView[]>(tjAdmin, 'GET', '/api/webhooks')).body).to.deep.equal([]);
    expect((await api(tjAdmin, 'GET', `/api/webhooks/${endpoint.id}/deliveries`)).status).to.equal(404);
    const trail = await t.server.auditEntries.list({ state: 'TJ', limit: 1000 });
    const types = trail.map((entry) => entry.type);
    for (const type of [
      'webhook.created',
      'webhook.updated',
      'webhook.secret-rotated',
      'webhook.test-queued',
      'webhook.deleted',
      'webhook.disabled-by-receiver',
    ])
      expect(types, type).to.include(type);
  });
});
