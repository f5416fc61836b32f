import { Types } from 'mongoose';
import type { EntryUpdate } from '../../../shared/schemas/directory.js';
import type { DirectoryEntryModel } from '../models/directory-entry.model.js';
import type { Away, DirectoryEntry, DirectoryEntryStore } from '../../modules/directory/ports.js';

export class DirectoryEntriesRepository implements DirectoryEntryStore {
  constructor(private readonly model: DirectoryEntryModel) {}

  async all(): Promise<DirectoryEntry[]> {
    const docs = await this.model.find().lean();
    return docs.map(toEntry);
  }

  async find(userId: string): Promise<DirectoryEntry | undefined> {
    const doc = await this.model.findOne({ userId: new Types.ObjectId(userId) }).lean();
    return doc ? toEntry(doc) : undefined;
  }

  /** Creates the entry on first write; an edit also counts as confirming it is current. */
  async upsert(userId: string, update: EntryUpdate, now: Date): Promise<void> {
    const set: Record<string, unknown> = { updatedAt: now, lastConfirmedAt: now };
    for (const [key, value] of Object.entries(update)) {
      if (value === undefined) continue;
      set[key] = key === 'deputyUserId' && typeof value === 'string' ? new Types.ObjectId(value) : value;
    }
    await this.model.updateOne({ userId: new Types.ObjectId(userId) }, { $set: set }, { upsert: true });
  }

  async confirm(userId: string, now: Date): Promise<void> {
    await this.model.updateOne(
      { userId: new Types.ObjectId(userId) },
      { $set: { lastConfirmedAt: now, updatedAt: now } },
      { upsert: true },
    );
  }

  async setAway(userId: string, away: Away | null, now: Date): Promise<void> {
    const stored = away && {
      ...away,
      deputyUserId: new Types.ObjectId(away.deputyUserId),
      setBy: new Types.ObjectId(away.setBy),
    };
    await this.model.updateOne(
      { userId: new Types.ObjectId(userId) },
      { $set: { away: stored, updatedAt: now }, $setOnInsert: { lastConfirmedAt: now } },
      { upsert: true },
    );
  }

  async setMembers(userId: string, members: string[], now: Date): Promise<void> {
    await this.model.updateOne(
      { userId: new Types.ObjectId(userId) },
      {
        $set: { members: members.map((id) => new Types.ObjectId(id)), updatedAt: now },
        $setOnInsert: { lastConfirmedAt: now },
      },
      { upsert: true },
    );
  }

  /** For benchmarks and the demo seed: many entries at once. */
  async insertMany(entries: DirectoryEntry[], now: Date): Promise<void> {
    await this.model.insertMany(
      entries.map((entry) => ({
        ...entry,
        userId: new Types.ObjectId(entry.userId),
        deputyUserId: entry.deputyUserId ? new Types.ObjectId(entry.deputyUserId) : null,
        away: null,
        members: entry.members.map((id) => new Types.ObjectId(id)),
        updatedAt: now,
      })),
    );
  }
}

interface StoredBilingual {
  en?: string | null | undefined;
  ru?: string | null | undefined;
}

interface EntryLean {
  userId: Types.ObjectId;
  kind?: string | null;
  name?: StoredBilingual | null;
  title?: StoredBilingual | null;
  authority?: StoredBilingual | null;
  role?: string | null;
  languages?: string[];
  timeZone?: string | null;
  workingHours?: {
    days?: number[] | undefined;
    from?: string | null | undefined;
    to?: string | null | undefined;
  } | null;
  available24x7?: boolean | null;
  deputyUserId?: Types.ObjectId | null;
  contacts?: Array<{ type: string; value: string; note?: string | null | undefined }>;
  lastConfirmedAt: Date;
  away?: {
    from?: Date | null;
    until?: Date | null;
    deputyUserId?: Types.ObjectId | null;
    note?: string | null;
    setBy?: Types.ObjectId | null;
    setAt?: Date | null;
  } | null;
  members?: Types.ObjectId[];
}

function toAway(stored: EntryLean['away']): Away | null {
  if (!stored?.from || !stored.deputyUserId || !stored.setBy || !stored.setAt) return null;
  return {
    from: stored.from,
    until: stored.until ?? null,
    deputyUserId: stored.deputyUserId.toHexString(),
    note: stored.note ?? null,
    setBy: stored.setBy.toHexString(),
    setAt: stored.setAt,
  };
}

const bilingual = (value: StoredBilingual | null | undefined): DirectoryEntry['name'] =>
  value?.en ? { en: value.en, ...(value.ru ? { ru: value.ru } : {}) } : null;

function toEntry(doc: EntryLean): DirectoryEntry {
  return {
    userId: doc.userId.toHexString(),
    kind: doc.kind === 'duty-desk' ? 'duty-desk' : 'person',
    name: bilingual(doc.name),
    title: bilingual(doc.title),
    authority: bilingual(doc.authority),
    role: doc.role === 'policy' || doc.role === 'operational' ? doc.role : null,
    languages: doc.languages ?? [],
    timeZone: doc.timeZone ?? null,
    workingHours:
      doc.workingHours?.from && doc.workingHours.to
        ? { days: doc.workingHours.days ?? [], from: doc.workingHours.from, to: doc.workingHours.to }
        : null,
    available24x7: doc.available24x7 ?? false,
    deputyUserId: doc.deputyUserId ? doc.deputyUserId.toHexString() : null,
    contacts: (doc.contacts ?? []).map((c) => ({ type: c.type, value: c.value, ...(c.note ? { note: c.note } : {}) })),
    lastConfirmedAt: doc.lastConfirmedAt,
    away: toAway(doc.away),
    members: (doc.members ?? []).map((id) => id.toHexString()),
  };
}
