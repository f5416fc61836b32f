import { expect } from 'chai';
import type { Socket as NetSocket } from 'node:net';
import type { DeliveredMessage } from '../../../shared/schemas/messaging.js';
import { call } from '../../helpers/api.js';
import { signIn, type TestPerson } from '../../helpers/accounts.js';
import { envelopeFor, LABELS, send, socketOf } from '../../helpers/messaging.js';
import { sdkAs } from '../../helpers/sdk-as-person.js';
import { sdkMessaging } from '../../helpers/sdk-messaging.js';
import { eventually } from '../../helpers/server-process.js';
import { startNetwork } from '../../helpers/network.js';
import type { TestServer } from '../../helpers/test-server.js';

describe('delivery state that lasts', function () {
  this.timeout(120_000);
  let t: TestServer;
  let kz: TestPerson;
  let ru: TestPerson;
  let ru2: TestPerson;

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 2 } } },
    });
    ({ t } = net);
    [kz, ru, ru2] = [net.focalPoint('KZ'), net.focalPoint('RU'), net.focalPoint('RU', 1)];
  });
  after(async () => t.close());

  const history = async (person: TestPerson): Promise<DeliveredMessage[]> => {
    const response = await call<DeliveredMessage[]>(t.url, 'GET', '/api/messages?limit=20', {
      token: person.session?.accessToken,
    });
    expect(response.status).to.equal(200);
    return response.body;
  };

  it('a sender offline while its message is delivered sees "delivered", per recipient and with the time, after signing in', async () => {
    const sender = await socketOf(t, kz);
    const result = await send(sender, { envelope: await envelopeFor(t, kz, [ru, ru2], { text: 'to both' }) });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    sender.close(); // the sender goes away before anyone acknowledges
    await eventually(async () => !sender.connected, 2_000, 'sender offline');

    const before = await history(kz);
    expect(before.find((m) => m.id === result.data.id)?.deliveredTo).to.deep.equal([]);

    const reader = await socketOf(t, ru);
    t.clock.advance(5_000);
    const ackedAfter = t.clock.now().getTime();
    const acked = await reader.timeout(5_000).emitWithAck('message:ack', { ids: [result.data.id] });
    expect(acked).to.deep.equal({ ok: true, data: { acknowledged: 1 } });
    const ackedBefore = t.clock.now().getTime();
    // Acknowledged again later (another tab): the first time stays.
    t.clock.advance(60_000);
    await reader.timeout(5_000).emitWithAck('message:ack', { ids: [result.data.id] });
    reader.close();

    kz.session = await signIn(t, kz);
    const mine = (await history(kz)).find((m) => m.id === result.data.id);
    expect(mine?.deliveredTo?.map((d) => d.userId)).to.deep.equal([ru.user.id]); // ru2 has not received it yet
    const at = Date.parse(mine?.deliveredTo?.[0]?.at ?? '');
    expect(at, "the first acknowledgement's time").to.be.within(ackedAfter, ackedBefore);
    // A recipient's history says nothing about the others' delivery.
    const theirs = (await history(ru)).find((m) => m.id === result.data.id);
    expect(theirs).to.not.have.property('deliveredTo');
  });

  it('the SDK of a recipient that fell behind drains what it missed on the nudge, without reconnecting', async () => {
    const receiver = sdkMessaging(t, await sdkAs(t, ru2));
    await eventually(async () => receiver.socket.connected, 5_000, 'receiver connected');
    await receiver.messenger.drain();
    receiver.received.length = 0;
    let reconnects = 0;
    let behind = 0;
    receiver.socket.on('disconnect', () => {
      reconnects += 1;
    });
    receiver.messenger.on('behind', () => {
      behind += 1;
    });
    const errors: string[] = [];
    receiver.messenger.on('error', (error) => errors.push(error.message));
    const tcp = (receiver.socket.io.engine.transport as unknown as { ws: { _socket: NetSocket } }).ws._socket;
    tcp.pause();
    const sender = sdkMessaging(t, await sdkAs(t, kz));
    const TEXT = 'z'.repeat(90_000); // 50 envelopes of ~120 KB: more than the server buffers for one socket
    const tooLong = await sender.messenger.send({ to: [ru2.user.id], labels: LABELS, text: 'x'.repeat(100_001) }).then(
      () => 'sent',
      (error: { code?: string }) => error.code,
    );
    expect(tooLong, 'a text the recipient would refuse is refused before sending').to.equal('validation.failed');
    const sent: string[] = [];
    for (let i = 0; i < 50; i++)
      sent.push((await sender.messenger.send({ to: [ru2.user.id], labels: LABELS, text: `${i} ${TEXT}` })).id);
    tcp.resume();
    await eventually(async () => receiver.received.length >= 50, 20_000, 'all 50 in the SDK').catch(
      (error: unknown) => {
        throw new Error(
          `${String(error)}: ${receiver.received.length} received, ${behind} nudges, rejected ${receiver.rejected.length} ${JSON.stringify(receiver.rejected[0])}, errors: ${errors.join('; ')}`,
        );
      },
    );
    expect(behind).to.be.greaterThan(0);
    expect(reconnects).to.equal(0);
    expect(receiver.received.map((m) => m.id)).to.have.members(sent);
    sender.messenger.stop();
    sender.socket.close();
    receiver.messenger.stop();
    receiver.socket.close();
  });
});
