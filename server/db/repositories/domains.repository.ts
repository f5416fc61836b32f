import type { DomainInfo } from '../../../shared/reference/domains.js';
import type { DomainModel } from '../models/domain.model.js';
import type { DomainStore } from '../../modules/directory/ports.js';

export class DomainsRepository implements DomainStore {
  constructor(private readonly model: DomainModel) {}

  /** Adds a domain that is missing (seeding, or a network decision applied again): idempotent. */
  async add(domain: DomainInfo, now: Date): Promise<void> {
    await this.model.updateOne(
      { code: domain.code },
      { $setOnInsert: { code: domain.code, name: domain.name, addedAt: now } },
      { upsert: true },
    );
  }

  /** New names for an existing domain; its code stays (idempotent). */
  async rename(domain: DomainInfo, now: Date): Promise<void> {
    await this.model.updateOne({ code: domain.code }, { $set: { name: domain.name, renamedAt: now } });
  }

  /** Retires a domain (idempotent: the first retirement's time stays). */
  async retire(code: string, now: Date): Promise<void> {
    await this.model.updateOne({ code, retiredAt: null }, { $set: { retiredAt: now } });
  }

  async seed(domains: readonly DomainInfo[], now: Date): Promise<void> {
    for (const domain of domains) await this.add(domain, now);
  }

  /** In the order they were added: the seeded four first, as the action plan lists them. */
  async all(): Promise<DomainInfo[]> {
    const docs = await this.model.find().sort({ addedAt: 1, _id: 1 }).lean();
    return docs.map(toDomain);
  }

  async find(code: string): Promise<DomainInfo | undefined> {
    const doc = await this.model.findOne({ code }).lean();
    return doc ? toDomain(doc) : undefined;
  }
}

function toDomain(doc: {
  code: string;
  name?: { en?: string | null; ru?: string | null } | null;
  retiredAt?: Date | null;
}): DomainInfo {
  const domain: DomainInfo = { code: doc.code, name: { en: doc.name?.en ?? doc.code, ru: doc.name?.ru ?? doc.code } };
  if (doc.retiredAt) domain.retiredAt = doc.retiredAt.toISOString();
  return domain;
}
