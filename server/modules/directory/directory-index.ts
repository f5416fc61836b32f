import { keyFingerprint } from '../../../shared/crypto/safety-number.js';
import { fromBase64Url } from '../../../shared/crypto/encoding.js';
import type { DomainInfo } from '../../../shared/reference/domains.js';
import type { DirectoryEntry, MemberState } from './ports.js';
import type { PolicyBody } from '../../../shared/schemas/policy.js';
import type { User } from '../accounts/ports/users.js';
import type { DirectoryDeps } from './directory-deps.js';
import { indexKeyHistory, type IndexedPreviousKey } from './key-history.js';
import { SearchIndex } from './search-index.js';
import { DATABASE_CALL_DEADLINE_MS, withDeadline } from '../../system/deadline.js';

export const DIRECTORY_REVISION = 'directory';
export const FRESHNESS_SETTING = 'directory.freshnessDays';
export const DEFAULT_FRESHNESS_DAYS = 180;

/** One focal point as the index holds it: account, editable entry, and what search needs. */
export interface IndexedRecord {
  user: User;
  entry: DirectoryEntry | undefined;
  /** Domains the person serves that their state takes part in: the only ones they can be found for. */
  domains: string[];
  /** Lower-case names and authority in both scripts, for free-text search. */
  searchText: string;
  sortName: string;
  fingerprint: string | null;
  /** Keys replaced by the current one, newest first. */
  previousKeys: IndexedPreviousKey[];
  lastConfirmedAt: Date;
  /** Precomputed for the search loop (10,000 records per query): plain field reads only. */
  state: string;
  languages: ReadonlySet<string>;
  role: 'policy' | 'operational' | null;
  available24x7: boolean;
  /** Index in `records`, the bit that stands for this record in the search index. */
  position: number;
}

export type SortKey = 'name' | 'state' | 'lastConfirmed';

export interface DirectorySnapshot {
  records: IndexedRecord[];
  /** The records pre-sorted once per sort order, so a search only filters and pages. */
  sorted: Record<SortKey, IndexedRecord[]>;
  byUserId: Map<string, IndexedRecord>;
  /** Per deputy, the people whose absence (under way, planned or past) names them: "standing in for" without a scan. */
  awayWithDeputy: Map<string, IndexedRecord[]>;
  search: SearchIndex;
  states: Map<string, MemberState>;
  /** The network's domains, in the order they were added. */
  domains: Map<string, DomainInfo>;
  freshnessDays: number;
  /** Per state, the `directoryFields` of its policy in force (states without a policy are absent). */
  fieldPolicies: ReadonlyMap<string, Pick<PolicyBody, 'state' | 'directoryFields'>>;
  /** "KZ@3,RU@1": the policy versions `fieldPolicies` was taken from. */
  policyVersions: string;
}

type FieldPolicies = Pick<DirectorySnapshot, 'fieldPolicies' | 'policyVersions'>;

/**
 * The directory held in memory: at most ten thousand or so small records, searched in
 * microseconds. Every writer bumps a revision counter in the database; a reader reloads when
 * it moved, checking at most every `maxStalenessMs`, so several server nodes stay in step.
 * Field visibility comes from the signed policies in force, checked at the same moments: a
 * newly published version applies on the next read (publishing invalidates this node's index).
 */
export class DirectoryIndex {
  private current: DirectorySnapshot | undefined;
  private revision = -1;
  private checkedAt = 0;
  private loading: Promise<DirectorySnapshot> | undefined;
  /** Counts invalidations: a refresh begun before one must not be taken for what came after. */
  private generation = 0;

  constructor(
    private readonly deps: DirectoryDeps,
    private readonly maxStalenessMs = 500,
  ) {}

  async snapshot(): Promise<DirectorySnapshot> {
    const now = this.deps.clock.now().getTime();
    if (this.current && now - this.checkedAt < this.maxStalenessMs) return this.current;
    // Bounded: a refresh stuck on the database must not hold every later reader.
    const loading =
      this.loading ??
      withDeadline(this.refresh(), DATABASE_CALL_DEADLINE_MS, 'the directory refresh').finally(() => {
        if (this.loading === loading) this.loading = undefined;
      });
    this.loading = loading;
    return loading;
  }

  /**
   * Marks the index stale on this node at once (other nodes follow the revision counter). A
   * refresh already under way read from before the change: later readers start a new one, so a
   * writer reads what it wrote.
   */
  invalidate(): void {
    this.checkedAt = 0;
    this.revision = -1;
    this.generation += 1;
    this.loading = undefined;
  }

