import { expect } from 'chai';
import {
  DEFAULT_RETRY,
  drainOutbox,
  PermanentDeliveryError,
  type RetryPolicy,
} from '../../../server/modules/alerts/drain-outbox.js';
import type { OutboxItem } from '../../../server/modules/alerts/ports.js';
import { startSiblingNode, startTestServer, type TestServer } from '../../helpers/test-server.js';

const POLICY: RetryPolicy = { maxAttempts: 3, backoffMs: (attempt) => attempt * 60_000, leaseMs: 5 * 60_000 };

describe('alerts: the durable outbox (real database)', function () {
  this.timeout(60_000);
  let t: TestServer;
  let second: TestServer;
  let n = 0;
  const channel = () => `test-${++n}`;

  before(async () => {
    t = await startTestServer();
  });
  after(async () => {
    await second?.close();
    await t.close();
  });

  const outbox = () => t.server.alerts.outbox;
  const deps = () => ({ outbox: outbox(), clock: t.clock });
  const add = (name: string, key: string) =>
    outbox().add({ channel: name, key, payload: { hello: key }, dueAt: t.clock.now(), state: 'KZ' }, t.clock.now());

  it('keeps one item per key: the same event queued twice is sent once', async () => {
    const name = channel();
    expect(await add(name, `${name}:a`)).to.equal(true);
    expect(await add(name, `${name}:a`)).to.equal(false);
    const sent: string[] = [];
    const result = await drainOutbox(deps(), name, async (item) => void sent.push(item.key), POLICY);
    expect(result).to.deep.equal({ sent: 1, retried: 0, failed: 0 });
    expect(sent).to.deep.equal([`${name}:a`]);
    const item = await outbox().findByKey(`${name}:a`);
    expect(item).to.include({ status: 'sent', attempts: 1 });
    expect(item?.payload).to.deep.equal({ hello: `${name}:a` });
    // Nothing is due any more.
    expect((await drainOutbox(deps(), name, async () => undefined, POLICY)).sent).to.equal(0);
  });

  it('lets exactly one of several drains take each attempt', async () => {
    const name = channel();
    for (let i = 0; i < 5; i++) await add(name, `${name}:${i}`);
    const sent: string[] = [];
    const send = async (item: OutboxItem) => void sent.push(item.key);
    const results = await Promise.all([1, 2, 3].map(() => drainOutbox(deps(), name, send, POLICY)));
    expect(results.reduce((sum, r) => sum + r.sent, 0)).to.equal(5);
    expect([...sent].sort()).to.deep.equal([0, 1, 2, 3, 4].map((i) => `${name}:${i}`));
  });

  it('retries a failed attempt after its backoff, and marks the item failed after the last attempt', async () => {
    const name = channel();
    await add(name, `${name}:x`);
    const failing = async () => {
      throw new Error('connection refused');
    };
    expect(await drainOutbox(deps(), name, failing, POLICY)).to.deep.equal({ sent: 0, retried: 1, failed: 0 });
    let item = await outbox().findByKey(`${name}:x`);
    expect(item).to.include({ status: 'pending', attempts: 1, lastError: 'connection refused' });
    // Not before its backoff (1 min after attempt 1).
    expect((await drainOutbox(deps(), name, failing, POLICY)).retried).to.equal(0);
    t.clock.advance(60_000);
    expect((await drainOutbox(deps(), name, failing, POLICY)).retried).to.equal(1);
    t.clock.advance(120_000);
    expect(await drainOutbox(deps(), name, failing, POLICY)).to.deep.equal({ sent: 0, retried: 0, failed: 1 });
    item = await outbox().findByKey(`${name}:x`);
    expect(item).to.include({ status: 'failed', attempts: 3 });
    const failures = await outbox().list({ channel: name, state: 'KZ', status: 'failed' }, 10);
    expect(failures.map((f) => f.key)).to.deep.equal([`${name}:x`]);
  });

  it('fails at once on a permanent error', async () => {
    const name = channel();
    await add(name, `${name}:p`);
    const refused = async () => {
      throw new PermanentDeliveryError('550 no such mailbox');
    };
    expect(await drainOutbox(deps(), name, refused, POLICY)).to.deep.equal({ sent: 0, retried: 0, failed: 1 });
    expect(await outbox().findByKey(`${name}:p`)).to.include({ status: 'failed', lastError: '550 no such mailbox' });
  });

  it('gives up an attempt whose node stopped, once, and sends it on a later pass', async () => {
    const name = channel();
    await add(name, `${name}:s`);
    const [item] = await outbox().due(name, t.clock.now(), 10);
    // A node took attempt 1 and died before settling it.
    expect(await outbox().take(item!, t.clock.now(), POLICY.leaseMs)).to.equal(true);
    const sent: string[] = [];
    const send = async (i: OutboxItem) => void sent.push(i.key);
    expect((await drainOutbox(deps(), name, send, POLICY)).sent).to.equal(0); // still within its lease
    t.clock.advance(POLICY.leaseMs + 1);
    await Promise.all([1, 2].map(() => drainOutbox(deps(), name, send, POLICY))); // gives the attempt up
    await drainOutbox(deps(), name, send, POLICY);
    expect(sent).to.deep.equal([`${name}:s`]);
    expect(await outbox().findByKey(`${name}:s`)).to.include({ status: 'sent', attempts: 2 });
  });

  it('forgets settled items after their keeping time, never pending ones', async () => {
    const name = channel();
    await add(name, `${name}:done`);
    await add(name, `${name}:later`);
    await outbox().add(
      { channel: name, key: `${name}:future`, payload: {}, dueAt: new Date(t.clock.now().getTime() + 3_600_000) },
      t.clock.now(),
    );
    const send = async (item: OutboxItem) => {
      if (item.key.endsWith(':later')) throw new Error('try again');
    };
    await drainOutbox(deps(), name, send, POLICY);
    await outbox().forgetSettled(new Date(t.clock.now().getTime() + 1));
    expect(await outbox().findByKey(`${name}:done`)).to.equal(undefined);
    expect(await outbox().findByKey(`${name}:later`)).to.include({ status: 'pending' });
    expect(await outbox().findByKey(`${name}:future`)).to.include({ status: 'pending' });
  });

  it('is shared by two server nodes on one database: each item sent once', async () => {
    second = await startSiblingNode(t);
    const name = channel();
    for (let i = 0; i < 6; i++) await add(name, `${name}:${i}`);
    const sent: string[] = [];
    const send = async (item: OutboxItem) => void sent.push(item.key);
    await Promise.all([
      drainOutbox(deps(), name, send, DEFAULT_RETRY),
      drainOutbox({ outbox: second.server.alerts.outbox, clock: second.clock }, name, send, DEFAULT_RETRY),
    ]);
    expect([...sent].sort()).to.deep.equal([0, 1, 2, 3, 4, 5].map((i) => `${name}:${i}`));
  });
});
