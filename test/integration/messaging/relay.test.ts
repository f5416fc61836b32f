import { expect } from 'chai';
import type { Ack } from '../../../shared/errors.js';
import type { BacklogPage, DeliveredMessage, MessageStatusEvent } from '../../../shared/schemas/messaging.js';
import { call } from '../../helpers/api.js';
import { activeFocalPoint, signIn, type TestPerson } from '../../helpers/accounts.js';
import { deliveryBarrier, envelopeFor, LABELS, readAs, send, socketOf as socketAs } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import type { TestServer, TestSocket } from '../../helpers/test-server.js';
import { eventually } from '../../helpers/server-process.js';

describe('encrypted messaging relay', function () {
  this.timeout(90_000);
  let t: TestServer;
  let kz: TestPerson;
  let ru: TestPerson;
  let cn: TestPerson;
  let kzAdmin: TestPerson;

  before(async () => {
    const net = await startNetwork({
      states: {
        KZ: { focalPoints: { border: 1 } },
        RU: { focalPoints: { border: 1 } },
        CN: { focalPoints: { 'economic-crime': 1 } },
      },
    });
    ({ t } = net);
    kzAdmin = net.admin('KZ');
    [kz, ru, cn] = [net.focalPoint('KZ'), net.focalPoint('RU'), net.focalPoint('CN')];
  });
  after(async () => t.close());

  const socketOf = (person: TestPerson): Promise<TestSocket> => socketAs(t, person);

  it('delivers in real time to an online recipient, who decrypts it; the sender hears "delivered" after the ack', async () => {
    const sender = await socketOf(kz);
    const receiver = await socketOf(ru);
    const arrived = new Promise<DeliveredMessage>((resolve) => receiver.once('message:new', resolve));
    const statusSeen = new Promise<MessageStatusEvent>((resolve) => sender.once('message:status', resolve));
    const envelope = await envelopeFor(t, kz, [ru], { text: 'Passport KZ0001234 reported stolen on 12 May' });
    const result = await send(sender, { envelope });
    expect(result.ok).to.equal(true);
    const message = await arrived;
    expect(message.id).to.equal(result.ok ? result.data.id : '');
    expect(await readAs(ru, kz, message.envelope)).to.deep.equal({
      text: 'Passport KZ0001234 reported stolen on 12 May',
    });
    const acked = await receiver.timeout(2_000).emitWithAck('message:ack', { ids: [message.id] });
    expect(acked).to.deep.equal({ ok: true, data: { acknowledged: 1 } });
    expect(await statusSeen).to.include({ id: message.id, status: 'delivered', userId: ru.user.id });
  });

  it('the sender hears "accepted" before "delivered", even when the audit write is slow', async () => {
    const sender = await socketOf(kz);
    const receiver = await socketOf(ru);
    receiver.on('message:new', (message: DeliveredMessage) => {
      void receiver.emitWithAck('message:ack', { ids: [message.id] });
    });
    const heard: string[] = [];
    const delivered = new Promise<void>((resolve) =>
      sender.on('message:status', (event) => {
        if (event.status !== 'delivered') return;
        heard.push('delivered');
        resolve();
      }),
    );
    const audit = t.server.auditEntries;
    const write = audit.tryInsert.bind(audit);
    audit.tryInsert = async (segment) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return write(segment);
    };
    try {
      const answer = await send(sender, { envelope: await envelopeFor(t, kz, [ru], { text: 'answer first' }) });
      heard.push(answer.ok ? 'accepted' : 'refused');
      await delivered;
    } finally {
      audit.tryInsert = write;
      receiver.removeAllListeners('message:new');
    }
    expect(heard).to.deep.equal(['accepted', 'delivered']);
  });

  it('concurrent acknowledgements of the same copy take it out once: one "delivered" for the sender', async () => {
    const sender = await socketOf(kz);
    const result = await send(sender, { envelope: await envelopeFor(t, kz, [ru], { text: 'acked twice at once' }) });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const delivered: MessageStatusEvent[] = [];
    sender.on('message:status', (event) => {
      if (event.id === result.data.id && event.status === 'delivered') delivered.push(event);
    });
    const receiver = await socketOf(ru);
    const acks = await Promise.all(
      [1, 2, 3].map(
        () =>
          receiver.timeout(2_000).emitWithAck('message:ack', { ids: [result.data.id] }) as Promise<
            Ack<{ acknowledged: number }>
          >,
      ),
    );
    expect(acks.map((ack) => (ack.ok ? ack.data.acknowledged : -1)).sort()).to.deep.equal([0, 0, 1]);
    await eventually(async () => delivered.length > 0, 5_000, 'the delivered status');
    await deliveryBarrier(t, { socket: sender, person: kz }, { socket: receiver, person: ru }); // a duplicate would have come before it
    expect(delivered).to.have.length(1);
    const page = (await receiver.timeout(2_000).emitWithAck('message:fetch', { limit: 50 })) as Ack<BacklogPage>;
    expect(page.ok && page.data.messages.some((m) => m.id === result.data.id)).to.equal(false);
  });

  it('keeps messages for an offline recipient and hands over the backlog in order, in pages, until acknowledged', async () => {
    const sender = await socketOf(kz);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const result = await send(sender, { envelope: await envelopeFor(t, kz, [ru], { n: i }) });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      ids.push(result.data.id);
    }
    const receiver = await socketOf(ru);
    const seen: number[] = [];
    for (;;) {
      const page = (await receiver.timeout(2_000).emitWithAck('message:fetch', { limit: 3 })) as Ack<BacklogPage>;
      if (!page.ok) throw new Error(JSON.stringify(page.error));
      for (const message of page.data.messages)
        seen.push(((await readAs(ru, kz, message.envelope)) as { n: number }).n);
      if (page.data.messages.length === 0) break;
      expect(page.data.messages.length).to.be.at.most(3);
      await receiver.timeout(2_000).emitWithAck('message:ack', { ids: page.data.messages.map((m) => m.id) });
      if (!page.data.more) break;
    }
    expect(seen).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
    const empty = (await receiver.timeout(2_000).emitWithAck('message:fetch', { limit: 10 })) as Ack<BacklogPage>;
    expect(empty.ok && empty.data.messages).to.deep.equal([]);
  });

  it('a retry with the same msgId returns the original id (a late one too) and stores nothing twice; duplicate acks are no-ops', async () => {
    const sender = await socketOf(kz);
    const envelope = await envelopeFor(t, kz, [ru], { text: 'once' });
    const first = await send(sender, { envelope });
    const second = await send(sender, { envelope });
    expect(first.ok && second.ok && first.data.id === second.data.id).to.equal(true);
    // A late retry fails a check the first attempt passed (its time is now too old): it still gets the first answer.
    t.clock.advance(6 * 60_000); // past the 5 minutes of accepted clock skew
    const late = await send(sender, { envelope });
    expect(late).to.deep.equal(first);
    const stored = await t.server.database.connection
      .collection('messages')
      .countDocuments({ msgId: envelope.header.msgId });
    expect(stored).to.equal(1);
    expect(
      await t.server.database.connection.collection('deliveries').countDocuments({
        messageId: (await t.server.database.connection.collection('messages').findOne({ msgId: envelope.header.msgId }))
          ?._id,
      }),
    ).to.equal(1);
    const receiver = await socketOf(ru);
    const id = first.ok ? first.data.id : '';
    expect(await receiver.timeout(2_000).emitWithAck('message:ack', { ids: [id] })).to.deep.equal({
      ok: true,
      data: { acknowledged: 1 },
    });
    expect(await receiver.timeout(2_000).emitWithAck('message:ack', { ids: [id] })).to.deep.equal({
      ok: true,
      data: { acknowledged: 0 },
    });
  });

  it('refuses forged, re-addressed, mis-sent, stale and malformed envelopes with clear codes', async () => {
    const sender = await socketOf(kz);
    const good = await envelopeFor(t, kz, [ru], { text: 'x' });
    const cases: Array<[string, unknown, string]> = [
      [
        'flipped body byte',
        { envelope: { ...good, body: `${good.body.startsWith('A') ? 'B' : 'A'}${good.body.slice(1)}` } },
        'message.invalid',
      ],
      [
        're-addressed to another recipient',
        { envelope: { ...good, header: { ...good.header, to: [{ userId: cn.user.id, state: 'CN' }] } } },
        'message.invalid',
      ],
      ['claims another sender', { envelope: await envelopeFor(t, ru, [kz], { text: 'x' }) }, 'message.not-sender'],
      [
        'clock far off',
        { envelope: await envelopeFor(t, kz, [ru], { text: 'x' }, { ts: t.clock.now().getTime() - 3_600_000 }) },
        'message.clock-skew',
      ],
      [
        'recipient outside the domain',
        { envelope: await envelopeFor(t, kz, [cn], { text: 'x' }) },
        'message.recipient-invalid',
      ],
      ['not an envelope', { envelope: { v: 1 } }, 'validation.failed'],
      ['operator injection', { envelope: { ...good, header: { $gt: '' } } }, 'validation.failed'],
    ];
    for (const [name, input, code] of cases) {
      const result = await send(sender, input);
      expect(result.ok, name).to.equal(false);
      if (!result.ok) expect(result.error.code, name).to.equal(code);
    }
    const oversize = { envelope: { ...good, body: 'A'.repeat(300 * 1024) } };
    const tooBig = await send(sender, oversize);
    expect(tooBig.ok).to.equal(false);
  });

  it('suspended senders are cut off mid-connection', async () => {
    const person = await activeFocalPoint(t, kzAdmin, ['border']);
    const socket = await socketOf(person);
    const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    await signIn(t, kzAdmin);
    await call(t.url, 'POST', `/api/users/${person.user.id}/suspend`, {
      token: kzAdmin.session?.accessToken,
      body: { reason: 'test' },
    });
    await closed;
    expect(socket.connected).to.equal(false);
  });

  it('the database holds only ciphertext: no plaintext canary and no private-key bytes in any collection', async () => {
    const canary = 'CANARY-7f3a9c-plaintext-must-never-reach-the-server';
    const sender = await socketOf(kz);
    const result = await send(sender, {
      envelope: await envelopeFor(t, kz, [ru], { text: canary }, { labels: LABELS }),
    });
    expect(result.ok).to.equal(true);
    const db = t.server.database.connection.db;
    if (!db) throw new Error('no db');
    const needles = [
      canary,
      Buffer.from(canary).toString('base64'),
      Buffer.from(canary).toString('base64url'),
      ...[kz, ru].flatMap((p) =>
        [p.keys.identity.privateKey, p.keys.encryption.privateKey].flatMap((key) => [
          Buffer.from(key).toString('base64'),
          Buffer.from(key).toString('base64url'),
          Buffer.from(key).toString('hex'),
        ]),
      ),
    ];
    for (const { name } of await db.listCollections().toArray()) {
      const dump = JSON.stringify(await db.collection(name).find({}).toArray());
      for (const needle of needles) expect(dump.includes(needle), `${needle.slice(0, 12)}… in ${name}`).to.equal(false);
    }
  });
});
