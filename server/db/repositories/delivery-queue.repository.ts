import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import { GroupCommit } from '../../system/group-commit.js';
import type { DeliveryModel, DeliveryRecordModel } from '../models/delivery.model.js';
import { isDuplicateKey, writeErrorsOf } from '../database-errors.js';
import type { AckedCopy, DeliveredTo, DeliveryQueueStore, StoredMessage } from '../../modules/messaging/ports.js';

const oid = (id: string): Types.ObjectId => new Types.ObjectId(id);

type DeliveryInsert = {
  _id: Types.ObjectId;
  recipientId: Types.ObjectId;
  messageId: Types.ObjectId;
  senderId: Types.ObjectId;
  msgId: string;
  storedAt: Date;
};

interface QueuedCopyLean {
  _id: Types.ObjectId;
  recipientId: Types.ObjectId;
  messageId: Types.ObjectId;
  senderId: Types.ObjectId;
  msgId: string;
}

/** The most ids one {_id: {$in}} query carries (FerretDB pushes lists up to 1,000 down to SQLite). */
const IN_LIMIT = 1000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The queued copies (`deliveries`) and the records of their delivery (`delivery_records`). */
export class DeliveryQueueRepository implements DeliveryQueueStore {
  private readonly deliveryWrites = new GroupCommit<DeliveryInsert[], true>((groups) => this.enqueueBatch(groups));
  private readonly ackWrites = new GroupCommit<{ recipientId: string; messageIds: string[]; at: Date }, AckedCopy[]>(
    (acks) => this.takeBatch(acks),
  );

  constructor(
    private readonly deliveries: DeliveryModel,
    private readonly delivered: DeliveryRecordModel,
  ) {}

  /** One queued copy per recipient, group-committed; idempotent (a retry after a crash fills in what is missing). */
  async enqueue(
    message: Pick<StoredMessage, 'id' | 'senderId' | 'msgId' | 'storedAt' | 'recipientIds'>,
  ): Promise<void> {
    await this.deliveryWrites.submit(message.recipientIds.map((recipientId) => queuedCopy(recipientId, message)));
  }

  private async enqueueBatch(groups: DeliveryInsert[][]): Promise<true[]> {
    try {
      await this.deliveries.collection.insertMany(groups.flat(), { ordered: false });
    } catch (error) {
      const failed = writeErrorsOf(error);
      if (!failed && !isDuplicateKey(error)) throw error;
      // Duplicates are copies queued before; anything else fails the whole batch (callers retry).
      if (failed && [...failed.values()].some((code) => code !== 11000)) throw error;
    }
    return groups.map(() => true as const);
  }

  async queuedCount(): Promise<number> {
    return this.deliveries.estimatedDocumentCount();
  }

  /**
   * The oldest unacknowledged copies of a recipient, in store order. The queue holds only
   * unacknowledged copies. FerretDB streams rows in insertion (= store) order and stops at the
   * limit, so no sort is asked of it (a sort would read every queued row); MongoDB sorts by index.
   */
  async pending(recipientId: string, limit: number): Promise<{ messageIds: string[]; more: boolean }> {
    const query = this.deliveries
      .find({ recipientId: oid(recipientId) })
      .limit(limit + 1)
      .lean();
    const pending = await ((await this.isFerretDB()) ? query : query.sort({ storedAt: 1, messageId: 1 }));
    return { messageIds: pending.slice(0, limit).map((d) => d.messageId.toHexString()), more: pending.length > limit };
  }

  /**
   * Takes acknowledged copies out of the queue and records when each was delivered; returns the
   * copies this acknowledgement delivered (repeats, and copies not queued for this recipient, are
   * no-ops). Concurrent acknowledgements (every online recipient acks what it got) share one read,
   * one insert and one delete (see GroupCommit).
   */
  async ack(recipientId: string, messageIds: string[], at: Date): Promise<AckedCopy[]> {
    const valid = [...new Set(messageIds)].filter((id) => Types.ObjectId.isValid(id));
    if (valid.length === 0) return [];
    return this.ackWrites.submit({ recipientId, messageIds: valid, at });
  }

