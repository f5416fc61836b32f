import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import { BatchedLookup } from '../batched-lookup.js';
import { AppError } from '../../../shared/errors.js';
import { GroupCommit } from '../../system/group-commit.js';
import type { DeliveryModel, DeliveryRecordModel, MessageModel } from '../models/message.model.js';
import { isDuplicateKey } from '../database-errors.js';

export type MessageStatus = 'held' | 'accepted' | 'rejected' | 'expired';

export interface StoredMessage {
  id: string;
  senderId: string;
  msgId: string;
  envelope: Envelope;
  attachmentIds: string[];
  status: MessageStatus;
  approvalId: string | null;
  conditions: Record<string, unknown>;
  storedAt: Date;
  recipientIds: string[];
}

export interface NewMessage {
  senderId: string;
  envelope: Envelope;
  attachmentIds: string[];
  status: 'held' | 'accepted';
  conditions: Record<string, unknown>;
  storedAt: Date;
  retentionUntil: Date | null;
}

const oid = (id: string): Types.ObjectId => new Types.ObjectId(id);

type MessageInsert = ReturnType<typeof messageDocument>;
type DeliveryInsert = { _id: Types.ObjectId; recipientId: Types.ObjectId; messageId: Types.ObjectId; senderId: Types.ObjectId; msgId: string; storedAt: Date };

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

/** A copy taken out of the queue by its recipient's acknowledgement, delivered at `at` (the first acknowledgement). */
export interface AckedCopy {
  messageId: string;
  senderId: string;
  msgId: string;
  at: Date;
}

/** When each recipient of a message first acknowledged it. */
export type DeliveredTo = Array<{ userId: string; at: Date }>;

export class MessagesRepository {
  /** Concurrent sends share one insertMany (see GroupCommit); true = stored now, false = already there. */
  private readonly messageWrites = new GroupCommit<MessageInsert, boolean>((docs) => this.insertBatch(docs));
  private readonly deliveryWrites = new GroupCommit<DeliveryInsert[], true>((groups) => this.enqueueBatch(groups));
  private readonly ackWrites = new GroupCommit<{ recipientId: string; messageIds: string[]; at: Date }, AckedCopy[]>((acks) => this.takeBatch(acks));
  /** Every send looks its derived id up first (retry?); concurrent lookups share one query. */
  private readonly byId = new BatchedLookup<StoredMessage>(async (ids) => {
    const docs = await this.messages.find({ _id: { $in: ids.map(oid) } }).lean();
    return docs.map((doc) => [doc._id.toHexString(), toMessage(doc)]);
  });

  constructor(private readonly messages: MessageModel, private readonly deliveries: DeliveryModel, private readonly delivered: DeliveryRecordModel) {}

  newId(): string {
    return new Types.ObjectId().toHexString();
  }

  /**
   * The id a message from `senderId` with client `msgId` is stored under: the first 12 bytes of
   * SHA-256(senderId ‖ 0x00 ‖ msgId). A retry maps to the same `_id`, so the de-duplication
   * lookup on every send is a primary-key read (FerretDB scans for any other field).
   */
  idFor(senderId: string, msgId: string): string {
    return createHash('sha256').update(`${senderId}\u0000${msgId}`).digest('hex').slice(0, 24);
  }

  /** One primary-key read (see idFor), batched with concurrent ones. */
  async findBySenderMsgId(senderId: string, msgId: string): Promise<StoredMessage | undefined> {
    const byId = await this.byId.get(this.idFor(senderId, msgId));
    return byId?.senderId === senderId && byId.msgId === msgId ? byId : undefined;
  }

  async findById(id: string): Promise<StoredMessage | undefined> {
    if (!Types.ObjectId.isValid(id)) return undefined;
    const doc = await this.messages.findById(id).lean();
    return doc ? toMessage(doc) : undefined;
  }

  /** Durable insert (group-committed); on a duplicate (sender, msgId) the stored message is returned instead. */
  async insert(id: string, input: NewMessage): Promise<{ message: StoredMessage; created: boolean }> {
    const doc = messageDocument(id, input);
    if (await this.messageWrites.submit(doc)) return { message: toMessage(doc), created: true };
    const existing = await this.findBySenderMsgId(input.senderId, input.envelope.header.msgId);
    if (!existing) throw new Error(`message ${id} was reported as a duplicate but is not stored`);
    return { message: existing, created: false };
  }

