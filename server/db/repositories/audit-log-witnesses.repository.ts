import { isDuplicateKey } from '../database-errors.js';
import type { WitnessSignature, WitnessStore } from '../../modules/audit/ports.js';
import type { AuditLogWitnessDoc, AuditLogWitnessModel } from '../models/audit-log-witness.model.js';

/** National admins' co-signatures of the log's heads, one per admin and head size. */
export class AuditLogWitnessesRepository implements WitnessStore {
  constructor(private readonly model: AuditLogWitnessModel) {}

  async add(witness: WitnessSignature): Promise<boolean> {
    try {
      await this.model.create({
        _id: `${witness.userId}:${witness.head.size}`,
        state: witness.state,
        userId: witness.userId,
        ...witness.head,
        signature: witness.signature,
        signedAt: witness.signedAt,
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async latestBy(userId: string): Promise<WitnessSignature | undefined> {
    const doc = await this.model.findOne({ userId }).sort({ size: -1 }).lean();
    return doc ? toWitness(doc) : undefined;
  }

  async find(userId: string, size: number): Promise<WitnessSignature | undefined> {
    const doc = await this.model.findById(`${userId}:${size}`).lean();
    return doc ? toWitness(doc) : undefined;
  }

  async latestPerState(): Promise<WitnessSignature[]> {
    const states = (await this.model.distinct('state')).sort();
    const latest = await Promise.all(
      states.map((state) => this.model.findOne({ state }).sort({ size: -1, signedAt: -1 }).lean()),
    );
    return latest.flatMap((doc) => (doc ? [toWitness(doc)] : []));
  }

  async *all(): AsyncGenerator<WitnessSignature> {
    for await (const doc of this.model.find().sort({ _id: 1 }).lean().cursor()) yield toWitness(doc);
  }
}

function toWitness(doc: AuditLogWitnessDoc): WitnessSignature {
  return {
    state: doc.state,
    userId: doc.userId,
    head: { size: doc.size, root: doc.root, at: doc.at },
    signature: doc.signature,
    signedAt: doc.signedAt,
  };
}
