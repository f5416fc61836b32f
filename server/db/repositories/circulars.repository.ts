import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import type { Audience } from '../../../shared/schemas/audience.js';
import type { CircularSender, LeftOutState } from '../../../shared/schemas/circulars.js';
import type { Role } from '../../../shared/schemas/accounts.js';
import type { CircularCopyModel, CircularModel } from '../models/circular.model.js';
import { isDuplicateKey, writeErrorsOf } from '../database-errors.js';
import type { CircularCopy, CircularStore, Conditions, StoredCircular } from '../../modules/circulars/ports.js';
import { SECRETARIAT_STATE } from '../../../shared/schemas/labels.js';

const oid = (id: string): Types.ObjectId => new Types.ObjectId(id);
const derivedId = (a: string, b: string): string =>
  createHash('sha256').update(`${a}\u0000${b}`).digest('hex').slice(0, 24);

/** The most ids one {$in} query carries (FerretDB pushes lists up to 1,000 down to SQLite). */
const IN_LIMIT = 1000;

interface CircularLean {
  _id: Types.ObjectId;
  senderId: Types.ObjectId;
  senderState?: string | null;
  senderRole: string;
  msgId: string;
  audience: unknown;
  envelope: string;
  sender: unknown;
  leftOut?: unknown;
  conditions?: unknown;
  storedAt: Date;
}

interface CopyLean {
  circularId: Types.ObjectId;
  recipientId: Types.ObjectId;
  state: string;
  storedAt: Date;
  readAt?: Date | null;
}

function toCircular(doc: CircularLean): StoredCircular {
  return {
    id: doc._id.toHexString(),
    senderId: doc.senderId.toHexString(),
    senderState: doc.senderState ?? null,
    senderRole: doc.senderRole as Role,
    msgId: doc.msgId,
    audience: doc.audience as Audience,
    // Checked before it was stored, so it is not parsed again.
    envelope: JSON.parse(doc.envelope) as Envelope,
    sender: doc.sender as CircularSender,
    leftOut: (doc.leftOut ?? []) as LeftOutState[],
    conditions: (doc.conditions ?? {}) as Record<string, Conditions>,
    storedAt: doc.storedAt,
  };
}

const toCopy = (doc: CopyLean): CircularCopy => ({
  circularId: doc.circularId.toHexString(),
  recipientId: doc.recipientId.toHexString(),
  state: doc.state,
  storedAt: doc.storedAt,
  readAt: doc.readAt ?? null,
});

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The circulars (`circulars`) and their recipients' copies (`circular_copies`). */
export class CircularsRepository implements CircularStore {
  constructor(
    private readonly circulars: CircularModel,
    private readonly copies: CircularCopyModel,
  ) {}

  /** The first 12 bytes of SHA-256(senderId ‖ 0x00 ‖ msgId): a retry maps to the same _id. */
  idFor(senderId: string, msgId: string): string {
    return derivedId(senderId, msgId);
  }

  async findById(id: string): Promise<StoredCircular | undefined> {
    if (!Types.ObjectId.isValid(id)) return undefined;
    const doc = await this.circulars.findById(id).lean<CircularLean>();
    return doc ? toCircular(doc) : undefined;
  }

  async findMany(ids: readonly string[]): Promise<StoredCircular[]> {
    if (ids.length === 0) return [];
    const docs = await this.circulars.find({ _id: { $in: ids.map(oid) } }).lean<CircularLean[]>();
    const byId = new Map(docs.map((doc) => [doc._id.toHexString(), toCircular(doc)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async insert(circular: StoredCircular): Promise<{ circular: StoredCircular; created: boolean }> {
    try {
      await this.circulars.collection.insertOne({
        _id: oid(circular.id),
        senderId: oid(circular.senderId),
        senderState: circular.senderState,
        senderRole: circular.senderRole,
        msgId: circular.msgId,
        audience: circular.audience,
        envelope: JSON.stringify(circular.envelope),
        sender: circular.sender,
        leftOut: circular.leftOut,
        conditions: circular.conditions,
        storedAt: circular.storedAt,
      });
      return { circular, created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.findById(circular.id);
      if (!existing)
        throw new Error(`circular ${circular.id} was reported as a duplicate but is not stored`, { cause: error });
      return { circular: existing, created: false };
    }
  }

  /** One unordered insertMany; copies queued before are duplicates and stay as they are (read or not). */
  async enqueue(circular: StoredCircular): Promise<void> {
    const docs = circular.envelope.header.to.map((recipient) => ({
      _id: oid(derivedId(recipient.userId, circular.id)),
      circularId: oid(circular.id),
      recipientId: oid(recipient.userId),
      state: recipient.state ?? SECRETARIAT_STATE,
      storedAt: circular.storedAt,
      readAt: null,
    }));
    try {
      await this.copies.collection.insertMany(docs, { ordered: false });
    } catch (error) {
      const failed = writeErrorsOf(error);
      if (!failed && !isDuplicateKey(error)) throw error;
      if (failed && [...failed.values()].some((code) => code !== 11000)) throw error;
    }
  }

  async received(recipientId: string, limit: number): Promise<{ copies: CircularCopy[]; unread: number }> {
    const recipient = oid(recipientId);
    const [unread, count] = await Promise.all([
      this.copies.find({ recipientId: recipient, readAt: null }).sort({ storedAt: -1 }).limit(limit).lean<CopyLean[]>(),
      this.copies.countDocuments({ recipientId: recipient, readAt: null }),
    ]);
    const read =
      unread.length < limit
        ? await this.copies
            .find({ recipientId: recipient, readAt: { $ne: null } })
            .sort({ storedAt: -1 })
            .limit(limit - unread.length)
            .lean<CopyLean[]>()
        : [];
    return { copies: [...unread, ...read].map(toCopy), unread: count };
  }

  async sent(filter: { senderState?: string | null }, limit: number): Promise<StoredCircular[]> {
    const query = filter.senderState === undefined ? {} : { senderState: filter.senderState };
    const docs = await this.circulars.find(query).sort({ storedAt: -1 }).limit(limit).lean<CircularLean[]>();
    return docs.map(toCircular);
  }

  async copiesOf(circularIds: readonly string[]): Promise<CircularCopy[]> {
    const pages = await Promise.all(
      chunks(circularIds, IN_LIMIT).map((ids) =>
        this.copies.find({ circularId: { $in: ids.map(oid) } }).lean<CopyLean[]>(),
      ),
    );
    return pages.flat().map(toCopy);
  }

  async markRead(
    recipientId: string,
    circularId: string,
    at: Date,
  ): Promise<{ copy: CircularCopy; first: boolean } | undefined> {
    if (!Types.ObjectId.isValid(circularId)) return undefined;
    const _id = oid(derivedId(recipientId, circularId));
    // The conditional update is the claim: of two concurrent marks, one records "read".
    const updated = await this.copies.updateOne({ _id, readAt: null }, { $set: { readAt: at } });
    const doc = await this.copies.findById(_id).lean<CopyLean>();
    if (!doc || doc.recipientId.toHexString() !== recipientId) return undefined;
    return { copy: toCopy(doc), first: updated.modifiedCount === 1 };
  }
}