  /**
   * One unordered insertMany for the batch. Duplicates (retries) are per-item outcomes; after any
   * other partial failure each item is settled by reading it back, never by trusting the report.
   */
  private async insertBatch(docs: MessageInsert[]): Promise<Array<boolean | Error>> {
    try {
      await this.messages.collection.insertMany(docs, { ordered: false });
      return docs.map(() => true);
    } catch (error) {
      const failed = writeErrorsOf(error);
      if (!failed) throw error;
      return Promise.all(docs.map(async (doc, i) => {
        const code = failed.get(i);
        if (code === 11000) return false;
        // Not stored: the sender retries with the same msgId, which is safe.
        if (code !== undefined) return new AppError('db.unavailable', `the message was not stored (code ${code}): try again`);
        return (await this.messages.exists({ _id: doc._id })) ? true : new AppError('db.unavailable', 'the message was not stored: try again');
      }));
    }
  }

  /** Takes back a stored envelope that was never released (its request step lost a race). */
  async remove(id: string): Promise<void> {
    await this.deliveries.deleteMany({ messageId: oid(id) });
    await this.delivered.deleteMany({ messageId: oid(id) });
    await this.messages.deleteOne({ _id: oid(id) });
  }

  async setStatus(id: string, status: MessageStatus, extra: { approvalId?: string } = {}): Promise<void> {
    await this.messages.updateOne({ _id: oid(id) }, { $set: { status, ...(extra.approvalId ? { approvalId: oid(extra.approvalId) } : {}) } });
  }

