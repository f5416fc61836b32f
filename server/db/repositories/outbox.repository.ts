import type { Types } from 'mongoose';
import type { NewOutboxItem, OutboxFilter, OutboxItem, OutboxStatus, OutboxStore } from '../../modules/alerts/ports.js';
import { isDuplicateKey } from '../database-errors.js';
import type { OutboxDoc, OutboxModel } from '../models/outbox.model.js';
import type { ClaimsRepository } from './claims.repository.js';

/** Claims of attempts are kept this long: well past any retry schedule. */
const CLAIM_KEEP_MS = 30 * 86_400_000;

export class OutboxRepository implements OutboxStore {
  constructor(
    private readonly model: OutboxModel,
    private readonly claims: ClaimsRepository,
  ) {}

  async add(item: NewOutboxItem, now: Date): Promise<boolean> {
    try {
      await this.model.create({
        channel: item.channel,
        key: item.key,
        payloadJson: JSON.stringify(item.payload),
        dueAt: item.dueAt,
        state: item.state ?? null,
        userId: item.userId ?? null,
        target: item.target ?? null,
        status: 'pending',
        attempts: 0,
        createdAt: now,
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async due(channel: string, now: Date, limit: number): Promise<OutboxItem[]> {
    const docs = await this.model
      .find({ channel, status: 'pending', dueAt: { $lte: now } })
      .sort({ dueAt: 1 })
      .limit(limit)
      .lean();
    return docs.map(toItem);
  }

  async take(item: OutboxItem, now: Date, leaseMs: number): Promise<boolean> {
    const attemptKey = `outbox:${item.id}:${item.attempts + 1}`;
    const keepUntil = new Date(now.getTime() + CLAIM_KEEP_MS);
    if (await this.claims.claim(attemptKey, now, keepUntil)) return true;
    // Taken by another node: if that node never settled it in time, one node gives the attempt up.
    const takenAt = await this.claims.claimedAt(attemptKey);
    if (takenAt === undefined || now.getTime() - takenAt.getTime() < leaseMs) return false;
    if (!(await this.claims.claim(`${attemptKey}:abandoned`, now, keepUntil))) return false;
    const current = await this.model.findById(item.id).lean();
    if (current?.status !== 'pending' || current.attempts !== item.attempts) return false;
    await this.model.updateOne(
      { _id: item.id },
      { attempts: item.attempts + 1, lastAttemptAt: takenAt, lastError: 'the node sending it stopped' },
    );
    return false; // the next attempt is taken on a later pass, like any retry
  }

  async sent(id: string, at: Date): Promise<void> {
    await this.model.updateOne(
      { _id: id },
      { $set: { status: 'sent', sentAt: at, lastAttemptAt: at }, $inc: { attempts: 1 } },
    );
  }

  async retry(id: string, attempts: number, dueAt: Date, error: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: id }, { attempts, dueAt, lastError: error, lastAttemptAt: at });
  }

  async failed(id: string, attempts: number, error: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: id }, { status: 'failed', attempts, lastError: error, lastAttemptAt: at });
  }

  async list(filter: OutboxFilter, limit: number): Promise<OutboxItem[]> {
    const query: Record<string, string> = {};
    for (const field of ['channel', 'state', 'userId', 'target', 'status'] as const) {
      const value = filter[field];
      if (value !== undefined) query[field] = value;
    }
    const docs = await this.model.find(query).sort({ createdAt: -1, _id: -1 }).limit(limit).lean();
    return docs.map(toItem);
  }

  async forgetSettled(before: Date): Promise<number> {
    const result = await this.model.deleteMany({ status: { $in: ['sent', 'failed'] }, lastAttemptAt: { $lt: before } });
    return result.deletedCount;
  }

  async findByKey(key: string): Promise<OutboxItem | undefined> {
    const doc = await this.model.findOne({ key }).lean();
    return doc ? toItem(doc) : undefined;
  }
}

function toItem(doc: OutboxDoc & { _id: Types.ObjectId }): OutboxItem {
  return {
    id: doc._id.toHexString(),
    channel: doc.channel,
    key: doc.key,
    payload: JSON.parse(doc.payloadJson) as Record<string, unknown>,
    dueAt: doc.dueAt,
    ...(doc.state ? { state: doc.state } : {}),
    ...(doc.userId ? { userId: doc.userId } : {}),
    ...(doc.target ? { target: doc.target } : {}),
    status: doc.status as OutboxStatus,
    attempts: doc.attempts,
    createdAt: doc.createdAt,
    ...(doc.lastAttemptAt ? { lastAttemptAt: doc.lastAttemptAt } : {}),
    ...(doc.lastError ? { lastError: doc.lastError } : {}),
    ...(doc.sentAt ? { sentAt: doc.sentAt } : {}),
  };
}
