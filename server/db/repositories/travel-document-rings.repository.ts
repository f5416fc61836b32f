import type {
  ParticipationStore,
  Ring,
  RingGrant,
  RingStore,
  StateParticipation,
} from '../../modules/travel-documents/ports.js';
import { isDuplicateKey } from '../database-errors.js';
import { putEpochGrants } from './epoch-grants.js';
import type { ParticipationModel, RingGrantModel, RingModel } from '../models/travel-documents.model.js';

export class ParticipationRepository implements ParticipationStore {
  constructor(private readonly model: ParticipationModel) {}

  async all(): Promise<StateParticipation[]> {
    const docs = await this.model.find({}).sort({ _id: 1 }).lean();
    return docs.map((doc) => ({
      state: doc._id,
      participating: doc.participating,
      changedAt: doc.changedAt,
      changedBy: doc.changedBy,
    }));
  }

  async set(p: StateParticipation): Promise<void> {
    await this.model.updateOne(
      { _id: p.state },
      { $set: { participating: p.participating, changedAt: p.changedAt, changedBy: p.changedBy } },
      { upsert: true },
    );
  }
}

const grantId = (g: Pick<RingGrant, 'ring' | 'epoch' | 'holderId'>): string => `${g.ring}|${g.epoch}|${g.holderId}`;

/** The rings' epochs and grants, written as the library's shelves are (library.repository.ts). */
export class RingsRepository implements RingStore {
  constructor(
    private readonly rings: RingModel,
    private readonly grants: RingGrantModel,
  ) {}

  async find(ring: string): Promise<Ring | undefined> {
    const doc = await this.rings.findById(ring).lean();
    return doc ? { ring: doc._id, epoch: doc.epoch, epochStartedAt: doc.epochStartedAt } : undefined;
  }

  async advance(ring: string, from: number, at: Date): Promise<boolean> {
    if (from === 0) {
      try {
        await this.rings.create({ _id: ring, epoch: 1, epochStartedAt: at });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    }
    const result = await this.rings.updateOne(
      { _id: ring, epoch: from },
      { $set: { epoch: from + 1, epochStartedAt: at } },
    );
    return result.modifiedCount === 1;
  }

  async grantsOf(ring: string, epoch?: number): Promise<RingGrant[]> {
    const docs = await this.grants
      .find({ ring, ...(epoch === undefined ? {} : { epoch }) })
      .sort({ epoch: 1, holderId: 1 })
      .lean();
    return docs.map((doc) => ({
      ring: doc.ring,
      epoch: doc.epoch,
      holderId: doc.holderId,
      keyVersion: doc.keyVersion,
      sealedKey: doc.sealedKey,
      signature: doc.signature,
      grantedBy: doc.grantedBy,
      at: doc.at,
    }));
  }

  putGrants(grants: readonly RingGrant[]): Promise<number> {
    return putEpochGrants(this.grants, grants, grantId);
  }

  async deleteGrants(
    ring: string,
    epoch: number,
    which: { grantedBy: string; at: Date } | { before: Date },
  ): Promise<void> {
    const filter = 'before' in which ? { at: { $lt: which.before } } : { grantedBy: which.grantedBy, at: which.at };
    await this.grants.deleteMany({ ring, epoch, ...filter });
  }
}
