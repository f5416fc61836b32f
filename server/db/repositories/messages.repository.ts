import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import { BatchedLookup } from '../batched-lookup.js';
import { GroupCommit } from '../group-commit.js';
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

type MessageInsert = ReturnType<typeof messageDocument>;
type DeliveryInsert = { _id: Types.ObjectId; recipientId: Types.ObjectId; messageId: Types.ObjectId; senderId: Types.ObjectId; msgId: string; storedAt: Date; ackedAt: null };

interface QueuedCopyLean {
  _id: Types.ObjectId;
  recipientId: Types.ObjectId;
  messageId: Types.ObjectId;
  senderId?: Types.ObjectId | null;
  msgId?: string | null;
  ackedAt?: Date | null;
}

/** The most ids one {_id: {$in}} query carries (FerretDB pushes lists up to 1,000 down to SQLite). */
const IN_LIMIT = 1000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An acknowledgement's claim on a queued copy (the first acknowledgement naming a copy claims it). */
interface Claim {
  ack: number;
  recipientId: string;
  messageId: string;
}

/** A copy taken out of the queue by its recipient's acknowledgement. */
export interface AckedCopy {
  messageId: string;
  senderId: string;
  msgId: string;
}

/** How many handed-over copies a node remembers (see MessagesRepository.handedOver): about 10 MB. */
const MAX_HANDED_OVER = 50_000;

