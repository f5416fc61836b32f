import type { DirectorySearchQuery } from '../../../shared/schemas/directory.js';

/** What the search index needs of a record (directory-index.ts's IndexedRecord has more). */
export interface SearchableRecord {
  domains: readonly string[];
  state: string;
  languages: ReadonlySet<string>;
  role: 'policy' | 'operational' | null;
  available24x7: boolean;
  searchText: string;
  lastConfirmedAt: Date;
}

const DAY_MS = 86_400_000;

/** A set of record positions, one bit each. */
type Bitset = Uint32Array;

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Posting lists as bitsets over the snapshot's records: one per domain, state, language, role
 * and 24/7 flag. A query ANDs a handful of them (a few hundred 32-bit words for 10,000 records)
 * and tests free text only on what is left, instead of running every predicate on every record
 * on every request.
 */
export class SearchIndex {
  private readonly words: number;
  private readonly byDomain = new Map<string, Bitset>();
  private readonly byState = new Map<string, Bitset>();
  private readonly byLanguage = new Map<string, Bitset>();
  private readonly byRole = new Map<string, Bitset>();
  private readonly anyDomain: Bitset;
  private readonly roundTheClock: Bitset;
  private readonly lastConfirmedMs: Float64Array;

  constructor(private readonly records: readonly SearchableRecord[]) {
    this.words = Math.ceil(records.length / 32);
    this.anyDomain = this.empty();
    this.roundTheClock = this.empty();
    this.lastConfirmedMs = new Float64Array(records.length);
    records.forEach((record, position) => {
      for (const domain of record.domains) this.set(this.byDomain, domain, position);
      if (record.domains.length > 0) this.setBit(this.anyDomain, position);
      this.set(this.byState, record.state, position);
      for (const language of record.languages) this.set(this.byLanguage, language, position);
      if (record.role) this.set(this.byRole, record.role, position);
      if (record.available24x7) this.setBit(this.roundTheClock, position);
      this.lastConfirmedMs[position] = record.lastConfirmedAt.getTime();
    });
  }

  /** Positions of the records matching every filter of the query. */
  match(query: DirectorySearchQuery, now: Date, freshnessDays: number): Bitset {
    // A person is found only for domains their state takes part in; with none, not at all.
    const result = (query.domain ? this.byDomain.get(query.domain) ?? this.empty() : this.anyDomain).slice();
    if (query.state?.length) this.and(result, this.union(query.state.map((state) => this.byState.get(state))));
    if (query.language) this.and(result, this.byLanguage.get(query.language));
    if (query.role) this.and(result, this.byRole.get(query.role));
    if (query.available24x7 !== undefined) this.and(result, this.roundTheClock, !query.available24x7);
    if (query.stale !== undefined) {
      const staleBefore = now.getTime() - freshnessDays * DAY_MS;
      this.keepWhere(result, (position) => ((this.lastConfirmedMs[position] ?? 0) < staleBefore) === query.stale);
    }
    const words = query.q ? query.q.toLowerCase().split(/\s+/).filter(Boolean) : [];
    if (words.length > 0) this.keepWhere(result, (position) => words.every((word) => this.records[position]?.searchText.includes(word)));
    return result;
  }

  static has(bits: Bitset, position: number): boolean {
    return ((bits[position >>> 5] ?? 0) & (1 << (position & 31))) !== 0;
  }

  static count(bits: Bitset): number {
    let total = 0;
    for (const word of bits) total += popcount(word);
    return total;
  }

  private empty(): Bitset {
    return new Uint32Array(this.words);
  }

  private setBit(bits: Bitset, position: number): void {
    bits[position >>> 5] = (bits[position >>> 5] ?? 0) | (1 << (position & 31));
  }

  private set(lists: Map<string, Bitset>, key: string, position: number): void {
    let bits = lists.get(key);
    if (!bits) lists.set(key, (bits = this.empty()));
    this.setBit(bits, position);
  }

  /** result &= other (or &= ~other); a missing list matches nothing. */
  private and(result: Bitset, other: Bitset | undefined, negate = false): void {
    for (let i = 0; i < this.words; i++) {
      const word = other?.[i] ?? 0;
      result[i] = (result[i] ?? 0) & (negate ? ~word : word);
    }
  }

  private union(lists: ReadonlyArray<Bitset | undefined>): Bitset {
    const result = this.empty();
    for (const bits of lists) if (bits) for (let i = 0; i < this.words; i++) result[i] = (result[i] ?? 0) | (bits[i] ?? 0);
    return result;
  }

  /** Clears the bits of candidates that fail `test`; visits set bits only. */
  private keepWhere(result: Bitset, test: (position: number) => boolean): void {
    for (let i = 0; i < this.words; i++) {
      let word = result[i] ?? 0;
      let kept = word;
      while (word !== 0) {
        const low = word & -word;
        const position = i * 32 + 31 - Math.clz32(low);
        if (!test(position)) kept &= ~low;
        word &= word - 1;
      }
      result[i] = kept;
    }
  }
}
