import type { SettingModel } from '../models/setting.model.js';
import type { SettingStore } from '../../modules/directory/ports.js';

/** Network-wide settings (one document per key) and change counters. */
export class SettingsRepository implements SettingStore {
  constructor(private readonly model: SettingModel) {}

  async get<T>(key: string, fallback: T): Promise<T> {
    const doc = await this.model.findById(key).lean();
    return doc && doc.value !== null && doc.value !== undefined ? (doc.value as T) : fallback;
  }

  async set(key: string, value: unknown, now: Date): Promise<void> {
    await this.model.updateOne({ _id: key }, { $set: { value, updatedAt: now } }, { upsert: true });
  }

  /** The current value of a change counter (0 when never bumped). */
  async revision(key: string): Promise<number> {
    const doc = await this.model.findById(key).select('revision').lean();
    return doc?.revision ?? 0;
  }

  /** Atomically increments a change counter: every node sees the same sequence. */
  async bump(key: string, now: Date): Promise<void> {
    await this.model.updateOne({ _id: key }, { $inc: { revision: 1 }, $set: { updatedAt: now } }, { upsert: true });
  }
}
