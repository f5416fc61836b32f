import type { Connection } from 'mongoose';
import type { LegacyEntry } from '../../modules/audit/legacy-chain.js';
import type { LegacyAuditSource } from '../../modules/audit/ports.js';

/** The collection earlier versions kept the hash-chained trail in. */
export const LEGACY_AUDIT_COLLECTION = 'audit_entries';

type LegacyDoc = Omit<LegacyEntry, 'alsoStates'> & { _id: number };

/** Reads the old trail, as it was stored, for its one move into the log. */
export class AuditLegacyRepository implements LegacyAuditSource {
  constructor(private readonly connection: Connection) {}

  private get records() {
    return this.connection.collection<LegacyDoc>(LEGACY_AUDIT_COLLECTION);
  }

  count(): Promise<number> {
    return this.records.countDocuments({});
  }

  async *all(): AsyncGenerator<LegacyEntry> {
    for await (const doc of this.records.find({}, { batchSize: 1000 }).sort({ _id: 1 }))
      yield {
        seq: doc.seq,
        at: doc.at,
        type: doc.type,
        actorId: doc.actorId ?? null,
        state: doc.state ?? null,
        subjectId: doc.subjectId ?? null,
        data: doc.data ?? {},
        prevHash: doc.prevHash,
        hash: doc.hash,
      };
  }
}