export class MessagesRepository {
  /**
   * Copies this node queued or served in a backlog page and that no acknowledgement has taken
   * yet, by copy id, with what the sender's "delivered" needs. An acknowledgement naming only
   * such copies is one delete, without reading them first (see takeBatch). Oldest forgotten first.
   */
  private readonly handedOver = new Map<string, { senderId: string; msgId: string }>();
  /** Concurrent sends share one insertMany (see GroupCommit); true = stored now, false = already there. */
  private readonly messageWrites = new GroupCommit<MessageInsert, boolean>((docs) => this.insertBatch(docs));
  private readonly deliveryWrites = new GroupCommit<DeliveryInsert[], true>((groups) => this.enqueueBatch(groups));
  private readonly ackWrites = new GroupCommit<{ recipientId: string; messageIds: string[] }, QueuedCopyLean[]>((acks) => this.takeBatch(acks));
  /** Every send looks its derived id up first (retry?); concurrent lookups share one query. */
  private readonly byId = new BatchedLookup<StoredMessage>(async (ids) => {
    const docs = await this.messages.find({ _id: { $in: ids.map(oid) } }).lean();
    return docs.map((doc) => [doc._id.toHexString(), toMessage(doc)]);
  });

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
    // Rare path: by fields too, for a message stored under a random id before ids were derived.
    const existing = await this.findBySenderMsgId(input.senderId, input.envelope.header.msgId)
      ?? await this.messages.findOne({ senderId: oid(input.senderId), msgId: input.envelope.header.msgId }).lean().then((found) => (found ? toMessage(found) : undefined));
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
        if (code !== undefined) return new Error(`message ${doc._id.toHexString()} was not stored (code ${code})`);
        return (await this.messages.exists({ _id: doc._id })) ? true : new Error(`message ${doc._id.toHexString()} was not stored`);
      }));
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

  /** One queued copy per recipient, group-committed; idempotent (a retry after a crash fills in what is missing). */
  async enqueue(message: StoredMessage): Promise<void> {
    const copies = message.recipientIds.map((recipientId) => queuedCopy(recipientId, message));
    await this.deliveryWrites.submit(copies);
    for (const copy of copies) this.remember(copy._id, message);
  }

  private remember(copyId: Types.ObjectId, message: Pick<StoredMessage, 'senderId' | 'msgId'>): void {
    const key = copyId.toHexString();
    this.handedOver.delete(key);
    this.handedOver.set(key, { senderId: message.senderId, msgId: message.msgId });
    if (this.handedOver.size > MAX_HANDED_OVER) {
      const oldest = this.handedOver.keys().next();
      if (!oldest.done) this.handedOver.delete(oldest.value);
    }
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
    // ackedAt: copies acknowledged before they were deleted on acknowledgement (older data).
    const query = this.deliveries.find({ recipientId: oid(recipientId), ackedAt: null }).limit(limit + 1).lean();
    const pending = await ((await this.isFerretDB()) ? query : query.sort({ storedAt: 1, messageId: 1 }));
    const page = pending.slice(0, limit);
    const docs = page.length === 0 ? [] : await this.messages.find({ _id: { $in: page.map((d) => d.messageId) } }).lean();
    const byId = new Map(docs.map((doc) => [doc._id.toHexString(), toMessage(doc)]));
    const messages = page.flatMap((d) => {
      const message = byId.get(d.messageId.toHexString());
      // Copies from before derived ids (no sender fields) are left to the reading path.
      if (message && d.senderId) this.remember(d._id, message);
      return message ?? [];
    });
    return { messages, more: pending.length > limit };
  }

  /**
   * Takes acknowledged copies out of the queue; returns those that were still queued (repeats
   * are no-ops). Concurrent acknowledgements (every online recipient acks what it got) share one
   * delete by the copies' derived ids, and a read before it unless this node handed them over
   * (see takeBatch and GroupCommit).
   */
  async ack(recipientId: string, messageIds: string[]): Promise<AckedCopy[]> {
    const valid = [...new Set(messageIds)].filter((id) => Types.ObjectId.isValid(id));
    if (valid.length === 0) return [];
    const mine = await this.ackWrites.submit({ recipientId, messageIds: valid });
    const seen = new Set(mine.map((d) => d.messageId.toHexString()));
    const older = valid.filter((id) => !seen.has(id));
    const taken = [...mine, ...(older.length > 0 ? await this.takeLegacy(recipientId, older) : [])];
    const withoutSender = taken.filter((d) => !d.senderId).map((d) => d.messageId);
    const senders = withoutSender.length === 0 ? [] : await this.messages.find({ _id: { $in: withoutSender } }, { senderId: 1, msgId: 1 }).lean();
    const senderOf = new Map(senders.map((m) => [m._id.toHexString(), { senderId: m.senderId.toHexString(), msgId: m.msgId }]));
    return taken.flatMap((d) => {
      const messageId = d.messageId.toHexString();
      const sender = d.senderId ? { senderId: d.senderId.toHexString(), msgId: d.msgId ?? '' } : senderOf.get(messageId);
      return sender ? [{ messageId, ...sender }] : [];
    });
  }

  /**
   * Each copy goes to the first acknowledgement naming it, so "delivered" is said at most once.
   * When every copy named was handed over by this node and not taken since, one delete takes
   * them; otherwise they are read first, then deleted.
   */
  private async takeBatch(acks: Array<{ recipientId: string; messageIds: string[] }>): Promise<QueuedCopyLean[][]> {
    const claims = new Map<string, Claim>();
    acks.forEach((a, ack) => {
      for (const messageId of a.messageIds) {
        const key = deliveryId(a.recipientId, messageId).toHexString();
        if (!claims.has(key)) claims.set(key, { ack, recipientId: a.recipientId, messageId });
      }
    });
    const taken: QueuedCopyLean[][] = acks.map(() => []);
    const copies = [...claims.keys()].every((key) => this.handedOver.has(key)) ? await this.takeHandedOver(claims) : await this.takeAfterReading(claims);
    for (const copy of copies) {
      const claim = claims.get(copy._id.toHexString());
      if (claim) taken[claim.ack]?.push(copy);
    }
    return taken;
  }

  /**
   * That the delete removed every copy proves they were all still queued. Fewer removed: another
   * node or a sweep took some at the same moment, and which ones is unknown, so none is reported
   * rather than one twice ("delivered" is a courtesy, sent only to senders online; the copies are
   * gone from the queue either way).
   */
  private async takeHandedOver(claims: Map<string, Claim>): Promise<QueuedCopyLean[]> {
    const keys = [...claims.keys()];
    let deleted = 0;
    // The driver's collection: a mongoose query costs ≈ 0.15 ms more CPU per call (README, Benchmarks).
    for (const chunk of chunks(keys, IN_LIMIT)) deleted += (await this.deliveries.collection.deleteMany({ _id: { $in: chunk.map(oid) } })).deletedCount;
    const copies = keys.flatMap((key) => {
      const sender = this.handedOver.get(key);
      const claim = claims.get(key);
      this.handedOver.delete(key);
      return sender && claim ? [{ _id: oid(key), recipientId: oid(claim.recipientId), messageId: oid(claim.messageId), senderId: oid(sender.senderId), msgId: sender.msgId, ackedAt: null }] : [];
    });
    return deleted === keys.length ? copies : [];
  }

  /** Reads which copies are still queued, then deletes those: exact whoever queued them. */
  private async takeAfterReading(claims: Map<string, Claim>): Promise<QueuedCopyLean[]> {
    const found: QueuedCopyLean[] = [];
    for (const chunk of chunks([...claims.keys()], IN_LIMIT)) found.push(...await this.deliveries.find({ _id: { $in: chunk.map(oid) } }).lean());
    const queued = found.filter((d) => d.ackedAt === null);
    for (const chunk of chunks(queued.map((d) => d._id), IN_LIMIT)) await this.deliveries.deleteMany({ _id: { $in: chunk } });
    for (const copy of queued) this.handedOver.delete(copy._id.toHexString());
    return queued;
  }

  private legacyCopies: Promise<boolean> | undefined;

  /** Copies queued before ids were derived (older data) are found by their fields, if there are any. */
  private async takeLegacy(recipientId: string, messageIds: string[]): Promise<QueuedCopyLean[]> {
    this.legacyCopies ??= this.deliveries.exists({ senderId: null }).then((found) => found !== null);
    if (!(await this.legacyCopies)) return [];
    const legacy = await this.deliveries.find({ recipientId: oid(recipientId), messageId: { $in: messageIds.map(oid) }, ackedAt: null }).lean();
    if (legacy.length > 0) await this.deliveries.deleteMany({ _id: { $in: legacy.map((d) => d._id) } });
    return legacy;
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
    await this.messages.deleteMany({ _id: { $in: ids } });
    return { messageIds: ids.map((id) => id.toHexString()), attachmentIds: docs.flatMap((d) => (d.attachmentIds ?? []).map((a) => a.toHexString())) };
  }
}

