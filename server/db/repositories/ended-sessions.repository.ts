import type { EndedSessionModel } from '../models/ended-session.model.js';
import { isDuplicateKey } from '../database-errors.js';
import type { EndedSessionStore } from '../../modules/accounts/ports/sessions.js';

/** Sessions ended one by one (see ended-session.model.ts); a small collection, emptied as they expire. */
export class EndedSessionsRepository implements EndedSessionStore {
  constructor(private readonly model: EndedSessionModel) {}

  /** Idempotent: ending a session twice keeps the first record. */
  async end(sessionId: string, userId: string, until: Date): Promise<void> {
    try {
      await this.model.create({ _id: sessionId, userId, until });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async isEnded(sessionId: string): Promise<boolean> {
    return (await this.model.exists({ _id: sessionId })) !== null;
  }

  /** The user's ended sessions whose access tokens may still be alive. */
  async ofUser(userId: string, now: Date): Promise<string[]> {
    const docs = await this.model.find({ userId }).lean();
    return docs.filter((doc) => doc.until > now).map((doc) => doc._id);
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.model.deleteMany({ until: { $lt: now } });
    return result.deletedCount;
  }
}
