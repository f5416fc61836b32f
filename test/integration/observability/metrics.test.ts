import { expect } from 'chai';
import type { DeliveredMessage } from '../../../shared/schemas/messaging.js';
import { MEMBER_STATES } from '../../../shared/reference/member-states.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { waitFor } from '../../helpers/barrier.js';
import { drainBacklog, envelopeFor, LABELS, send, sendSealing, socketOf } from '../../helpers/messaging.js';
import { startNetwork, type Network } from '../../helpers/network.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { parsePrometheusText, sampleValue, type Sample } from '../../helpers/prometheus-text.js';
import { startTestRedis } from '../../helpers/redis-server.js';
import { startTestServer, type TestServer, type TestSocket } from '../../helpers/test-server.js';

const TOKEN = 'metrics-test-token-0123456789abcdef';

async function scrapeText(url: string, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(`${url}/metrics`, { headers });
  expect(response.status, await response.clone().text()).to.equal(200);
  expect(response.headers.get('content-type')).to.match(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

describe('metrics (Prometheus exposition)', function () {
  this.timeout(120_000);

  describe('as messages flow', () => {
    let net: Network<TestPerson>;
    let t: TestServer;
    let kz: TestPerson;
    let ru: TestPerson;
    let cn: TestPerson;
    const sockets: TestSocket[] = [];
    /** Every msgId and message id the tests made: none may show in the exposition. */
    const exchangeIds: string[] = [];

    const scrape = async (): Promise<Sample[]> => parsePrometheusText(await scrapeText(metricsUrl()));
    const metricsUrl = (): string => {
      const url = t.server.metricsUrl;
      if (!url) throw new Error('no metrics listener');
      return url;
    };
    const connect = async (person: TestPerson): Promise<TestSocket> => {
      const socket = await socketOf(t, person);
      sockets.push(socket);
      return socket;
    };

    before(async () => {
      net = await startNetwork({
        states: {
          KZ: { focalPoints: { border: 1 } },
          RU: { focalPoints: { border: 1 } },
          CN: { focalPoints: { border: 1 } },
        },
        env: { METRICS_PORT: '0', METRICS_TOKEN: TOKEN },
      });
      ({ t } = net);
      [kz, ru, cn] = [net.focalPoint('KZ'), net.focalPoint('RU'), net.focalPoint('CN')];
      await publishPolicy(
        t,
        net.admin('KZ'),
        policyBody('KZ', 1, [
          {
            id: 'no-personal-data-to-cn',
            direction: 'outbound',
            categories: ['personal-data'],
            counterparts: ['CN'],
            effect: 'deny',
          },
          {
            id: 'confidential-needs-approval',
            direction: 'outbound',
            classifications: ['confidential'],
            effect: 'approve',
          },
        ]),
      );
    });
    after(async () => net.stop());

    it('listens on the port chosen for METRICS_PORT=0 and answers GET /metrics only', async () => {
      const url = new URL(metricsUrl());
      expect(url.hostname).to.equal('127.0.0.1');
      expect(Number(url.port)).to.be.greaterThan(0);
      const samples = await scrape();
      expect(sampleValue(samples, 'focalnet_build_info', { version: '0.1.0' })).to.equal(1);
      expect(sampleValue(samples, 'focalnet_draining')).to.equal(0);
      // The default metrics, under the same prefix.
      expect(samples.some((s) => s.name === 'focalnet_process_resident_memory_bytes')).to.equal(true);
      expect(samples.some((s) => s.name.startsWith('focalnet_nodejs_eventloop_lag'))).to.equal(true);
      expect((await fetch(`${metricsUrl()}/`)).status).to.equal(404);
      expect((await fetch(`${metricsUrl()}/metrics/x`)).status).to.equal(404);
      expect((await fetch(`${metricsUrl()}/metrics`, { method: 'POST' })).status).to.equal(404);
    });

    it('accepted exchanges, relay and live-delivery latency, audit appends, decisions and sockets move as messages flow', async () => {
      const sender = await connect(kz);
      const receiver = await connect(ru);
      const arrived: DeliveredMessage[] = [];
      receiver.on('message:new', (message) => arrived.push(message));
      const before = await scrape();

      const sent = 3;
      for (let i = 0; i < sent; i++) {
        const envelope = await envelopeFor(t, kz, [ru], { text: `metrics ${i}` });
        const result = await send(sender, { envelope });
        expect(result.ok && result.data.status).to.equal('accepted');
        if (result.ok) exchangeIds.push(result.data.id, envelope.header.msgId);
      }
      await waitFor(() => arrived.length === sent, { what: 'the live pushes' });
      // Acknowledged as the client does on a live push: one at a time.
      for (const message of arrived) await receiver.timeout(5_000).emitWithAck('message:ack', { ids: [message.id] });
      const after = await scrape();

      const grew = (name: string, labels: Record<string, string> = {}): number =>
        sampleValue(after, name, labels) - sampleValue(before, name, labels);
      expect(grew('focalnet_exchanges_total', { domain: 'border', outcome: 'accepted' })).to.equal(sent);
      expect(grew('focalnet_policy_decisions_total', { decision: 'allow' })).to.equal(sent);
      expect(grew('focalnet_relay_ack_seconds_count')).to.equal(sent);
      expect(grew('focalnet_relay_ack_seconds_sum')).to.be.greaterThan(0);
      expect(grew('focalnet_live_delivery_seconds_count')).to.equal(sent);
      // Each message: its storage entry and its policy decision's, in one group commit or more.
      expect(grew('focalnet_audit_appends_total')).to.be.at.least(2 * sent);
      expect(grew('focalnet_audit_segments_total')).to.be.at.least(1);
      expect(grew('focalnet_db_command_seconds_count', { command: 'insert' })).to.be.at.least(sent);
      expect(grew('focalnet_http_requests_total')).to.equal(0); // sockets only (scrapes go to their own listener)
      expect(sampleValue(after, 'focalnet_sockets')).to.equal(2);
      expect(sampleValue(after, 'focalnet_sockets')).to.equal(t.server.io.of('/').sockets.size);
    });

    it('a denied and a held exchange move their outcomes, not "accepted"', async () => {
      const sender = await connect(kz);
      const before = await scrape();

      const deniedEnvelope = await envelopeFor(
        t,
        kz,
        [cn],
        { name: 'A. B.' },
        { labels: { ...LABELS, category: 'personal-data' } },
      );
      const denied = await send(sender, { envelope: deniedEnvelope });
      expect(!denied.ok && denied.error.code).to.equal('policy.denied');
      exchangeIds.push(deniedEnvelope.header.msgId);

      const held = await sendSealing(sender, (approvers, msgId) =>
        envelopeFor(
          t,
          kz,
          [ru],
          { text: 'confidential' },
          { labels: { ...LABELS, classification: 'confidential' }, approvers, ...(msgId ? { msgId } : {}) },
        ),
      );
      expect(held.ok && held.data.status).to.equal('held');
      if (held.ok) exchangeIds.push(held.data.id);
      const after = await scrape();

      const grew = (name: string, labels: Record<string, string>): number =>
        sampleValue(after, name, labels) - sampleValue(before, name, labels);
      expect(grew('focalnet_exchanges_total', { domain: 'border', outcome: 'denied' })).to.equal(1);
      expect(grew('focalnet_exchanges_total', { domain: 'border', outcome: 'held' })).to.equal(1);
      expect(grew('focalnet_exchanges_total', { outcome: 'accepted' })).to.equal(0);
      expect(grew('focalnet_policy_decisions_total', { decision: 'deny' })).to.equal(1);
      // The held one is decided at the first send (approvers named) and again at the re-sealed one.
      expect(grew('focalnet_policy_decisions_total', { decision: 'hold' })).to.be.at.least(1);
    });

    it('a copy for an offline recipient is counted queued, and its backlog page drained', async () => {
      const sender = await connect(kz);
      const before = await scrape();
      const envelope = await envelopeFor(t, kz, [cn], { text: 'for later' });
      const result = await send(sender, { envelope });
      expect(result.ok && result.data.status).to.equal('accepted');
      if (result.ok) exchangeIds.push(result.data.id, envelope.header.msgId);
      const queued = await scrape();
      expect(sampleValue(queued, 'focalnet_queued_copies')).to.equal(sampleValue(before, 'focalnet_queued_copies') + 1);

      const receiver = await connect(cn);
      expect(await drainBacklog(receiver, 10)).to.have.length(1);
      const after = await scrape();
      expect(sampleValue(after, 'focalnet_queued_copies')).to.equal(sampleValue(before, 'focalnet_queued_copies'));
      expect(
        sampleValue(after, 'focalnet_backlog_drains_total') - sampleValue(before, 'focalnet_backlog_drains_total'),
      ).to.equal(1);
      expect(
        sampleValue(after, 'focalnet_backlog_drained_copies_total') -
          sampleValue(before, 'focalnet_backlog_drained_copies_total'),
      ).to.equal(1);
      // Fetched from the backlog, not pushed live: the live-delivery histogram does not count it.
      expect(sampleValue(after, 'focalnet_live_delivery_seconds_count')).to.equal(
        sampleValue(before, 'focalnet_live_delivery_seconds_count'),
      );
    });

    it('nothing personal: no names, user ids, message ids or msgIds, no state codes as label values', async () => {
      const text = await scrapeText(metricsUrl());
      const people = [net.root, ...Object.values(net.admins).flat(), ...Object.values(net.focalPoints).flat()];
      const personal = people.flatMap((p) => [p.user.id, p.username, p.user.displayName]);
      expect(exchangeIds.length).to.be.at.least(8);
      for (const value of [...personal, ...exchangeIds]) expect(text).not.to.contain(value);
      const stateCodes = new Set(MEMBER_STATES.map((state) => state.code));
      const labelValues = parsePrometheusText(text).flatMap((s) => Object.values(s.labels));
      expect(labelValues.filter((value) => stateCodes.has(value))).to.deep.equal([]);
      // The labels the contract allows, and no others.
      const labelNames = new Set(parsePrometheusText(text).flatMap((s) => Object.keys(s.labels)));
      const allowed = ['version', 'domain', 'outcome', 'decision', 'command', 'sweep', 'method', 'status_class', 'le'];
      // prom-client's default metrics label a few process facts (GC kind, heap space, Node version).
      const defaults = ['kind', 'space', 'type', 'major', 'minor', 'patch'];
      expect([...labelNames].filter((name) => ![...allowed, ...defaults].includes(name))).to.deep.equal([]);
    });

    it('GET /metrics on the main port: 401 without the token or with a wrong one, 200 with it', async () => {
      expect((await fetch(`${t.url}/metrics`)).status).to.equal(401);
      const wrong = await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
      expect(wrong.status).to.equal(401);
      expect((await fetch(`${t.url}/metrics`, { headers: { authorization: TOKEN } })).status).to.equal(401);
      const samples = parsePrometheusText(await scrapeText(t.url, { authorization: `Bearer ${TOKEN}` }));
      expect(sampleValue(samples, 'focalnet_build_info')).to.equal(1);
      // The main port's requests are counted (those three refusals among them).
      expect(
        sampleValue(samples, 'focalnet_http_requests_total', { method: 'GET', status_class: '4xx' }),
      ).to.be.at.least(3);
    });
  });

  describe('without a token', () => {
    it('GET /metrics on the main port is 404; the listener closes with the server', async () => {
      const t = await startTestServer({ METRICS_PORT: '0' });
      let url: string | undefined;
      try {
        url = t.server.metricsUrl;
        expect(url).to.be.a('string');
        expect((await fetch(`${t.url}/metrics`)).status).to.equal(404);
        expect((await fetch(`${t.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).to.equal(
          404,
        );
        parsePrometheusText(await scrapeText(url as string));
      } finally {
        await t.close();
      }
      let refused = false;
      await fetch(`${url}/metrics`).catch(() => (refused = true));
      expect(refused, 'the metrics listener still answers after close').to.equal(true);
    });

    it('with metrics off there is no listener and GET /metrics is 404 (not the web client)', async () => {
      const t = await startTestServer();
      try {
        expect(t.server.metricsUrl).to.equal(undefined);
        expect((await fetch(`${t.url}/metrics`)).status).to.equal(404);
      } finally {
        await t.close();
      }
    });
  });

  describe('with Redis and a quick outbox sweep', () => {
    it('the adapter gauge follows the Redis connections; sweep runs are timed by name', async () => {
      const redis = await startTestRedis();
      let t: TestServer | undefined;
      try {
        t = await startTestServer({ METRICS_PORT: '0', REDIS_URL: redis.url, OUTBOX_SWEEP_SECONDS: '0.05' });
        const url = t.server.metricsUrl as string;
        const scrape = async (): Promise<Sample[]> => parsePrometheusText(await scrapeText(url));
        expect(sampleValue(await scrape(), 'focalnet_redis_adapter_up')).to.equal(1);
        await waitFor(
          async () => sampleValue(await scrape(), 'focalnet_sweep_seconds_count', { sweep: 'outbox-webhook' }) > 0,
          { what: 'a timed outbox sweep' },
        );
        await redis.stop();
        await waitFor(async () => sampleValue(await scrape(), 'focalnet_redis_adapter_up') === 0, {
          what: 'the adapter gauge to fall to 0',
        });
      } finally {
        await t?.close();
        await redis.stop();
      }
    });
  });
});
