import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import type { DeliveryModel, MessageModel } from '../models/message.model.js';
import { isDuplicateKey } from './audit.repository.js';

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

export class MessagesRepository {
  constructor(private readonly messages: MessageModel, private readonly deliveries: DeliveryModel) {}

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

  /** One primary-key read (see idFor). */
  async findBySenderMsgId(senderId: string, msgId: string): Promise<StoredMessage | undefined> {
    const byId = await this.findById(this.idFor(senderId, msgId));
    return byId?.senderId === senderId && byId.msgId === msgId ? byId : undefined;
  }

  async findById(id: string): Promise<StoredMessage | undefined> {
    if (!Types.ObjectId.isValid(id)) return undefined;
    const doc = await this.messages.findById(id).lean();
    return doc ? toMessage(doc) : undefined;
  }

  /** Durable insert; on a duplicate (sender, msgId) the stored message is returned instead. */
  async insert(id: string, input: NewMessage): Promise<{ message: StoredMessage; created: boolean }> {
    const { envelope } = input;
    const doc = {
      _id: oid(id),
      senderId: oid(input.senderId),
      msgId: envelope.header.msgId,
      participantIds: [input.senderId, ...envelope.header.to.map((r) => r.userId)].map(oid),
      threadId: envelope.header.threadId ?? null,
      header: envelope.header,
      body: envelope.body,
      keys: envelope.keys,
      sig: envelope.sig,
      attachmentIds: input.attachmentIds.map(oid),
      status: input.status,
      conditions: input.conditions,
      storedAt: input.storedAt,
      retentionUntil: input.retentionUntil,
    };
    try {
      await this.messages.create(doc);
      return { message: toMessage({ ...doc, approvalId: null }), created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Rare path: by fields too, for a message stored under a random id before ids were derived.
      const existing = await this.findBySenderMsgId(input.senderId, envelope.header.msgId)
        ?? await this.messages.findOne({ senderId: oid(input.senderId), msgId: envelope.header.msgId }).lean().then((doc) => (doc ? toMessage(doc) : undefined));
      if (!existing) throw error;
      return { message: existing, created: false };
    }
  }

  /** Takes back a stored envelope that was never released (its request step lost a race). */
  async remove(id: string): Promise<void> {
    await this.deliveries.deleteMany({ messageId: oid(id) });
    await this.messages.deleteOne({ _id: oid(id) });
  }

  async setStatus(id: string, status: MessageStatus, extra: { approvalId?: string } = {}): Promise<void> {
    await this.messages.updateOne({ _id: oid(id) }, { $set: { status, ...(extra.approvalId ? { approvalId: oid(extra.approvalId) } : {}) } });
  }

  /** One queued copy per recipient; idempotent (a retry after a crash fills in what is missing). */
  async enqueue(message: StoredMessage): Promise<void> {
    const docs = message.recipientIds.map((recipientId) => ({ recipientId: oid(recipientId), messageId: oid(message.id), storedAt: message.storedAt, ackedAt: null }));
    try {
      await this.deliveries.insertMany(docs, { ordered: false });
    } catch (error) {
      if (!isDuplicateKey(error) && !(typeof error === 'object' && error !== null && 'writeErrors' in error)) throw error;
    }
  }

  /** The oldest unacknowledged copies of a recipient, in store order. */
  async backlog(recipientId: string, limit: number): Promise<{ messages: StoredMessage[]; more: boolean }> {
    const pending = await this.deliveries.find({ recipientId: oid(recipientId), ackedAt: null }).sort({ storedAt: 1, messageId: 1 }).limit(limit + 1).lean();
    const page = pending.slice(0, limit);
    const docs = await this.messages.find({ _id: { $in: page.map((d) => d.messageId) } }).lean();
    const byId = new Map(docs.map((doc) => [doc._id.toHexString(), toMessage(doc)]));
    return { messages: page.flatMap((d) => byId.get(d.messageId.toHexString()) ?? []), more: pending.length > limit };
  }

  /** Marks copies acknowledged; returns the message ids that changed (repeats are no-ops). */
  async ack(recipientId: string, messageIds: string[], at: Date): Promise<string[]> {
    const open = await this.deliveries.find({ recipientId: oid(recipientId), messageId: { $in: messageIds.map(oid) }, ackedAt: null }).lean();
    if (open.length === 0) return [];
    await this.deliveries.updateMany({ recipientId: oid(recipientId), messageId: { $in: open.map((d) => d.messageId) }, ackedAt: null }, { $set: { ackedAt: at } });
    return open.map((d) => d.messageId.toHexString());
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
    const conditions: Record<string, unknown>[] = [{ participantIds: oid(userId) }, { status: { $in: ['accepted', 'held'] } }];
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
    await this.messages.deleteMany({ _id: { $in: ids } });
    return { messageIds: ids.map((id) => id.toHexString()), attachmentIds: docs.flatMap((d) => (d.attachmentIds ?? []).map((a) => a.toHexString())) };
  }
}

interface MessageLean {
  _id: Types.ObjectId;
  senderId: Types.ObjectId;
  msgId: string;
  header: unknown;
  body: string;
  keys: Array<{ userId?: string | null; sealed?: string | null }>;
  sig: string;
  attachmentIds?: Types.ObjectId[] | null;
  status: string;
  approvalId?: Types.ObjectId | null;
  conditions?: unknown;
  storedAt: Date;
}

function toMessage(doc: MessageLean): StoredMessage {
  const header = doc.header as Envelope['header'];
  return {
    id: doc._id.toHexString(),
    senderId: doc.senderId.toHexString(),
    msgId: doc.msgId,
    envelope: { v: 1, header, body: doc.body, keys: doc.keys.map((k) => ({ userId: k.userId ?? '', sealed: k.sealed ?? '' })), sig: doc.sig },
    attachmentIds: (doc.attachmentIds ?? []).map((id) => id.toHexString()),
    status: doc.status as MessageStatus,
    approvalId: doc.approvalId ? doc.approvalId.toHexString() : null,
    conditions: (doc.conditions ?? {}) as Record<string, unknown>,
    storedAt: doc.storedAt,
    recipientIds: header.to.map((r) => r.userId),
  };
}