  /**
   * The delivery record's unique id is the claim: of several acknowledgements naming one copy at
   * once (on this node or another), the one whose record is stored says "delivered", so it is
   * said once, and its time is the first acknowledgement's. A copy is deleted only after its
   * record is stored; a crash in between leaves it queued, and the next acknowledgement takes it.
   */
  private async takeBatch(
    acks: Array<{ recipientId: string; messageIds: string[]; at: Date }>,
  ): Promise<AckedCopy[][]> {
    const claims = new Map<string, { ack: number; at: Date }>();
    acks.forEach((a, ack) => {
      for (const messageId of a.messageIds) {
        const key = deliveryId(a.recipientId, messageId).toHexString();
        if (!claims.has(key)) claims.set(key, { ack, at: a.at });
      }
    });
    const queued: QueuedCopyLean[] = [];
    for (const chunk of chunks([...claims.keys()], IN_LIMIT))
      queued.push(
        ...(await this.deliveries.collection.find<QueuedCopyLean>({ _id: { $in: chunk.map(oid) } }).toArray()),
      );
    const records = queued.map((copy) => ({
      _id: copy._id,
      messageId: copy.messageId,
      recipientId: copy.recipientId,
      at: claims.get(copy._id.toHexString())?.at ?? new Date(),
    }));
    const stored = await this.insertRecords(records);
    for (const chunk of chunks(
      queued.map((copy) => copy._id),
      IN_LIMIT,
    ))
      await this.deliveries.collection.deleteMany({ _id: { $in: chunk } });
    const taken: AckedCopy[][] = acks.map(() => []);
    queued.forEach((copy, i) => {
      const claim = claims.get(copy._id.toHexString());
      const record = records[i];
      if (!claim || !record || !stored[i]) return;
      taken[claim.ack]?.push({
        messageId: copy.messageId.toHexString(),
        senderId: copy.senderId.toHexString(),
        msgId: copy.msgId,
        at: record.at,
      });
    });
    return taken;
  }

  /** Unordered insert of delivery records; per record, whether this insert stored it (false: recorded before). */
  private async insertRecords(records: Array<{ _id: Types.ObjectId }>): Promise<boolean[]> {
    if (records.length === 0) return [];
    try {
      await this.delivered.collection.insertMany(records, { ordered: false });
      return records.map(() => true);
    } catch (error) {
      const failed = writeErrorsOf(error);
      if (!failed && !isDuplicateKey(error)) throw error;
      if (!failed) return records.map(() => false);
      if ([...failed.values()].some((code) => code !== 11000)) throw error;
      return records.map((_, i) => !failed.has(i));
    }
  }

  /** When each recipient first acknowledged each message (by primary key: the records' ids are derived). */
  async deliveredTo(
    messages: ReadonlyArray<Pick<StoredMessage, 'id' | 'recipientIds'>>,
  ): Promise<Map<string, DeliveredTo>> {
    const ids = messages.flatMap((m) => m.recipientIds.map((recipientId) => deliveryId(recipientId, m.id)));
    const found: Array<{ messageId: Types.ObjectId; recipientId: Types.ObjectId; at: Date }> = [];
    for (const chunk of chunks(ids, IN_LIMIT))
      found.push(
        ...(await this.delivered.collection
          .find<{ messageId: Types.ObjectId; recipientId: Types.ObjectId; at: Date }>({ _id: { $in: chunk } })
          .toArray()),
      );
    const byMessage = new Map<string, DeliveredTo>();
    for (const record of found) {
      const key = record.messageId.toHexString();
      byMessage.set(key, [...(byMessage.get(key) ?? []), { userId: record.recipientId.toHexString(), at: record.at }]);
    }
    return byMessage;
  }

  /** Deletes the queued copies and delivery records of these messages (they are being deleted). */
  async discard(messageIds: readonly Types.ObjectId[]): Promise<void> {
    await this.deliveries.deleteMany({ messageId: { $in: messageIds } });
    await this.delivered.deleteMany({ messageId: { $in: messageIds } });
  }

  private ferretdb: Promise<boolean> | undefined;

  /** FerretDB names itself in buildInfo; asked once. */
  private isFerretDB(): Promise<boolean> {
    this.ferretdb ??= (async () => {
      const info = await this.deliveries.db.db?.admin().command({ buildInfo: 1 });
      return typeof info?.ferretdbVersion === 'string';
    })().catch(() => {
      this.ferretdb = undefined;
      return false;
    });
    return this.ferretdb;
  }
}

/** The queue document for one recipient's copy of a message (also used by the drain benchmark). */
export function queuedCopy(
  recipientId: string,
  message: Pick<StoredMessage, 'id' | 'senderId' | 'msgId' | 'storedAt'>,
): DeliveryInsert {
  return {
    _id: deliveryId(recipientId, message.id),
    recipientId: oid(recipientId),
    messageId: oid(message.id),
    senderId: oid(message.senderId),
    msgId: message.msgId,
    storedAt: message.storedAt,
  };
}

/** A queued copy's id, and its delivery record's: derived from (recipient, message), so a repeat is a duplicate key. */
function deliveryId(recipientId: string, messageId: string): Types.ObjectId {
  return oid(createHash('sha256').update(`${recipientId}\u0000${messageId}`).digest('hex').slice(0, 24));
}
