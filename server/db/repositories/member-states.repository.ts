import type { MemberStateInfo } from '../../../shared/reference/member-states.js';
import type { MemberStateModel } from '../models/member-state.model.js';

export interface VisibilityRule {
  field: string;
  visibleTo: string[];
  secretariat: boolean;
}

export interface MemberState {
  code: string;
  name: { en: string; ru: string };
  domains: string[];
  visibility: VisibilityRule[];
}

export class MemberStatesRepository {
  constructor(private readonly model: MemberStateModel) {}

  /** Adds states that are missing; never touches participation or visibility already set. */
  async seed(states: readonly MemberStateInfo[], now: Date): Promise<void> {
    for (const state of states) {
      await this.model.updateOne({ code: state.code }, { $setOnInsert: { code: state.code, name: state.name, domains: [], visibility: [], updatedAt: now } }, { upsert: true });
    }
  }

  async all(): Promise<MemberState[]> {
    const docs = await this.model.find().sort({ code: 1 }).lean();
    return docs.map(toState);
  }

  async find(code: string): Promise<MemberState | undefined> {
    const doc = await this.model.findOne({ code }).lean();
    return doc ? toState(doc) : undefined;
  }

  async setDomains(code: string, domains: string[], now: Date): Promise<void> {
    await this.model.updateOne({ code }, { $set: { domains, updatedAt: now } });
  }

  async setVisibility(code: string, visibility: VisibilityRule[], now: Date): Promise<void> {
    await this.model.updateOne({ code }, { $set: { visibility, updatedAt: now } });
  }
}

interface StateLean {
  code: string;
  name?: { en: string; ru: string } | null;
  domains?: string[];
  visibility?: Array<{ field: string; visibleTo?: string[]; secretariat?: boolean }>;
}

function toState(doc: StateLean): MemberState {
  return {
    code: doc.code,
    name: { en: doc.name?.en ?? doc.code, ru: doc.name?.ru ?? doc.code },
    domains: doc.domains ?? [],
    visibility: (doc.visibility ?? []).map((rule) => ({ field: rule.field, visibleTo: rule.visibleTo ?? [], secretariat: rule.secretariat ?? false })),
  };
}
