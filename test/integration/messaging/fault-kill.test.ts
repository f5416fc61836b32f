import { expect } from 'chai';
import net from 'node:net';
import { io as connectClient, type Socket } from 'socket.io-client';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/events.js';
import type { Ack } from '../../../shared/errors.js';
import type { BacklogPage, SendMessageResult } from '../../../shared/schemas/messaging.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { envelopeFor } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { runServerProcess, type ServerProcess } from '../../helpers/server-process.js';
import { testMongoUri } from '../../helpers/test-database.js';
import type { TestServer } from '../../helpers/test-server.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const SECRET = 'kill-nine-test-secret-shared-by-both-processes';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** What a client does: send, and until it has an ack, send the same envelope again (same msgId). */
async function sendUntilAcked(socket: ClientSocket, envelope: Envelope, deadline: number): Promise<string> {
  while (Date.now() < deadline) {
    if (socket.connected) {
      const result = (await socket
        .timeout(3_000)
        .emitWithAck('message:send', { envelope })
        .catch(() => undefined)) as Ack<SendMessageResult> | undefined;
      if (result?.ok) return result.data.id;
      if (result && !result.ok && result.error.code !== 'internal' && result.error.code !== 'db.unavailable')
        throw new Error(JSON.stringify(result.error));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('no ack before the deadline');
}

/**
 * quality.md fault 1: `kill -9` the server during a load of N clients × M messages, restart it:
 * every acknowledged message is stored exactly once, delivered, and shown once.
 */
describe('fault injection: kill -9 during a load', function () {
  this.timeout(180_000);
  let setup: TestServer;
  let run: ServerProcess | undefined;
  const senders: TestPerson[] = [];
  let receiver: TestPerson;

  before(async () => {
    const net = await startNetwork({
      env: { JWT_SECRET: SECRET },
      states: { KZ: { focalPoints: { border: 3 } }, RU: { focalPoints: { border: 1 } } },
    });
    setup = net.t;
    senders.push(...(net.focalPoints.KZ ?? []));
    receiver = net.focalPoint('RU');
  });
  after(async () => {
    if (run && run.child.exitCode === null && run.child.signalCode === null) {
      run.kill('SIGKILL');
      await run.exited;
    }
    await setup?.close();
  });

  it('every acknowledged message survives exactly once and is delivered once', async () => {
    const port = await freePort();
    const env = {
      MONGODB_URI: testMongoUri(),
      DB_NAME: setup.server.database.connection.name,
      JWT_SECRET: SECRET,
      PORT: String(port),
      DATA_DIR: '/tmp',
    };
    run = await runServerProcess(env);
    const url = await run.listening();
    const sockets = senders.map(
      (person) =>
        connectClient(url, {
          transports: ['websocket'],
          auth: { token: person.session?.accessToken },
          reconnectionDelay: 100,
          reconnectionDelayMax: 500,
        }) as ClientSocket,
    );

    const PER_SENDER = 25;
    const acked = new Map<string, string>(); // msgId → server id
    const deadline = Date.now() + 120_000;
    let killed = false;
    await Promise.all(
      senders.map(async (person, s) => {
        for (let m = 0; m < PER_SENDER; m++) {
          const envelope = await envelopeFor(setup, person, [receiver], { s, m });
          if (s === 0 && m === 8 && !killed) {
            killed = true;
            run?.kill('SIGKILL'); // mid-load, with other senders' messages in flight
            await run?.exited;
            run = await runServerProcess(env);
            await run.listening();
          }
          acked.set(envelope.header.msgId, await sendUntilAcked(sockets[s] as ClientSocket, envelope, deadline));
        }
      }),
    );
    expect(killed).to.equal(true);
    expect(acked.size).to.equal(senders.length * PER_SENDER);

    const db = setup.server.database.connection;
    for (const msgId of acked.keys())
      expect(await db.collection('messages').countDocuments({ msgId }), msgId).to.equal(1);

    const inbox = connectClient(url, {
      transports: ['websocket'],
      auth: { token: receiver.session?.accessToken },
    }) as ClientSocket;
    const shown = new Map<string, number>();
    for (;;) {
      const page = (await inbox.timeout(5_000).emitWithAck('message:fetch', { limit: 50 })) as Ack<BacklogPage>;
      if (!page.ok) throw new Error(JSON.stringify(page.error));
      for (const message of page.data.messages)
        shown.set(message.envelope.header.msgId, (shown.get(message.envelope.header.msgId) ?? 0) + 1);
      if (page.data.messages.length === 0) break;
      await inbox.timeout(5_000).emitWithAck('message:ack', { ids: page.data.messages.map((m) => m.id) });
    }
    for (const socket of [...sockets, inbox]) socket.close();
    expect([...acked.keys()].every((msgId) => shown.get(msgId) === 1)).to.equal(true);
    expect(shown.size).to.equal(acked.size);
  });
});
