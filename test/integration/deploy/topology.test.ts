import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { TestPerson } from '../../helpers/accounts.js';
import { LABELS } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { eventually } from '../../helpers/server-process.js';
import type { TestServer } from '../../helpers/test-server.js';
import { startTopology, type Topology, type TopologyNode } from '../../helpers/topology.js';
import { signInThroughProxy, type ProxiedPerson } from '../../helpers/topology-sdk.js';

const JWT_SECRET = 'topology-test-secret-shared-by-both-nodes-0123';
const SHUTDOWN_GRACE_SECONDS = 15;
/** fail_timeout of the upstream servers in deploy/nginx/focalnet.conf.template. */
const NGINX_FAIL_TIMEOUT_MS = 5_000;

/** A POST straight to a node, bypassing the proxy: its status says whether the node knows this engine.io session. */
function nodeKnowsSession(node: TopologyNode, sid: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: node.port, method: 'POST', path: `/socket.io/?EIO=4&transport=polling&sid=${sid}` },
      (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      },
    );
    req.on('error', reject);
    req.end('6'); // an engine.io noop packet: harmless to the session
  });
}

/** The node the proxy pins sockets from 127.0.0.1 on (hash $remote_addr): the one holding a fresh polling session. */
async function pinnedNode(topology: Topology): Promise<{ pinned: TopologyNode; other: TopologyNode }> {
  const handshake = await topology.fetch(`${topology.origin}/socket.io/?EIO=4&transport=polling`, {
    method: 'GET',
    headers: {},
  });
  const { sid } = JSON.parse((await handshake.text()).slice(1)) as { sid: string };
  const [first, second] = topology.nodes;
  return (await nodeKnowsSession(first, sid)) ? { pinned: first, other: second } : { pinned: second, other: first };
}

