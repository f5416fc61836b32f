import { expect } from 'chai';
import type { Ack } from '../../../shared/errors.js';
import type { BacklogPage, DeliveredMessage, SendMessageResult } from '../../../shared/schemas/messaging.js';
import { call } from '../../helpers/api.js';
import { activeFocalPoint, signIn, signInCall, type TestPerson } from '../../helpers/accounts.js';
import { waitFor } from '../../helpers/barrier.js';
import { deliveryBarrier, envelopeFor, readAs } from '../../helpers/messaging.js';
import { populateNetwork } from '../../helpers/network.js';
import { startTestRedis, type TestRedis } from '../../helpers/redis-server.js';
import { uniqueDbName } from '../../helpers/test-database.js';
import { connected, startTestServer, type TestServer, type TestSocket } from '../../helpers/test-server.js';

describe('two server nodes through Redis', function () {
  this.timeout(90_000);
  let redis: TestRedis;
  let a: TestServer;
  let b: TestServer;
  let kzAdmin: TestPerson;
  let kz: TestPerson;
  let ru: TestPerson;

  before(async () => {
    redis = await startTestRedis();
    const env = {
      REDIS_URL: redis.url,
      DB_NAME: uniqueDbName('twonode'),
      JWT_SECRET: 'two-nodes-share-this-secret-of-40-chars!',
    };
    a = await startTestServer(env);
    b = await startTestServer(env);
    const net = await populateNetwork(a, {
      states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 1 } } },
    });
    kzAdmin = net.admin('KZ');
    [kz, ru] = [net.focalPoint('KZ'), net.focalPoint('RU')];
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
  });

  const socketOn = async (node: TestServer, person: TestPerson): Promise<TestSocket> => {
    const socket = node.connect({ auth: { token: person.session?.accessToken } });
    await connected(socket);
    return socket;
  };

  it('a message sent through node A reaches a recipient connected to node B in real time', async () => {
    const sender = await socketOn(a, kz);
    const receiver = await socketOn(b, ru);
    const arrived = new Promise<DeliveredMessage>((resolve) => receiver.once('message:new', resolve));
    const result = (await sender.timeout(5_000).emitWithAck('message:send', {
      envelope: await envelopeFor(a, kz, [ru], { text: 'across nodes' }),
    })) as Ack<SendMessageResult>;
    expect(result.ok).to.equal(true);
    expect(await readAs(ru, kz, (await arrived).envelope)).to.deep.equal({ text: 'across nodes' });
  });

  it('10 concurrent sends through node A reach a recipient on node B live, each once; 5 acknowledged at once give the sender on A 5 "delivered"', async () => {
    const sender = await socketOn(a, kz);
    const receiver = await socketOn(b, ru);
    const arrived: string[] = [];
    receiver.on('message:new', (message: DeliveredMessage) => arrived.push(message.id));
    const ids = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const result = (await sender.timeout(5_000).emitWithAck('message:send', {
          envelope: await envelopeFor(a, kz, [ru], { text: `burst ${i}` }),
        })) as Ack<SendMessageResult>;
        if (!result.ok) throw new Error(JSON.stringify(result.error));
        return result.data.id;
      }),
    );
    await waitFor(() => arrived.length >= 10, { what: '10 arrivals on node B' });
    const marker = await deliveryBarrier(a, { socket: sender, person: kz }, { socket: receiver, person: ru }); // across nodes too: a duplicate would have come before it
    expect([...arrived].sort()).to.deep.equal([...ids, marker].sort());
    const delivered: string[] = [];
    sender.on('message:status', (event) => {
      if (event.status === 'delivered') delivered.push(event.id);
    });
    await receiver.timeout(5_000).emitWithAck('message:ack', { ids: ids.slice(0, 5) });
    await waitFor(() => delivered.length >= 5, { what: '5 delivered on node A' });
    expect(delivered.sort()).to.deep.equal(ids.slice(0, 5).sort());
    sender.close();
    receiver.close();
  });

  it("a suspension on node A closes the person's socket on node B, and node B refuses the next request", async () => {
    const person = await activeFocalPoint(a, kzAdmin, ['border']);
    const socket = await socketOn(b, person);
    // Node B has now checked (and cached) the account: the suspension must reach that copy too.
    expect((await call(b.url, 'GET', '/api/me', { token: person.session?.accessToken })).status).to.equal(200);
    const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    await call(a.url, 'POST', `/api/users/${person.user.id}/suspend`, {
      token: kzAdmin.session?.accessToken,
      body: { reason: 'lost laptop' },
    });
    await closed;
    expect((await call(b.url, 'GET', '/api/me', { token: person.session?.accessToken })).status).to.equal(401);
  });

  it('failed sign-ins count together on both nodes: after five, wherever they went, the next is refused', async () => {
    const person = await activeFocalPoint(a, kzAdmin, ['border']);
    const attempt = (node: TestServer, password: string) =>
      signInCall(node.url, { username: person.username, password });
    for (const node of [a, b, a, b, a]) expect((await attempt(node, 'not-the-password-at-all')).status).to.equal(401);
    expect((await attempt(b, person.password)).status, 'node B saw two failures, node A three').to.equal(429);
    expect((await attempt(a, person.password)).status).to.equal(429);
  });

  it('with Redis stopped the nodes stay up, nothing acknowledged is lost, and a suspended account stays shut out', async () => {
    const person = await activeFocalPoint(a, kzAdmin, ['border']);
    const onB = await socketOn(b, person);
    await redis.stop();
    const sender = await socketOn(a, kz);
    const result = (await sender.timeout(5_000).emitWithAck('message:send', {
      envelope: await envelopeFor(a, kz, [ru], { text: 'while redis is down' }),
    })) as Ack<SendMessageResult>;
    expect(result.ok).to.equal(true);
    const receiver = await socketOn(b, ru);
    const page = (await receiver.timeout(5_000).emitWithAck('message:fetch', { limit: 100 })) as Ack<BacklogPage>;
    expect(page.ok && page.data.messages.some((m) => result.ok && m.id === result.data.id)).to.equal(true);

    // Revocation cannot travel without Redis, but it fails closed: the next event on node B is refused.
    await signIn(a, kzAdmin);
    await call(a.url, 'POST', `/api/users/${person.user.id}/suspend`, {
      token: kzAdmin.session?.accessToken,
      body: { reason: 'while redis is down' },
    });
    const refused = (await onB
      .timeout(5_000)
      .emitWithAck('message:fetch', { limit: 1 })
      .catch(() => ({ ok: false, error: { code: 'auth.unauthenticated' } }))) as Ack<BacklogPage>;
    expect(refused.ok).to.equal(false);
    expect((await call(b.url, 'GET', '/api/health')).status).to.equal(200);
  });
});
