import { expect } from 'chai';
import type { Socket as NetSocket } from 'node:net';
import type { DeliveredMessage, MessageStatusEvent } from '../../../shared/schemas/messaging.js';
import { activeFocalPoint, type TestPerson } from '../../helpers/accounts.js';
import { deliveryBarrier, drainBacklog, envelopeFor, send, socketOf } from '../../helpers/messaging.js';
import { eventually } from '../../helpers/server-process.js';
import { startNetwork } from '../../helpers/network.js';
import type { TestServer, TestSocket } from '../../helpers/test-server.js';

/** Every message:new a socket gets, and whether it ever reconnected (it must not need to). */
function recordArrivals(socket: TestSocket): { ids: string[]; reconnected: () => boolean } {
  const ids: string[] = [];
  let disconnects = 0;
  socket.on('message:new', (message: DeliveredMessage) => ids.push(message.id));
  socket.on('disconnect', () => {
    disconnects += 1;
  });
  return { ids, reconnected: () => disconnects > 0 };
}

async function sendOk(
  t: TestServer,
  socket: TestSocket,
  from: TestPerson,
  to: TestPerson[],
  text: string,
): Promise<string> {
  const result = await send(socket, { envelope: await envelopeFor(t, from, to, { text }) });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data.id;
}

describe('live delivery without gaps', function () {
  this.timeout(120_000);
  let t: TestServer;
  let kzAdmin: TestPerson;
  let ruAdmin: TestPerson;
  let kz: TestPerson;
  let ru: TestPerson;

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 1 } } },
    });
    ({ t } = net);
    [kzAdmin, ruAdmin] = [net.admin('KZ'), net.admin('RU')];
    [kz, ru] = [net.focalPoint('KZ'), net.focalPoint('RU')];
  });
  after(async () => t.close());

  it('10 concurrent sends to one online recipient arrive as 10 message:new, without a reconnect', async () => {
    const sender = await socketOf(t, kz);
    const receiver = await socketOf(t, ru);
    const arrivals = recordArrivals(receiver);
    const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => sendOk(t, sender, kz, [ru], `burst ${i}`)));
    await eventually(async () => arrivals.ids.length >= 10, 5_000, '10 arrivals');
    const marker = await deliveryBarrier(t, { socket: sender, person: kz }, { socket: receiver, person: ru }); // a duplicate would have come before it
    expect([...arrivals.ids].sort()).to.deep.equal([...ids, marker].sort());
    expect(arrivals.reconnected()).to.equal(false);
    sender.close();
    receiver.close();
  });

  it('acknowledging 5 at once gives the online sender 5 "delivered"', async () => {
    const sender = await socketOf(t, kz);
    const receiver = await socketOf(t, ru);
    const ids = await Promise.all(Array.from({ length: 5 }, (_, i) => sendOk(t, sender, kz, [ru], `ack me ${i}`)));
    const delivered: MessageStatusEvent[] = [];
    sender.on('message:status', (event: MessageStatusEvent) => {
      if (event.status === 'delivered') delivered.push(event);
    });
    const acked = await receiver.timeout(5_000).emitWithAck('message:ack', { ids });
    expect(acked).to.deep.equal({ ok: true, data: { acknowledged: 5 } });
    await eventually(async () => delivered.length >= 5, 5_000, '5 delivered');
    const marker = await deliveryBarrier(t, { socket: sender, person: kz }, { socket: receiver, person: ru });
    expect(delivered.map((d) => d.id).sort()).to.deep.equal([...ids, marker].sort());
    sender.close();
    receiver.close();
  });

  it('a burst over 10 pairs with 50 sends in flight: every acknowledged message arrives live, none twice', async () => {
    const PAIRS = 10;
    const PER_PAIR = 30;
    const senders: TestPerson[] = [];
    const recipients: TestPerson[] = [];
    for (let i = 0; i < PAIRS; i++) {
      senders.push(await activeFocalPoint(t, kzAdmin, ['border']));
      recipients.push(await activeFocalPoint(t, ruAdmin, ['border']));
    }
    const senderSockets = await Promise.all(senders.map((person) => socketOf(t, person)));
    const recipientSockets = await Promise.all(recipients.map((person) => socketOf(t, person)));
    const arrivals = recipientSockets.map((socket) => {
      const record = recordArrivals(socket);
      // Recipients acknowledge what arrives, as the SDK does.
      socket.on(
        'message:new',
        (message: DeliveredMessage) => void socket.emitWithAck('message:ack', { ids: [message.id] }),
      );
      socket.on('sync:behind', () => {
        throw new Error('no recipient should fall behind in this burst');
      });
      return record;
    });
    const jobs = senders.flatMap((_, pair) => Array.from({ length: PER_PAIR }, (__, n) => ({ pair, n })));
    const accepted: string[][] = recipients.map(() => []);
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let job = jobs[next++]; job; job = jobs[next++]) {
        const { pair, n } = job;
        const socket = senderSockets[pair];
        const from = senders[pair];
        const to = recipients[pair];
        if (!socket || !from || !to) throw new Error('pair missing');
        accepted[pair]?.push(await sendOk(t, socket, from, [to], `pair ${pair} message ${n}`));
      }
    };
    await Promise.all(Array.from({ length: 50 }, worker));
    await eventually(
      async () => arrivals.every((a, pair) => a.ids.length >= (accepted[pair]?.length ?? 0)),
      20_000,
      'every acknowledged message live',
    );
    const markers = await Promise.all(
      senders.map((from, pair) =>
        deliveryBarrier(
          t,
          { socket: senderSockets[pair] as TestSocket, person: from },
          { socket: recipientSockets[pair] as TestSocket, person: recipients[pair] as TestPerson },
        ),
      ),
    );
    arrivals.forEach((a, pair) => {
      expect(a.ids.length, `pair ${pair}: no duplicates`).to.equal(new Set(a.ids).size);
      expect([...a.ids].sort(), `pair ${pair}`).to.deep.equal([...(accepted[pair] ?? []), markers[pair]].sort());
      expect(a.reconnected(), `pair ${pair} reconnected`).to.equal(false);
    });
    for (const socket of [...senderSockets, ...recipientSockets]) socket.close();
  });

  it('a reader that falls behind is nudged after the pushes it missed and drains them from the queue, without reconnecting', async () => {
    const sender = await socketOf(t, kz);
    const reader = await socketOf(t, ru);
    const live: string[] = [];
    let nudges = 0;
    reader.on('message:new', (message: DeliveredMessage) => live.push(message.id));
    reader.on('sync:behind', () => {
      nudges += 1;
    });
    const tcp = (reader.io.engine.transport as unknown as { ws: { _socket: NetSocket } }).ws._socket;
    tcp.pause();
    const TEXT = 'y'.repeat(150_000); // ~200 KB envelopes: a few fill the server's bound for this socket
    const sent: string[] = [];
    for (let i = 0; i < 30; i++) sent.push(await sendOk(t, sender, kz, [ru], `${i} ${TEXT}`));
    tcp.resume();
    await eventually(async () => nudges > 0, 20_000, 'the nudge');
    const drained = await drainBacklog(reader, 10);
    expect(live.length, 'some arrived live before the bound').to.be.greaterThan(0);
    expect(live.length, 'not all were pushed to a stalled socket').to.be.lessThan(sent.length);
    const seen = new Set([...live, ...drained]);
    expect(
      sent.filter((id) => !seen.has(id)),
      'missed',
    ).to.deep.equal([]);
    expect(live.length, 'none pushed twice').to.equal(new Set(live).size);
    expect(reader.connected).to.equal(true);
    sender.close();
    reader.close();
  });
});
