import type { ClaimModel } from '../models/claim.model.js';
import { isDuplicateKey } from '../database-errors.js';
import type { ClaimStore } from '../../modules/accounts/ports/claims.js';

/** Exactly-once claims by unique insert (see claim.model.ts for why not conditional updates). */
export class ClaimsRepository implements ClaimStore {
  constructor(private readonly model: ClaimModel) {}

  /** True for the first caller with this key, false for every later one. */
  async claim(key: string, at: Date, expiresAt: Date | null = null): Promise<boolean> {
    try {
      await this.model.create({ _id: key, at, expiresAt });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** When the claim was taken; undefined when nobody has claimed `key`. */
  async claimedAt(key: string): Promise<Date | undefined> {
    const doc = await this.model.findById(key).lean();
    return doc?.at ?? undefined;
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.model.deleteMany({ expiresAt: { $ne: null, $lt: now } });
    return result.deletedCount;
  }
}
