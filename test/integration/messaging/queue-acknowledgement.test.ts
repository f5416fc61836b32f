import { expect } from 'chai';
import mongoose, { Types } from 'mongoose';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import { deliveryModel, messageModel } from '../../../server/db/models/message.model.js';
import { MessagesRepository, type StoredMessage } from '../../../server/db/repositories/messages.repository.js';
import { LABELS } from '../../helpers/messaging.js';
import { testMongoUri, uniqueDbName } from '../../helpers/test-database.js';

/**
 * Acknowledgements at the queue: a copy this node handed over (queued it, or served it in a
 * backlog page) is taken with one delete, no read; anything else is read first. Either way each
 * copy is reported taken at most once, with its sender, so "delivered" is never said twice.
 */
describe('messaging: taking acknowledged copies out of the queue', function () {
  this.timeout(60_000);
  let connection: mongoose.Connection;
  const commands: string[] = [];
  const sender = new Types.ObjectId().toHexString();
  const recipient = new Types.ObjectId().toHexString();
  let sent = 0;
  let models: [ReturnType<typeof messageModel>, ReturnType<typeof deliveryModel>];

  before(async () => {
    connection = await mongoose.createConnection(testMongoUri(), { dbName: uniqueDbName('acks'), monitorCommands: true }).asPromise();
    models = [messageModel(connection), deliveryModel(connection)];
    await Promise.all(models.map((model) => model.init()));
    connection.getClient().on('commandStarted', (event) => {
      const target = (event.command as Record<string, unknown>)[event.commandName];
      if (target === 'deliveries') commands.push(event.commandName);
    });
  });
  after(async () => connection.close());

  /** A server node's repository: its own memory of handed-over copies, the shared database. */
  const node = (): MessagesRepository => new MessagesRepository(...models);

  /** Stores and queues a message from `sender` to `recipient` through `repository`. */
  async function queued(repository: MessagesRepository): Promise<StoredMessage> {
    sent += 1;
    const envelope = {
      v: 1, body: 'AAAA', sig: 'A'.repeat(86), keys: [{ userId: sender, sealed: 'AAAA' }, { userId: recipient, sealed: 'AAAA' }],
      header: { msgId: `ack-test-${sent}`, ts: Date.now(), kind: 'message', from: { userId: sender, state: 'KZ' }, to: [{ userId: recipient, state: 'RU' }], labels: LABELS },
    } as unknown as Envelope;
    const { message } = await repository.insert(repository.idFor(sender, envelope.header.msgId), { senderId: sender, envelope, attachmentIds: [], status: 'accepted', conditions: {}, storedAt: new Date(), retentionUntil: null });
    await repository.enqueue(message);
    return message;
  }

  async function commandsOf(run: () => Promise<unknown>): Promise<string[]> {
    commands.length = 0;
    await run();
    return [...commands];
  }

  const stillQueued = async (message: StoredMessage): Promise<number> => connection.collection('deliveries').countDocuments({ messageId: new Types.ObjectId(message.id) });

  it('takes a copy this node queued with one delete, and names its sender', async () => {
    const repository = node();
    const message = await queued(repository);
    let taken: Awaited<ReturnType<MessagesRepository['ack']>> = [];
    expect(await commandsOf(async () => { taken = await repository.ack(recipient, [message.id]); })).to.deep.equal(['delete']);
    expect(taken).to.deep.equal([{ messageId: message.id, senderId: sender, msgId: message.msgId }]);
    expect(await stillQueued(message)).to.equal(0);
    // A repeat is no longer handed over: it is read, finds nothing, and takes nothing.
    expect(await commandsOf(async () => { taken = await repository.ack(recipient, [message.id]); })).to.include('find');
    expect(taken).to.deep.equal([]);
  });

  it('reads first what another node queued, then takes it; a backlog page it served is taken without reading', async () => {
    const message = await queued(node());
    const other = node();
    let taken: Awaited<ReturnType<MessagesRepository['ack']>> = [];
    expect(await commandsOf(async () => { taken = await other.ack(recipient, [message.id]); })).to.deep.equal(['find', 'delete']);
    expect(taken.map((t) => t.senderId)).to.deep.equal([sender]);

    const later = await queued(node());
    const reader = node();
    const page = await reader.backlog(recipient, 10);
    expect(page.messages.map((m) => m.id)).to.deep.equal([later.id]);
    expect(await commandsOf(async () => { taken = await reader.ack(recipient, [later.id]); })).to.deep.equal(['delete']);
    expect(taken.map((t) => t.messageId)).to.deep.equal([later.id]);
  });

  it('when a handed-over copy was taken elsewhere meanwhile, reports none of the batch rather than one twice', async () => {
    const repository = node();
    const gone = await queued(repository);
    const kept = await queued(repository);
    // Another node (the recipient's second device) took one of them a moment ago.
    await connection.collection('deliveries').deleteMany({ messageId: new Types.ObjectId(gone.id) });
    expect(await repository.ack(recipient, [gone.id, kept.id])).to.deep.equal([]);
    expect(await stillQueued(kept)).to.equal(0);
  });
});