  /** One queued copy per recipient, group-committed; idempotent (a retry after a crash fills in what is missing). */
  async enqueue(message: StoredMessage): Promise<void> {
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

  /**
   * The oldest unacknowledged copies of a recipient, in store order. The queue holds only
   * unacknowledged copies. FerretDB streams rows in insertion (= store) order and stops at the
   * limit, so no sort is asked of it (a sort would read every queued row); MongoDB sorts by index.
   */
  async backlog(recipientId: string, limit: number): Promise<{ messages: StoredMessage[]; more: boolean }> {
    const query = this.deliveries.find({ recipientId: oid(recipientId) }).limit(limit + 1).lean();
    const pending = await ((await this.isFerretDB()) ? query : query.sort({ storedAt: 1, messageId: 1 }));
    const page = pending.slice(0, limit);
    const docs = page.length === 0 ? [] : await this.messages.find({ _id: { $in: page.map((d) => d.messageId) } }).lean();
    const byId = new Map(docs.map((doc) => [doc._id.toHexString(), toMessage(doc)]));
    return { messages: page.flatMap((d) => byId.get(d.messageId.toHexString()) ?? []), more: pending.length > limit };
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
  private async takeBatch(acks: Array<{ recipientId: string; messageIds: string[]; at: Date }>): Promise<AckedCopy[][]> {
    const claims = new Map<string, { ack: number; at: Date }>();
    acks.forEach((a, ack) => {
      for (const messageId of a.messageIds) {
        const key = deliveryId(a.recipientId, messageId).toHexString();
        if (!claims.has(key)) claims.set(key, { ack, at: a.at });
      }
    });
    const queued: QueuedCopyLean[] = [];
    for (const chunk of chunks([...claims.keys()], IN_LIMIT)) queued.push(...await this.deliveries.collection.find<QueuedCopyLean>({ _id: { $in: chunk.map(oid) } }).toArray());
    const records = queued.map((copy) => ({ _id: copy._id, messageId: copy.messageId, recipientId: copy.recipientId, at: claims.get(copy._id.toHexString())?.at ?? new Date() }));
    const stored = await this.insertRecords(records);
    for (const chunk of chunks(queued.map((copy) => copy._id), IN_LIMIT)) await this.deliveries.collection.deleteMany({ _id: { $in: chunk } });
    const taken: AckedCopy[][] = acks.map(() => []);
    queued.forEach((copy, i) => {
      const claim = claims.get(copy._id.toHexString());
      const record = records[i];
      if (!claim || !record || !stored[i]) return;
      taken[claim.ack]?.push({ messageId: copy.messageId.toHexString(), senderId: copy.senderId.toHexString(), msgId: copy.msgId, at: record.at });
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
  async deliveredTo(messages: ReadonlyArray<Pick<StoredMessage, 'id' | 'recipientIds'>>): Promise<Map<string, DeliveredTo>> {
    const ids = messages.flatMap((m) => m.recipientIds.map((recipientId) => deliveryId(recipientId, m.id)));
    const found: Array<{ messageId: Types.ObjectId; recipientId: Types.ObjectId; at: Date }> = [];
    for (const chunk of chunks(ids, IN_LIMIT)) found.push(...await this.delivered.collection.find<{ messageId: Types.ObjectId; recipientId: Types.ObjectId; at: Date }>({ _id: { $in: chunk } }).toArray());
    const byMessage = new Map<string, DeliveredTo>();
    for (const record of found) {
      const key = record.messageId.toHexString();
      byMessage.set(key, [...(byMessage.get(key) ?? []), { userId: record.recipientId.toHexString(), at: record.at }]);
    }
    return byMessage;
  }

  private ferretdb: Promise<boolean> | undefined;

  /** FerretDB names itself in buildInfo; asked once. */
  private isFerretDB(): Promise<boolean> {
    this.ferretdb ??= (async () => {
      const info = await this.messages.db.db?.admin().command({ buildInfo: 1 });
      return typeof info?.ferretdbVersion === 'string';
    })().catch(() => { this.ferretdb = undefined; return false; });
    return this.ferretdb;
  }

  /** Held messages in store order, one page after (storedAt, id) of the previous page's last. */
  async heldPage(after: { storedAt: Date; id: string } | undefined, limit: number): Promise<StoredMessage[]> {
    const query: Record<string, unknown> = { status: 'held' };
    if (after) query.$or = [{ storedAt: { $gt: after.storedAt } }, { storedAt: after.storedAt, _id: { $gt: oid(after.id) } }];
    const docs = await this.messages.find(query).sort({ storedAt: 1, _id: 1 }).limit(limit).lean();
    return docs.map(toMessage);
  }

  async heldBefore(cutoff: Date, limit: number): Promise<StoredMessage[]> {
    const docs = await this.messages.find({ status: 'held', storedAt: { $lt: cutoff } }).limit(limit).lean();
    return docs.map(toMessage);
  }

  /**
   * Newest first in (storedAt, id) order; a page continues strictly after the cursor
   * (storedAt < before, or the same storedAt and a smaller id), so messages stored in the same
   * millisecond are neither skipped nor repeated. `before` alone keeps the older time-only paging.
   * The counterpart filter is part of the query, so a page is short only at the end.
   */
  async history(userId: string, filter: { threadId?: string | undefined; withUserId?: string | undefined; before?: Date | undefined; beforeId?: string | undefined; limit: number }): Promise<StoredMessage[]> {
    // A held message is its sender's alone until approved: recipients get it only once it is accepted.
    const conditions: Record<string, unknown>[] = [{ participantIds: oid(userId) }, { $or: [{ status: 'accepted' }, { status: 'held', senderId: oid(userId) }] }];
    if (filter.withUserId) conditions.push({ participantIds: oid(filter.withUserId) });
    if (filter.threadId) conditions.push({ threadId: filter.threadId });
    if (filter.before && filter.beforeId) conditions.push({ $or: [{ storedAt: { $lt: filter.before } }, { storedAt: filter.before, _id: { $lt: oid(filter.beforeId) } }] });
    else if (filter.before) conditions.push({ storedAt: { $lt: filter.before } });
    const docs = await this.messages.find({ $and: conditions }).sort({ storedAt: -1, _id: -1 }).limit(filter.limit).lean();
    return docs.map(toMessage);
  }

  /** Deletes messages past their retention limit, with their queued copies; returns their attachment ids. */
  async deleteExpired(now: Date, limit: number): Promise<{ messageIds: string[]; attachmentIds: string[] }> {
    const docs = await this.messages.find({ retentionUntil: { $ne: null, $lt: now } }).limit(limit).lean();
    if (docs.length === 0) return { messageIds: [], attachmentIds: [] };
    const ids = docs.map((d) => d._id);
    await this.deliveries.deleteMany({ messageId: { $in: ids } });
    await this.delivered.deleteMany({ messageId: { $in: ids } });
    await this.messages.deleteMany({ _id: { $in: ids } });
    return { messageIds: ids.map((id) => id.toHexString()), attachmentIds: docs.flatMap((d) => (d.attachmentIds ?? []).map((a) => a.toHexString())) };
  }
}

/** The queue document for one recipient's copy of a message (also used by the drain benchmark). */
export function queuedCopy(recipientId: string, message: Pick<StoredMessage, 'id' | 'senderId' | 'msgId' | 'storedAt'>): DeliveryInsert {
  return { _id: deliveryId(recipientId, message.id), recipientId: oid(recipientId), messageId: oid(message.id), senderId: oid(message.senderId), msgId: message.msgId, storedAt: message.storedAt };
}

/** A queued copy's id, and its delivery record's: derived from (recipient, message), so a repeat is a duplicate key. */
function deliveryId(recipientId: string, messageId: string): Types.ObjectId {
  return oid(createHash('sha256').update(`${recipientId}\u0000${messageId}`).digest('hex').slice(0, 24));
}

/** Index → error code of an unordered bulk insert's failed items; undefined when it is not a bulk error. */
function writeErrorsOf(error: unknown): Map<number, number> | undefined {
  if (typeof error !== 'object' || error === null || !('writeErrors' in error)) return undefined;
  const list = (error as { writeErrors: unknown }).writeErrors;
  const items = Array.isArray(list) ? list : [list];
  const codes = new Map<number, number>();
  for (const item of items as Array<{ index?: number; code?: number; err?: { index?: number; code?: number } }>) {
    const index = item.index ?? item.err?.index;
    const code = item.code ?? item.err?.code;
    if (typeof index === 'number') codes.set(index, typeof code === 'number' ? code : -1);
  }
  return codes;
}

/**
 * The stored document of a message. The envelope is kept as the JSON text the server checked:
 * nothing queries inside it, and the embedded database decodes one string per message instead
 * of a tree of small fields (reads 2.3× and writes 1.4× faster on FerretDB; see the README).
 * Exported for the benchmarks, whose baselines store the same documents.
 */
export function messageDocument(id: string, input: NewMessage) {
  const { envelope } = input;
  return {
    _id: oid(id),
    senderId: oid(input.senderId),
    msgId: envelope.header.msgId,
    participantIds: [input.senderId, ...envelope.header.to.map((r) => r.userId)].map(oid),
    threadId: envelope.header.threadId ?? null,
    envelope: JSON.stringify(envelope),
    attachmentIds: input.attachmentIds.map(oid),
    status: input.status,
    approvalId: null,
    conditions: input.conditions,
    storedAt: input.storedAt,
    retentionUntil: input.retentionUntil,
  };
}

/** A stored message as read: `envelope` is its JSON text. */
interface MessageLean {
  _id: Types.ObjectId;
  senderId: Types.ObjectId;
  msgId: string;
  envelope?: string | null;
  attachmentIds?: Types.ObjectId[] | null;
  status: string;
  approvalId?: Types.ObjectId | null;
  conditions?: unknown;
  storedAt: Date;
}

/** The envelope as stored. It was checked before it was stored, so it is not parsed again. */
function storedEnvelope(doc: MessageLean): Envelope {
  return JSON.parse(doc.envelope ?? '') as Envelope;
}

function toMessage(doc: MessageLean): StoredMessage {
  const envelope = storedEnvelope(doc);
  return {
    id: doc._id.toHexString(),
    senderId: doc.senderId.toHexString(),
    msgId: doc.msgId,
    envelope,
    attachmentIds: (doc.attachmentIds ?? []).map((id) => id.toHexString()),
    status: doc.status as MessageStatus,
    approvalId: doc.approvalId ? doc.approvalId.toHexString() : null,
    conditions: (doc.conditions ?? {}) as Record<string, unknown>,
    storedAt: doc.storedAt,
    recipientIds: envelope.header.to.map((r) => r.userId),
  };
}
