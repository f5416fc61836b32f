import { Types } from 'mongoose';
import { isDuplicateKey } from '../database-errors.js';
import type { LivenessCheckModel, LivenessTargetModel } from '../models/liveness.model.js';
import type { ClaimsRepository } from './claims.repository.js';
import type { LivenessCheck, LivenessCheckStore, LivenessTarget } from '../../modules/liveness/ports.js';

export class LivenessRepository implements LivenessCheckStore {
  constructor(
    private readonly checks: LivenessCheckModel,
    private readonly targets: LivenessTargetModel,
    private readonly claims: ClaimsRepository,
  ) {}

  async create(
    check: Omit<LivenessCheck, 'id'>,
    targets: Array<Omit<LivenessTarget, 'checkId' | 'answeredAt'>>,
  ): Promise<LivenessCheck> {
    const { schedule, ...rest } = check;
    const doc = await this.checks.create({
      ...rest,
      startedBy: new Types.ObjectId(check.startedBy),
      scheduleKey: schedule?.key ?? null,
      periodStart: schedule?.periodStart ?? null,
    });
    if (targets.length > 0) {
      await this.targets.insertMany(
        targets.map((target) => ({
          ...target,
          checkId: doc._id,
          userId: new Types.ObjectId(target.userId),
          answeredAt: null,
        })),
      );
    }
    return { ...check, id: doc._id.toHexString() };
  }

  async addScheduledTargets(
    checkId: string,
    targets: Array<Omit<LivenessTarget, 'checkId' | 'answeredAt'>>,
  ): Promise<void> {
    const docs = targets.map((target) => ({
      ...target,
      checkId: new Types.ObjectId(checkId),
      userId: new Types.ObjectId(target.userId),
      answeredAt: null,
    }));
    try {
      if (docs.length > 0) await this.targets.insertMany(docs);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // An earlier try stored some: keep those (their nonces may have been prompted), add the rest.
      for (const doc of docs) await this.targets.create(doc).catch(ignoreDuplicate);
    }
  }

  async createScheduled(checkId: string, check: Omit<LivenessCheck, 'id'>): Promise<boolean> {
    const { schedule, ...rest } = check;
    try {
      await this.checks.create({
        ...rest,
        _id: new Types.ObjectId(checkId),
        startedBy: new Types.ObjectId(check.startedBy),
        scheduleKey: schedule?.key ?? null,
        periodStart: schedule?.periodStart ?? null,
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async find(id: string): Promise<LivenessCheck | undefined> {
    if (!Types.ObjectId.isValid(id)) return undefined;
    const doc = await this.checks.findById(id).lean();
    return doc ? toCheck(doc) : undefined;
  }

  async recent(limit: number): Promise<LivenessCheck[]> {
    const docs = await this.checks.find().sort({ startedAt: -1 }).limit(limit).lean();
    return docs.map(toCheck);
  }

  async ofPeriod(scheduleKey: string, periodStart: Date): Promise<LivenessCheck | undefined> {
    const doc = await this.checks.findOne({ scheduleKey, periodStart }).lean();
    return doc ? toCheck(doc) : undefined;
  }

  async runsOf(scheduleKey: string, limit: number): Promise<LivenessCheck[]> {
    const docs = await this.checks.find({ scheduleKey }).sort({ periodStart: -1, startedAt: -1 }).limit(limit).lean();
    return docs.map(toCheck);
  }

  async remindersDue(now: Date, limit: number): Promise<LivenessCheck[]> {
    const docs = await this.checks
      .find({ remindAt: { $ne: null, $lte: now }, deadline: { $gt: now } })
      .limit(limit)
      .lean();
    return docs.map(toCheck);
  }

  async remindersDone(checkId: string): Promise<void> {
    await this.checks.updateOne({ _id: new Types.ObjectId(checkId) }, { $set: { remindAt: null } });
  }

  async targetsOf(checkId: string): Promise<LivenessTarget[]> {
    const docs = await this.targets.find({ checkId: new Types.ObjectId(checkId) }).lean();
    return docs.map(toTarget);
  }

  async target(checkId: string, userId: string): Promise<LivenessTarget | undefined> {
    const doc = await this.targets
      .findOne({ checkId: new Types.ObjectId(checkId), userId: new Types.ObjectId(userId) })
      .lean();
    return doc ? toTarget(doc) : undefined;
  }

  /** Unanswered prompts of a person, e.g. to deliver when they connect. */
  async openFor(userId: string): Promise<LivenessTarget[]> {
    const docs = await this.targets
      .find({ userId: new Types.ObjectId(userId), answeredAt: null })
      .sort({ promptedAt: 1 })
      .limit(50)
      .lean();
    return docs.map(toTarget);
  }

  /** Records the first answer only (a unique claim); false when it was answered already. */
  async answer(checkId: string, userId: string, at: Date): Promise<boolean> {
    if (!(await this.claims.claim(`liveness:${checkId}:${userId}`, at))) return false;
    await this.targets.updateOne(
      { checkId: new Types.ObjectId(checkId), userId: new Types.ObjectId(userId) },
      { $set: { answeredAt: at } },
    );
    return true;
  }
}

function ignoreDuplicate(error: unknown): void {
  if (!isDuplicateKey(error)) throw error;
}

function toCheck(doc: {
  _id: Types.ObjectId;
  startedBy: Types.ObjectId;
  scopeState?: string | null;
  scopeDomain?: string | null;
  startedAt: Date;
  deadline: Date;
  scheduleKey?: string | null;
  periodStart?: Date | null;
  remindAt?: Date | null;
}): LivenessCheck {
  return {
    id: doc._id.toHexString(),
    startedBy: doc.startedBy.toHexString(),
    scopeState: doc.scopeState ?? null,
    scopeDomain: doc.scopeDomain ?? null,
    startedAt: doc.startedAt,
    deadline: doc.deadline,
    schedule: doc.scheduleKey && doc.periodStart ? { key: doc.scheduleKey, periodStart: doc.periodStart } : null,
    remindAt: doc.remindAt ?? null,
  };
}

function toTarget(doc: {
  checkId: Types.ObjectId;
  userId: Types.ObjectId;
  state: string;
  nonce: string;
  promptedAt: Date;
  deadline: Date;
  answeredAt?: Date | null;
}): LivenessTarget {
  return {
    checkId: doc.checkId.toHexString(),
    userId: doc.userId.toHexString(),
    state: doc.state,
    nonce: doc.nonce,
    promptedAt: doc.promptedAt,
    deadline: doc.deadline,
    answeredAt: doc.answeredAt ?? null,
  };
}
