import { expect } from 'chai';
import { Types } from 'mongoose';
import type { Ack } from '../../../shared/errors.js';
import type { BacklogPage, MessageStatusEvent } from '../../../shared/schemas/messaging.js';
import { activeFocalPoint, activeNationalAdmin, bootstrapNetworkAdmin, type TestPerson } from '../../helpers/accounts.js';
import { envelopeFor, send, socketOf } from '../../helpers/messaging.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { eventually } from '../../helpers/server-process.js';

const SECRET = 'legacy-queue-test-secret-both-servers-share';

/**
 * Data written by older versions. Queue copies written before copy ids were derived from
 * (recipient, message) have random ids, no sender fields, and could be marked `ackedAt` instead
 * of deleted; messages stored before the envelope was kept as JSON text hold its fields. A server
 * started on such data must still hand over the unacknowledged ones whole, take them out on
 * acknowledgement, tell the sender "delivered" once, and never hand over the acknowledged ones.
 */
describe('messaging: queue copies and messages stored by older versions', function () {
  this.timeout(90_000);
  let before: TestServer;
  let upgraded: TestServer;
  let kz: TestPerson;
  let ru: TestPerson;

  after(async () => {
    await upgraded?.close();
    await before?.close();
  });

  it('are delivered whole, acknowledged once with "delivered" for the sender, and acknowledged ones stay out', async () => {
    before = await startTestServer({ JWT_SECRET: SECRET });
    const root = await bootstrapNetworkAdmin(before);
    kz = await activeFocalPoint(before, await activeNationalAdmin(before, root, 'KZ'), ['border']);
    ru = await activeFocalPoint(before, await activeNationalAdmin(before, root, 'RU'), ['border']);
    const sender = await socketOf(before, kz);
    const pendingEnvelope = await envelopeFor(before, kz, [ru], { text: 'queued the old way' });
    const pending = await send(sender, { envelope: pendingEnvelope });
    const acknowledged = await send(sender, { envelope: await envelopeFor(before, kz, [ru], { text: 'acknowledged the old way' }) });
    if (!pending.ok || !acknowledged.ok) throw new Error('send failed');
    sender.close();

    // Rewrite the recipient's queue as the older code left it.
    const db = before.server.database.connection;
    const deliveries = db.collection('deliveries');
    await deliveries.deleteMany({ recipientId: new Types.ObjectId(ru.user.id) });
    const legacy = (messageId: string, ackedAt: Date | null): Record<string, unknown> => ({ _id: new Types.ObjectId(), recipientId: new Types.ObjectId(ru.user.id), messageId: new Types.ObjectId(messageId), storedAt: new Date(), ackedAt });
    await deliveries.insertMany([legacy(pending.data.id, null), legacy(acknowledged.data.id, new Date())]);
    const { header, body, keys, sig } = pendingEnvelope;
    await db.collection('messages').updateOne({ _id: new Types.ObjectId(pending.data.id) }, { $unset: { envelope: 1 }, $set: { header, body, keys, sig } });

    // A server of this version starts on that data.
    upgraded = await startTestServer({ DB_NAME: db.name, JWT_SECRET: SECRET });
    const senderAgain = await socketOf(upgraded, kz);
    const statuses: MessageStatusEvent[] = [];
    senderAgain.on('message:status', (event) => { if (event.status === 'delivered') statuses.push(event); });
    const receiver = await socketOf(upgraded, ru);
    const page = await receiver.timeout(5_000).emitWithAck('message:fetch', { limit: 50 }) as Ack<BacklogPage>;
    expect(page.ok && page.data.messages.map((m) => m.id)).to.deep.equal([pending.data.id]);
    expect(page.ok && page.data.messages[0]?.envelope).to.deep.equal(pendingEnvelope);

    const ack = await receiver.timeout(5_000).emitWithAck('message:ack', { ids: [pending.data.id] });
    expect(ack).to.deep.equal({ ok: true, data: { acknowledged: 1 } });
    expect(await receiver.timeout(5_000).emitWithAck('message:ack', { ids: [pending.data.id] })).to.deep.equal({ ok: true, data: { acknowledged: 0 } });
    await eventually(async () => statuses.length > 0, 5_000, 'the delivered status');
    await new Promise((resolve) => setTimeout(resolve, 300)); // time for a duplicate to show
    expect(statuses.map((s) => ({ id: s.id, userId: s.userId }))).to.deep.equal([{ id: pending.data.id, userId: ru.user.id }]);
    expect(await deliveries.countDocuments({ recipientId: new Types.ObjectId(ru.user.id), ackedAt: null })).to.equal(0);
    const after = await receiver.timeout(5_000).emitWithAck('message:fetch', { limit: 50 }) as Ack<BacklogPage>;
    expect(after.ok && after.data.messages).to.deep.equal([]);
  });
});
