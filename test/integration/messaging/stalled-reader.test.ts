import { expect } from 'chai';
import type { Socket as NetSocket } from 'node:net';
import type { DeliveredMessage } from '../../../shared/schemas/messaging.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { drainBacklog, envelopeFor, send, socketOf } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import type { TestServer, TestSocket } from '../../helpers/test-server.js';

/** The TCP socket under a socket.io client's websocket (Node client, `ws` transport). */
function tcpOf(socket: TestSocket): NetSocket {
  const transport = socket.io.engine.transport as unknown as { ws?: { _socket?: NetSocket } };
  const tcp = transport.ws?._socket;
  if (!tcp) throw new Error('no websocket under this client');
  return tcp;
}

/** Bytes the server holds for one person's sockets: engine.io's write buffer plus the websocket's unsent bytes. */
function bufferedFor(t: TestServer, userId: string): number {
  let bytes = 0;
  for (const socket of t.server.io.of('/').sockets.values()) {
    if ((socket.data as { user?: { id: string } }).user?.id !== userId) continue;
    const conn = socket.conn as unknown as {
      writeBuffer: Array<{ data?: unknown }>;
      transport: { socket?: { bufferedAmount?: number } };
    };
    bytes += conn.writeBuffer.reduce((n, packet) => n + (typeof packet.data === 'string' ? packet.data.length : 0), 0);
    bytes += conn.transport.socket?.bufferedAmount ?? 0;
  }
  return bytes;
}

describe('a stalled reader (quality.md reliability #4)', function () {
  this.timeout(240_000);
  let t: TestServer;
  let kz: TestPerson;
  let stalled: TestPerson;
  let healthy: TestPerson;

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 2 } } },
    });
    ({ t } = net);
    [kz, stalled, healthy] = [net.focalPoint('KZ'), net.focalPoint('RU'), net.focalPoint('RU', 1)];
  });
  after(async () => t.close());

  it('keeps what the server buffers for it bounded, loses nothing, and does not hold up the others', async () => {
    const MESSAGES = 100;
    const TEXT = 'x'.repeat(150_000); // ~200 KB envelopes: 100 of them are more than the kernel's socket buffers hold
    const sender = await socketOf(t, kz);
    const reader = await socketOf(t, stalled);
    const other = await socketOf(t, healthy);
    const received: DeliveredMessage[] = [];
    other.on('message:new', (message) => received.push(message));
    const readerTcp = tcpOf(reader);
    readerTcp.pause(); // connected, but never reads again (the server drops it after its ping timeout)

    let maxBuffered = 0;
    const sentIds: string[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      const result = await send(sender, {
        envelope: await envelopeFor(t, kz, [stalled, healthy], { n: i, text: TEXT }),
      });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      sentIds.push(result.data.id);
      maxBuffered = Math.max(maxBuffered, bufferedFor(t, stalled.user.id));
    }
    const offered = MESSAGES * TEXT.length;
    if (process.env.TEST_LOGS)
      console.log(`stalled reader: at most ${maxBuffered} bytes buffered of ${offered} offered`);
    // Bounded: at most a few envelopes wait in the server for the stalled socket, not all of them.
    expect(maxBuffered, `buffered ${maxBuffered} of ${offered} bytes offered`).to.be.below(
      Math.min(offered / 5, 2_000_000),
    );

    // The others are unaffected: everything reached the healthy reader in real time.
    for (let waited = 0; received.length < MESSAGES && waited < 30_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.map((m) => m.id)).to.deep.equal(sentIds);

    // Nothing is lost for the stalled reader: when it comes back, its backlog holds every message once.
    readerTcp.destroy();
    const fresh = await socketOf(t, stalled);
    const backlog = await drainBacklog(fresh, 20);
    expect(backlog).to.deep.equal(sentIds);
  });
});