/** The queue document for one recipient's copy of a message (also used by the drain benchmark). */
export function queuedCopy(recipientId: string, message: Pick<StoredMessage, 'id' | 'senderId' | 'msgId' | 'storedAt'>): DeliveryInsert {
  return { _id: deliveryId(recipientId, message.id), recipientId: oid(recipientId), messageId: oid(message.id), senderId: oid(message.senderId), msgId: message.msgId, storedAt: message.storedAt, ackedAt: null };
}

/** A queued copy's id: derived from (recipient, message), so a repeated enqueue is a duplicate key. */
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

/** A stored message as read: `envelope` is its JSON text; messages stored before that have the envelope's fields. */
interface MessageLean {
  _id: Types.ObjectId;
  senderId: Types.ObjectId;
  msgId: string;
  envelope?: string | null;
  header?: unknown;
  body?: string | null;
  keys?: Array<{ userId?: string | null; sealed?: string | null }> | null;
  sig?: string | null;
  attachmentIds?: Types.ObjectId[] | null;
  status: string;
  approvalId?: Types.ObjectId | null;
  conditions?: unknown;
  storedAt: Date;
}

/** The envelope as stored. It was checked before it was stored, so it is not parsed again. */
function storedEnvelope(doc: MessageLean): Envelope {
  if (typeof doc.envelope === 'string') return JSON.parse(doc.envelope) as Envelope;
  return { v: 1, header: doc.header as Envelope['header'], body: doc.body ?? '', keys: (doc.keys ?? []).map((k) => ({ userId: k.userId ?? '', sealed: k.sealed ?? '' })), sig: doc.sig ?? '' };
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
