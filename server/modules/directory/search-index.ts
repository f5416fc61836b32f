import type { DirectorySearchQuery } from '../../../shared/schemas/directory.js';
import { andInto, countBits, emptyBits, hasBit, setBit, type Bitset } from './bitset.js';
import { SubstringPostings } from './substring-postings.js';

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

/**
 * Posting lists as bitsets over the snapshot's records: one per domain, state, language, role
 * and 24/7 flag. A query ANDs a handful of them (a few hundred 32-bit words for 10,000 records)
 * and narrows free text with substring posting lists, testing the text only of what is left,
 * instead of running every predicate on every record on every request.
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
  private readonly text: SubstringPostings;

  constructor(private readonly records: readonly SearchableRecord[]) {
    this.words = Math.ceil(records.length / 32);
    this.anyDomain = emptyBits(this.words);
    this.roundTheClock = emptyBits(this.words);
    this.lastConfirmedMs = new Float64Array(records.length);
    this.text = new SubstringPostings(
      records.map((record) => record.searchText),
      this.words,
    );
    records.forEach((record, position) => {
      for (const domain of record.domains) this.set(this.byDomain, domain, position);
      if (record.domains.length > 0) setBit(this.anyDomain, position);
      this.set(this.byState, record.state, position);
      for (const language of record.languages) this.set(this.byLanguage, language, position);
      if (record.role) this.set(this.byRole, record.role, position);
      if (record.available24x7) setBit(this.roundTheClock, position);
      this.lastConfirmedMs[position] = record.lastConfirmedAt.getTime();
    });
  }

  /** Positions of the records matching every filter of the query. */
  match(query: DirectorySearchQuery, now: Date, freshnessDays: number): Bitset {
    // A person is found only for domains their state takes part in; with none, not at all.
    const result = (query.domain ? (this.byDomain.get(query.domain) ?? emptyBits(this.words)) : this.anyDomain).slice();
    if (query.state?.length) andInto(result, this.union(query.state.map((state) => this.byState.get(state))));
    if (query.language) andInto(result, this.byLanguage.get(query.language));
    if (query.role) andInto(result, this.byRole.get(query.role));
    if (query.available24x7 !== undefined) andInto(result, this.roundTheClock, !query.available24x7);
    if (query.stale !== undefined) {
      const staleBefore = now.getTime() - freshnessDays * DAY_MS;
      this.keepWhere(result, (position) => (this.lastConfirmedMs[position] ?? 0) < staleBefore === query.stale);
    }
    const words = query.q ? query.q.toLowerCase().split(/\s+/).filter(Boolean) : [];
    if (words.length > 0) this.keepContaining(result, words);
    return result;
  }

  static has(bits: Bitset, position: number): boolean {
    return hasBit(bits, position);
  }

  static count(bits: Bitset): number {
    return countBits(bits);
  }

  /** result &= records whose search text contains every word: all narrowing first, then the text check on what is left. */
  private keepContaining(result: Bitset, words: string[]): void {
    const toCheck: string[] = [];
    for (const word of words) {
      const narrowed = this.text.narrow(word);
      for (const set of narrowed?.sets ?? []) andInto(result, set);
      if (!narrowed?.exact) toCheck.push(word);
    }
    if (toCheck.length > 0)
      this.keepWhere(result, (position) => toCheck.every((word) => this.records[position]?.searchText.includes(word)));
  }

  private set(lists: Map<string, Bitset>, key: string, position: number): void {
    let bits = lists.get(key);
    if (!bits) lists.set(key, (bits = emptyBits(this.words)));
    setBit(bits, position);
  }

  private union(lists: ReadonlyArray<Bitset | undefined>): Bitset {
    const result = emptyBits(this.words);
    for (const bits of lists)
      if (bits) for (let i = 0; i < this.words; i++) result[i] = (result[i] ?? 0) | (bits[i] ?? 0);
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
