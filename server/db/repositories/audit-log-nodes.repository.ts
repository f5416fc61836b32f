import type { AuditNodeStore } from '../../modules/audit/ports.js';
import type { AuditLogNodeModel } from '../models/audit-log-node.model.js';

/** The subtree hash cache: key lookups only; a hash is written once and never changes. */
export class AuditLogNodesRepository implements AuditNodeStore {
  constructor(private readonly model: AuditLogNodeModel) {}

  /** The collection, typed with its string `_id`, for the driver's own reads and writes. */
  private get records() {
    return this.model.db.collection<{ _id: string; hash: string }>(this.model.collection.collectionName);
  }

  async get(keys: readonly string[]): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const docs = await this.records.find({ _id: { $in: [...keys] } }).toArray();
    return new Map(docs.map((doc) => [doc._id, doc.hash]));
  }

  async put(nodes: ReadonlyArray<{ key: string; hash: string }>): Promise<void> {
    if (nodes.length === 0) return;
    // Two proofs computing the same subtree at once store the same hash: the second write changes nothing.
    await this.records.bulkWrite(
      nodes.map(({ key, hash }) => ({
        updateOne: { filter: { _id: key }, update: { $setOnInsert: { hash } }, upsert: true },
      })),
      { ordered: false },
    );
  }
}
