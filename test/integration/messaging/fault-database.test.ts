import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connectClient, type Socket } from 'socket.io-client';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/events.js';
import type { Ack } from '../../../shared/errors.js';
import type { BacklogPage, SendMessageResult } from '../../../shared/schemas/messaging.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { connectSocket } from '../../../client/sdk/index.js';
import { envelopeFor, LABELS } from '../../helpers/messaging.js';
import { populateNetwork } from '../../helpers/network.js';
import { sdkAs } from '../../helpers/sdk-as-person.js';
import { eventually, runServerProcess, type ServerProcess } from '../../helpers/server-process.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const SECRET = 'database-fault-test-secret-shared-by-both';

/**
 * quality.md fault 2: stop the database during sends and start it again — no ack without a
 * durable write, clients see errors and retry, nothing acked is lost. The server runs as
 * `npm start` does, on its embedded FerretDB; we kill FerretDB (its supervisor restarts it).
 */
describe('fault injection: the database goes away during sends', function () {
  this.timeout(180_000);
  let dataDir: string;
  let run: ServerProcess;
  let setup: TestServer;
  let sender: TestPerson;
  let receiver: TestPerson;

  before(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'focalnet-dbfault-'));
    run = await runServerProcess({
      DATA_DIR: dataDir,
      PORT: '0',
      JWT_SECRET: SECRET,
      EMBEDDED_DB_MAX_RESTARTS: '20',
      LOG_LEVEL: 'warn',
    });
    await run.listening();
    const socketPath = path.join(dataDir, 'run', 'ferretdb.sock');
    setup = await startTestServer({
      MONGODB_URI: `mongodb://${encodeURIComponent(socketPath)}/`,
      DB_NAME: 'focalnet',
      JWT_SECRET: SECRET,
    });
    const net = await populateNetwork(setup, {
      states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 1 } } },
    });
    [sender, receiver] = [net.focalPoint('KZ'), net.focalPoint('RU')];
  });
  after(async () => {
    await setup?.close().catch(() => undefined);
    if (run && run.child.exitCode === null && run.child.signalCode === null) {
      run.kill('SIGKILL');
      await run.exited;
    }
    const pid = Number(readFileSync(path.join(dataDir, 'ferretdb-state', 'ferretdb.pid'), 'utf8').split('\n')[0] ?? 0);
    if (pid > 1)
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('acks only durable writes; after the restart every acked message is there once', async () => {
    const url = await run.listening();
    const socket = connectClient(url, {
      transports: ['websocket'],
      auth: { token: sender.session?.accessToken },
      reconnectionDelay: 100,
    }) as ClientSocket;
    const acked = new Map<string, string>();
    let errorsSeen = 0;
    const codes = new Set<string>();
    const ferretPid = (): number =>
      Number(readFileSync(path.join(dataDir, 'ferretdb-state', 'ferretdb.pid'), 'utf8').split('\n')[0]);

    const send = async (envelope: Envelope): Promise<void> => {
      const deadline = Date.now() + 60_000;
      let last = 'not sent';
      while (Date.now() < deadline) {
        const result = socket.connected
          ? ((await socket
              .timeout(4_000)
              .emitWithAck('message:send', { envelope })
              .catch(() => undefined)) as Ack<SendMessageResult> | undefined)
          : undefined;
        if (result?.ok) {
          acked.set(envelope.header.msgId, result.data.id);
          return;
        }
        errorsSeen += 1;
        if (result && !result.ok) codes.add(result.error.code);
        last = result ? JSON.stringify(result) : socket.connected ? 'no answer within 4 s' : 'socket not connected';
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const ready = await fetch(`${url}/api/ready`).then(
        (r) => r.status,
        (e: unknown) => String(e),
      );
      throw new Error(
        `message ${envelope.header.msgId} never acknowledged (last attempt: ${last}; errors so far ${errorsSeen}; /api/ready ${ready}); server said: ${run.stderr().slice(-3000)} ${run.stdout().slice(-3000)}`,
      );
    };

    for (let i = 0; i < 20; i++) {
      if (i === 6) process.kill(ferretPid(), 'SIGKILL'); // the database dies mid-stream
      await send(await envelopeFor(setup, sender, [receiver], { i }));
    }
    socket.close();
    expect(errorsSeen, 'the client saw errors while the database was away').to.be.greaterThan(0);
    // Each error says what it is: the database is away, try again (never a bare internal error).
    expect(
      [...codes].filter((code) => code !== 'db.unavailable' && code !== 'auth.unauthenticated'),
      'error codes',
    ).to.deep.equal([]);
    expect(acked.size).to.equal(20);

    await eventually(async () => (await fetch(`${url}/api/ready`)).status === 200, 20_000, 'database back');
    const db = setup.server.database.connection;
    await eventually(async () => db.readyState === 1, 20_000, 'test connection back');
    for (const msgId of acked.keys())
      expect(await db.collection('messages').countDocuments({ msgId }), msgId).to.equal(1);
    const inbox = connectClient(url, {
      transports: ['websocket'],
      auth: { token: receiver.session?.accessToken },
    }) as ClientSocket;
    const page = (await inbox.timeout(10_000).emitWithAck('message:fetch', { limit: 100 })) as Ack<BacklogPage>;
    inbox.close();
    expect(page.ok && page.data.messages.map((m) => m.envelope.header.msgId).sort()).to.deep.equal(
      [...acked.keys()].sort(),
    );
  });

  it('the SDK keeps sending through a database restart: every message is acknowledged once it is back, none twice', async () => {
    const url = await run.listening();
    await eventually(async () => (await fetch(`${url}/api/ready`)).status === 200, 20_000, 'database ready');
    // Signed in through the test server (same database and secret); the socket goes to the server process.
    const client = await sdkAs(setup, sender);
    const socket = connectSocket(client, {
      url,
      socketOptions: { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 500 },
    });
    const messenger = client.messenger(socket, {
      now: () => setup.clock.now().getTime(),
      ackTimeoutMs: 4_000,
      retryDelayMs: 100,
      maxAttempts: 60,
    });
    const ferretPid = (): number =>
      Number(readFileSync(path.join(dataDir, 'ferretdb-state', 'ferretdb.pid'), 'utf8').split('\n')[0]);
    try {
      const sent: string[] = [];
      for (let i = 0; i < 12; i++) {
        if (i === 4) process.kill(ferretPid(), 'SIGKILL');
        sent.push(
          (await messenger.send({ to: [receiver.user.id], labels: LABELS, text: `through the restart ${i}` })).msgId,
        );
      }
      expect(sent).to.have.length(12);
      const db = setup.server.database.connection;
      await eventually(async () => db.readyState === 1, 20_000, 'test connection back');
      for (const msgId of sent) expect(await db.collection('messages').countDocuments({ msgId }), msgId).to.equal(1);
    } finally {
      socket.close();
    }
  });
});
