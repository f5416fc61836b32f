import { Types } from 'mongoose';
import type { EventLanguage } from '../../../shared/schemas/events.js';
import type { CalendarFeed, CalendarFeedStore } from '../../modules/events/ports.js';
import type { CalendarFeedDoc, CalendarFeedModel } from '../models/event.model.js';

/** One feed per person, keyed by their id: a new one replaces the old in one write. */
export class CalendarFeedsRepository implements CalendarFeedStore {
  constructor(private readonly model: CalendarFeedModel) {}

  async ofUser(userId: string): Promise<CalendarFeed | undefined> {
    const doc = await this.model.findById(new Types.ObjectId(userId)).lean();
    return doc ? toFeed(doc) : undefined;
  }

  async byTokenHash(tokenHash: string): Promise<CalendarFeed | undefined> {
    const doc = await this.model.findOne({ tokenHash }).lean();
    return doc ? toFeed(doc) : undefined;
  }

  async put(feed: CalendarFeed): Promise<void> {
    await this.model.replaceOne(
      { _id: new Types.ObjectId(feed.userId) },
      { tokenHash: feed.tokenHash, language: feed.language, createdAt: feed.createdAt },
      { upsert: true },
    );
  }

  async remove(userId: string): Promise<boolean> {
    return (await this.model.deleteOne({ _id: new Types.ObjectId(userId) })).deletedCount > 0;
  }
}

function toFeed(doc: CalendarFeedDoc): CalendarFeed {
  return {
    userId: doc._id.toHexString(),
    tokenHash: doc.tokenHash,
    language: doc.language as EventLanguage,
    createdAt: doc.createdAt,
  };
}
