import { expect } from 'chai';
import mongoose, { Types } from 'mongoose';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import { deliveryModel, deliveryRecordModel } from '../../../server/db/models/delivery.model.js';
import { messageModel } from '../../../server/db/models/message.model.js';
import { DeliveryQueueRepository } from '../../../server/db/repositories/delivery-queue.repository.js';
import { MessagesRepository } from '../../../server/db/repositories/messages.repository.js';
import type { StoredMessage } from '../../../server/modules/messaging/ports.js';
import { LABELS } from '../../helpers/messaging.js';
import { testMongoUri, uniqueDbName } from '../../helpers/test-database.js';

/**
 * Acknowledgements at the queue: the copies named are read by primary key, "delivered" is
 * recorded (the record's unique id is the claim), then the copies are deleted. Each copy is
 * reported taken once, with its sender and the first acknowledgement's time, however many
 * acknowledgements name it at once and on however many nodes.
 */
describe('messaging: taking acknowledged copies out of the queue', function () {
  this.timeout(60_000);
  let connection: mongoose.Connection;
  const sender = new Types.ObjectId().toHexString();
  const recipient = new Types.ObjectId().toHexString();
  let sent = 0;
  let models: [
    ReturnType<typeof messageModel>,
    ReturnType<typeof deliveryModel>,
    ReturnType<typeof deliveryRecordModel>,
  ];

  before(async () => {
    connection = await mongoose.createConnection(testMongoUri(), { dbName: uniqueDbName('acks') }).asPromise();
    models = [messageModel(connection), deliveryModel(connection), deliveryRecordModel(connection)];
    await Promise.all(models.map((model) => model.init()));
  });
  after(async () => connection.close());

  /** A server node's delivery queue over the shared database. */
  const node = (): DeliveryQueueRepository => new DeliveryQueueRepository(models[1], models[2]);

  /** Stores a message from `sender` to `recipient` and queues it through `repository`. */
  async function queued(repository: DeliveryQueueRepository): Promise<StoredMessage> {
    const store = new MessagesRepository(models[0], repository);
    sent += 1;
    const envelope = {
      v: 1,
      body: 'AAAA',
      sig: 'A'.repeat(86),
      keys: [
        { userId: sender, sealed: 'AAAA' },
        { userId: recipient, sealed: 'AAAA' },
      ],
      header: {
        msgId: `ack-test-${sent}`,
        ts: Date.now(),
        kind: 'message',
        from: { userId: sender, state: 'KZ' },
        to: [{ userId: recipient, state: 'RU' }],
        labels: LABELS,
      },
    } as unknown as Envelope;
    const { message } = await store.insert(store.idFor(sender, envelope.header.msgId), {
      senderId: sender,
      envelope,
      attachmentIds: [],
      status: 'accepted',
      conditions: {},
      storedAt: new Date(),
      retentionUntil: null,
    });
    await repository.enqueue(message);
    return message;
  }

  const stillQueued = async (message: StoredMessage): Promise<number> =>
    connection.collection('deliveries').countDocuments({ messageId: new Types.ObjectId(message.id) });

  it('takes a copy, names its sender and records when it was delivered; a repeat takes nothing and keeps the first time', async () => {
    const repository = node();
    const message = await queued(repository);
    const first = new Date('2026-12-01T10:00:00Z');
    expect(await repository.ack(recipient, [message.id], first)).to.deep.equal([
      { messageId: message.id, senderId: sender, msgId: message.msgId, at: first },
    ]);
    expect(await stillQueued(message)).to.equal(0);
    expect(await repository.ack(recipient, [message.id], new Date('2026-12-01T11:00:00Z'))).to.deep.equal([]);
    expect((await repository.deliveredTo([message])).get(message.id)).to.deep.equal([{ userId: recipient, at: first }]);
  });

  it('a copy queued for someone else is not taken by my acknowledgement, nor recorded as delivered', async () => {
    const repository = node();
    const message = await queued(repository);
    const stranger = new Types.ObjectId().toHexString();
    expect(await repository.ack(stranger, [message.id], new Date())).to.deep.equal([]);
    expect(await stillQueued(message)).to.equal(1);
    expect((await repository.deliveredTo([message])).get(message.id)).to.equal(undefined);
  });

  it('concurrent acknowledgements of one copy on two nodes: it is reported once', async () => {
    for (let round = 0; round < 5; round++) {
      const message = await queued(node());
      const [a, b] = [node(), node()];
      const results = await Promise.all([
        a.ack(recipient, [message.id], new Date()),
        b.ack(recipient, [message.id], new Date()),
        a.ack(recipient, [message.id], new Date()),
      ]);
      expect(
        results.flat().map((copy) => copy.messageId),
        `round ${round}`,
      ).to.deep.equal([message.id]);
      expect(await stillQueued(message)).to.equal(0);
    }
  });

  it('a crash between recording and deleting leaves the copy queued; the next acknowledgement takes it without a second "delivered"', async () => {
    const repository = node();
    const message = await queued(repository);
    const at = new Date('2026-12-02T09:00:00Z');
    const copy = await connection.collection('deliveries').findOne({ messageId: new Types.ObjectId(message.id) });
    if (!copy) throw new Error('not queued');
    await connection.collection('delivery_records').insertOne({
      _id: copy._id,
      messageId: new Types.ObjectId(message.id),
      recipientId: new Types.ObjectId(recipient),
      at,
    });
    expect(await repository.ack(recipient, [message.id], new Date())).to.deep.equal([]);
    expect(await stillQueued(message)).to.equal(0);
    expect((await repository.deliveredTo([message])).get(message.id)).to.deep.equal([{ userId: recipient, at }]);
  });
});