  private async refresh(): Promise<DirectorySnapshot> {
    const generation = this.generation;
    const [revision, fields] = await Promise.all([
      this.deps.settings.revision(DIRECTORY_REVISION),
      this.fieldPolicies(),
    ]);
    const stillCurrent = (): boolean => generation === this.generation;
    if (this.current && revision === this.revision) {
      // Only a policy changed: the records stay, the field visibility is replaced.
      const refreshed =
        fields.policyVersions === this.current.policyVersions ? this.current : { ...this.current, ...fields };
      if (!stillCurrent()) return refreshed;
      this.current = refreshed;
      this.checkedAt = this.deps.clock.now().getTime();
      return refreshed;
    }
    const loaded = { ...(await this.load()), ...fields };
    // Overtaken by an invalidation: answer those who asked before it, keep nothing.
    if (!stillCurrent()) return loaded;
    this.current = loaded;
    this.revision = revision;
    this.checkedAt = this.deps.clock.now().getTime();
    return loaded;
  }

  private async fieldPolicies(): Promise<FieldPolicies> {
    const policies = await this.deps.policies.current();
    const fieldPolicies = new Map(
      [...policies].map(([state, policy]) => [
        state,
        { state: policy.body.state, directoryFields: policy.body.directoryFields ?? [] },
      ]),
    );
    const policyVersions = [...policies]
      .map(([state, policy]) => `${state}@${policy.body.version}`)
      .sort()
      .join(',');
    return { fieldPolicies, policyVersions };
  }

  private async load(): Promise<Omit<DirectorySnapshot, keyof FieldPolicies>> {
    const [users, entries, states, domains, freshnessDays] = await Promise.all([
      this.deps.users.activeFocalPoints(),
      this.deps.entries.all(),
      this.deps.states.all(),
      this.deps.domains.all(),
      this.deps.settings.get(FRESHNESS_SETTING, DEFAULT_FRESHNESS_DAYS),
    ]);
    const entryOf = new Map(entries.map((entry) => [entry.userId, entry]));
    // A retired domain counts for no state, even one whose participation was changed while it was being retired.
    const retired = new Set(domains.filter((domain) => domain.retiredAt !== undefined).map((domain) => domain.code));
    const stateOf = new Map(
      states.map((state) => [
        state.code,
        { ...state, domains: state.domains.filter((domain) => !retired.has(domain)) },
      ]),
    );
    const records: IndexedRecord[] = [];
    for (const user of users) {
      const entry = entryOf.get(user.id);
      const participating = new Set(stateOf.get(user.state ?? '')?.domains ?? []);
      const names = [
        user.displayName,
        entry?.name?.en,
        entry?.name?.ru,
        entry?.authority?.en,
        entry?.authority?.ru,
      ].filter(Boolean);
      records.push({
        user,
        entry,
        domains: user.domains.filter((domain) => participating.has(domain)),
        searchText: names.join(' \u0000 ').toLowerCase(),
        sortName: (entry?.name?.en ?? user.displayName).toLowerCase(),
        fingerprint: user.keys ? await keyFingerprint(fromBase64Url(user.keys.identityKey)) : null,
        previousKeys: await indexKeyHistory(user),
        lastConfirmedAt: entry?.lastConfirmedAt ?? user.createdAt,
        state: user.state ?? '',
        languages: new Set(entry?.languages ?? []),
        role: entry?.role ?? null,
        available24x7: entry?.available24x7 ?? false,
        position: records.length,
      });
    }
    const collator = new Intl.Collator('en', { sensitivity: 'base' });
    const byName = (a: IndexedRecord, b: IndexedRecord): number =>
      collator.compare(a.sortName, b.sortName) || a.user.id.localeCompare(b.user.id);
    const sorted = {
      name: [...records].sort(byName),
      state: [...records].sort((a, b) => (a.user.state ?? '').localeCompare(b.user.state ?? '') || byName(a, b)),
      lastConfirmed: [...records].sort(
        (a, b) => b.lastConfirmedAt.getTime() - a.lastConfirmedAt.getTime() || a.user.id.localeCompare(b.user.id),
      ),
    };
    return {
      records,
      sorted,
      byUserId: new Map(records.map((r) => [r.user.id, r])),
      awayWithDeputy: groupByDeputy(records),
      search: new SearchIndex(records),
      states: stateOf,
      domains: new Map(domains.map((d) => [d.code, d])),
      freshnessDays,
    };
  }
}

function groupByDeputy(records: readonly IndexedRecord[]): Map<string, IndexedRecord[]> {
  const byDeputy = new Map<string, IndexedRecord[]>();
  for (const record of records) {
    const deputyId = record.entry?.away?.deputyUserId;
    if (deputyId) byDeputy.set(deputyId, [...(byDeputy.get(deputyId) ?? []), record]);
  }
  return byDeputy;
}
