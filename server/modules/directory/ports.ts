import type { DomainInfo } from '../../../shared/reference/domains.js';
import type { MemberStateInfo } from '../../../shared/reference/member-states.js';
import type { EntryUpdate } from '../../../shared/schemas/directory.js';

interface Bilingual {
  en: string;
  ru?: string;
}

/** The stored, editable part of an entry (see EntryView for what readers get). */
export interface DirectoryEntry {
  userId: string;
  kind: 'person' | 'duty-desk';
  name: Bilingual | null;
  title: Bilingual | null;
  authority: Bilingual | null;
  role: 'policy' | 'operational' | null;
  languages: string[];
  timeZone: string | null;
  workingHours: { days: number[]; from: string; to: string } | null;
  available24x7: boolean;
  deputyUserId: string | null;
  contacts: Array<{ type: string; value: string; note?: string }>;
  lastConfirmedAt: Date;
  /** Marked away with a deputy (see duty-roster.ts); null when present. */
  away: Away | null;
  /** Duty desks: the focal points who staff it. */
  members: string[];
}

/** An absence: from `from` until `until` (open-ended when null), `deputyUserId` stands in. */
export interface Away {
  from: Date;
  until: Date | null;
  deputyUserId: string;
  note: string | null;
  setBy: string;
  setAt: Date;
}

export interface DirectoryEntryStore {
  all(): Promise<DirectoryEntry[]>;
  find(userId: string): Promise<DirectoryEntry | undefined>;
  /** Creates the entry on first write; an edit also counts as confirming it is current. */
  upsert(userId: string, update: EntryUpdate, now: Date): Promise<void>;
  confirm(userId: string, now: Date): Promise<void>;
  /** Marks the person away, or present again (null). Not an edit of the entry: it does not confirm it. */
  setAway(userId: string, away: Away | null, now: Date): Promise<void>;
  setMembers(userId: string, members: string[], now: Date): Promise<void>;
  /** For benchmarks and the demo seed: many entries at once. */
  insertMany(entries: DirectoryEntry[], now: Date): Promise<void>;
}

/** A member state of the network and the domains it takes part in. */
export interface MemberState {
  code: string;
  name: { en: string; ru: string };
  domains: string[];
}

/** The member states (seeded, then admitted by consensus). */
export interface MemberStateStore {
  /** Adds states that are missing; never touches participation already set. */
  seed(states: readonly MemberStateInfo[], now: Date): Promise<void>;
  all(): Promise<MemberState[]>;
  find(code: string): Promise<MemberState | undefined>;
  /** A state admitted by a network decision, taking part in no domain yet (idempotent). */
  admit(state: MemberStateInfo, now: Date): Promise<void>;
  setDomains(code: string, domains: string[], now: Date): Promise<void>;
}

/** The network's domains (seeded, then added, renamed or retired by consensus). */
export interface DomainStore {
  /** Adds a domain that is missing (seeding, or a network decision applied again): idempotent. */
  add(domain: DomainInfo, now: Date): Promise<void>;
  /** New names for an existing domain; its code stays (idempotent). */
  rename(domain: DomainInfo, now: Date): Promise<void>;
  /** Retires a domain (idempotent: the first retirement's time stays). */
  retire(code: string, now: Date): Promise<void>;
  seed(domains: readonly DomainInfo[], now: Date): Promise<void>;
  /** In the order they were added: the seeded four first, as the action plan lists them. */
  all(): Promise<DomainInfo[]>;
  find(code: string): Promise<DomainInfo | undefined>;
}

/** Network-wide settings (one value per key) and change counters. */
export interface SettingStore {
  get<T>(key: string, fallback: T): Promise<T>;
  set(key: string, value: unknown, now: Date): Promise<void>;
  /** The current value of a change counter (0 when never bumped). */
  revision(key: string): Promise<number>;
  /** Atomically increments a change counter: every node sees the same sequence. */
  bump(key: string, now: Date): Promise<void>;
}