describe('deployment topology: nginx (TLS) in front of two nodes with Redis', function () {
  this.timeout(240_000);
  let seed: TestServer;
  let topology: Topology;
  let people: { kz: TestPerson[]; kg: TestPerson[]; ru: TestPerson[] };
  const opened: ProxiedPerson[] = [];
  const through = async (person: TestPerson): Promise<ProxiedPerson> => {
    const proxied = await signInThroughProxy(topology, person);
    opened.push(proxied);
    return proxied;
  };

  before(async () => {
    // The network is made in-process on the test database; the nodes are processes over the same one.
    const net = await startNetwork({
      env: { JWT_SECRET },
      states: {
        KZ: { focalPoints: { border: 2 } },
        KG: { focalPoints: { border: 1 } },
        RU: { focalPoints: { border: 2 } },
      },
    });
    seed = net.t;
    people = { kz: net.focalPoints.KZ ?? [], kg: net.focalPoints.KG ?? [], ru: net.focalPoints.RU ?? [] };
    topology = await startTopology({
      dbName: seed.server.database.connection.name,
      jwtSecret: JWT_SECRET,
      env: { SHUTDOWN_GRACE_SECONDS: String(SHUTDOWN_GRACE_SECONDS) },
    });
  });
  after(async () => {
    for (const proxied of opened) proxied.close();
    await topology?.stop();
    await seed?.close();
  });

  it('serves HTTPS only: plain HTTP is redirected to the public origin, and /metrics is not reachable through it', async () => {
    const plain = await fetch(`${topology.plainOrigin}/api/health?x=1`, { redirect: 'manual' });
    expect(plain.status).to.equal(301);
    expect(plain.headers.get('location')).to.equal(`${topology.origin}/api/health?x=1`);

    const health = await topology.fetch(`${topology.origin}/api/health`, { method: 'GET', headers: {} });
    expect(health.status).to.equal(200);
    expect(((await health.json()) as { status: string }).status).to.equal('ok');

    // nginx answers itself (its own page), so a token configured on the nodes would not help either.
    const metrics = await topology.fetch(`${topology.origin}/metrics`, {
      method: 'GET',
      headers: { authorization: 'Bearer any-token-at-all-of-some-length' },
    });
    expect(metrics.status).to.equal(404);
    expect(await metrics.text()).to.include('<center>nginx');
  });

  it('a message with an attachment goes through the proxy over a socket upgraded to WebSocket, and is opened', async () => {
    const [alice, bob] = [await through(people.kz[0] as TestPerson), await through(people.ru[0] as TestPerson)];
    for (const box of [alice, bob])
      await eventually(
        async () => box.socket.connected && box.socket.io.engine.transport.name === 'websocket',
        15_000,
        'the socket upgraded to a WebSocket through nginx',
      );
    const file = new Uint8Array(randomBytes(100 * 1024)); // above nginx's in-memory body buffer
    const sent = await alice.messenger.send({
      to: [bob.person.user.id],
      labels: LABELS,
      text: 'through the proxy',
      attachments: [{ name: 'scan.bin', bytes: file }],
    });
    expect(sent.status).to.equal('accepted');
    await eventually(async () => bob.received.some((m) => m.msgId === sent.msgId), 15_000, 'bob received it');
    const got = bob.received.find((m) => m.msgId === sent.msgId);
    expect(got?.text).to.equal('through the proxy');
    const ref = got?.attachments[0];
    if (!ref) throw new Error('no attachment in the received message');
    expect(Buffer.from(await bob.messenger.downloadAttachment(ref)).equals(Buffer.from(file))).to.equal(true);
  });

  it('a rolling restart under a steady load loses nothing acknowledged and shows nothing twice', async () => {
    const senders = [
      await through(people.kz[0] as TestPerson),
      await through(people.kz[1] as TestPerson),
      await through(people.kg[0] as TestPerson),
    ];
    const receivers = [await through(people.ru[0] as TestPerson), await through(people.ru[1] as TestPerson)];
    const to = receivers.map((r) => r.person.user.id);
    for (const box of [...senders, ...receivers])
      await eventually(async () => box.socket.connected, 15_000, 'every client connected through the proxy');
    const { pinned, other } = await pinnedNode(topology);

    // Each sender sends one message after the other (to both receivers) until told to stop.
    const acked: { from: string; msgId: string }[] = [];
    const failures: unknown[] = [];
    let sending = true;
    const PER_SENDER_MAX = 300; // a bound only: the load stops when told
    const load = senders.map(async (sender, s) => {
      for (let m = 0; sending && m < PER_SENDER_MAX; m++) {
        try {
          const sent = await sender.messenger.send({ to, labels: LABELS, text: `load ${s}/${m}` });
          acked.push({ from: sender.person.user.id, msgId: sent.msgId });
        } catch (error) {
          failures.push(error);
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    });
    const ackedSoFar = (more: number): Promise<void> => {
      const target = acked.length + more;
      return eventually(async () => acked.length >= target, 30_000, `${more} more messages acknowledged`);
    };

    await ackedSoFar(20);
    const stops: { code: number | null; ms: number; output: string }[] = [];
    for (const node of [pinned, other]) {
      stops.push(await node.stop());
      await ackedSoFar(10); // the load carries on through the remaining node
      await node.start();
      // The template's passive health check (max_fails=1 fail_timeout=5s) keeps a node that refused a
      // connection out of rotation for 5 s after it is back: a rolling restart waits that long before
      // the next node, or the proxy would see no live node at all for a moment (the runbook says so).
      await new Promise((resolve) => setTimeout(resolve, NGINX_FAIL_TIMEOUT_MS + 1_000));
      await ackedSoFar(10);
    }
    await ackedSoFar(20);
    sending = false;
    await Promise.all(load);

    expect(failures.map(String), 'no send failed for good').to.deep.equal([]);
    // Exit code 0: the orderly stop finished before SHUTDOWN_GRACE_SECONDS (past it, main.ts exits with 1).
    expect(stops.map((stop) => stop.code)).to.deep.equal([0, 0]);
    // Nothing went wrong while draining: no error (pino level 50) or fatal (60) line from a stopping node.
    for (const stop of stops) expect(stop.output).not.to.match(/"level":(50|60)/);

    // Every acknowledged message reached both receivers, as their SDK shows it, exactly once.
    const key = (from: string, msgId: string): string => `${from}/${msgId}`;
    const expected = acked.map((a) => key(a.from, a.msgId)).sort();
    for (const receiver of receivers) {
      await eventually(
        async () => new Set(receiver.received.map((m) => key(m.from.userId, m.msgId))).size >= expected.length,
        60_000,
        'every acknowledged message received',
      );
      expect(receiver.received.map((m) => key(m.from.userId, m.msgId)).sort()).to.deep.equal(expected);
    }

    // The database holds one stored message per msgId.
    const stored = await seed.server.database.connection
      .collection('messages')
      .aggregate<{ _id: string; copies: number }>([
        { $match: { msgId: { $in: acked.map((a) => a.msgId) } } },
        { $group: { _id: '$msgId', copies: { $sum: 1 } } },
      ])
      .toArray();
    expect(stored).to.have.length(acked.length);
    expect(stored.filter((row) => row.copies !== 1)).to.deep.equal([]);

    // A send that was refused or timed out went again with the very same envelope (so the same msgId),
    // and no envelope went out that was not acknowledged in the end.
    const ackedIds = new Set(acked.map((a) => a.msgId));
    let retries = 0;
    for (const sender of senders)
      for (const [msgId, attempts] of sender.sendAttempts) {
        expect(ackedIds.has(msgId), `sent but never acknowledged: ${msgId}`).to.equal(true);
        expect(new Set(attempts).size, `retries of ${msgId} carry the same envelope`).to.equal(1);
        retries += attempts.length - 1;
      }
    console.log(
      `      rolling restart: ${acked.length} messages acknowledged, ${retries} retried sends, stops took ${stops.map((stop) => stop.ms).join(' and ')} ms`,
    );
  });
});
