import type { MemberStateInfo } from '../../../shared/reference/member-states.js';
import type { MemberStateModel } from '../models/member-state.model.js';
import type { MemberState, MemberStateStore } from '../../modules/directory/ports.js';

export class MemberStatesRepository implements MemberStateStore {
  constructor(private readonly model: MemberStateModel) {}

  /** Adds states that are missing; never touches participation already set. */
  async seed(states: readonly MemberStateInfo[], now: Date): Promise<void> {
    for (const state of states) {
      await this.model.updateOne(
        { code: state.code },
        { $setOnInsert: { code: state.code, name: state.name, domains: [], updatedAt: now } },
        { upsert: true },
      );
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

  /** A state admitted by a network decision, taking part in no domain yet (idempotent). */
  async admit(state: MemberStateInfo, now: Date): Promise<void> {
    await this.model.updateOne(
      { code: state.code },
      { $setOnInsert: { code: state.code, name: state.name, domains: [], updatedAt: now } },
      { upsert: true },
    );
  }

  async setDomains(code: string, domains: string[], now: Date): Promise<void> {
    await this.model.updateOne({ code }, { $set: { domains, updatedAt: now } });
  }
}

interface StateLean {
  code: string;
  name?: { en: string; ru: string } | null;
  domains?: string[];
}

function toState(doc: StateLean): MemberState {
  return {
    code: doc.code,
    name: { en: doc.name?.en ?? doc.code, ru: doc.name?.ru ?? doc.code },
    domains: doc.domains ?? [],
  };
}
