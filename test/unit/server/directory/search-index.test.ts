import { expect } from 'chai';
import fc from 'fast-check';
import type { DirectorySearchQuery } from '../../../../shared/schemas/directory.js';
import { SearchIndex, type SearchableRecord } from '../../../../server/modules/directory/search-index.js';

const DAY_MS = 86_400_000;
const NOW = new Date('2026-11-28T00:00:00Z');
const DOMAINS = ['border', 'law-enforcement', 'economic-crime', 'non-proliferation'] as const;
const STATES = ['KZ', 'RU', 'CN', 'TR'];
const LANGUAGES = ['ru', 'en', 'kk'];
const WORDS = ['customs', 'police', 'финансовый', 'border agency'];

const record: fc.Arbitrary<SearchableRecord> = fc.record({
  domains: fc.subarray([...DOMAINS]),
  state: fc.constantFrom(...STATES),
  languages: fc.subarray(LANGUAGES).map((list) => new Set(list)),
  role: fc.constantFrom('policy' as const, 'operational' as const, null),
  available24x7: fc.boolean(),
  searchText: fc.subarray(WORDS).map((list) => list.join(' \u0000 ')),
  lastConfirmedAt: fc.integer({ min: 0, max: 400 }).map((days) => new Date(NOW.getTime() - days * DAY_MS)),
});

const query: fc.Arbitrary<DirectorySearchQuery> = fc
  .record({
    q: fc.option(fc.constantFrom('customs', 'POLICE', 'border agency', 'фин', 'nothing'), { nil: undefined }),
    domain: fc.option(fc.constantFrom(...DOMAINS), { nil: undefined }),
    state: fc.option(fc.subarray(STATES, { minLength: 1 }), { nil: undefined }),
    language: fc.option(fc.constantFrom(...LANGUAGES, 'zh'), { nil: undefined }),
    role: fc.option(fc.constantFrom('policy' as const, 'operational' as const), { nil: undefined }),
    available24x7: fc.option(fc.boolean(), { nil: undefined }),
    stale: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(
    (q) =>
      ({
        ...Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)),
        sort: 'name' as const,
        page: 1,
        pageSize: 25,
      }) as DirectorySearchQuery,
  );

/** The obvious per-record predicate the index must agree with. */
function naiveMatch(r: SearchableRecord, q: DirectorySearchQuery, freshnessDays: number): boolean {
  if (q.domain ? !r.domains.includes(q.domain) : r.domains.length === 0) return false;
  if (q.state?.length && !q.state.includes(r.state as never)) return false;
  if (q.language && !r.languages.has(q.language)) return false;
  if (q.role && r.role !== q.role) return false;
  if (q.available24x7 !== undefined && r.available24x7 !== q.available24x7) return false;
  if (q.stale !== undefined && r.lastConfirmedAt.getTime() < NOW.getTime() - freshnessDays * DAY_MS !== q.stale)
    return false;
  const words = q.q ? q.q.toLowerCase().split(/\s+/).filter(Boolean) : [];
  return words.every((word) => r.searchText.includes(word));
}

describe('directory search index', () => {
  it('matches exactly the records the per-record predicate matches, for any records and query', () => {
    // Up to 100 records crosses several 32-bit words, so word boundaries are exercised.
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 100 }),
        query,
        fc.integer({ min: 7, max: 365 }),
        (records, q, freshnessDays) => {
          const bits = new SearchIndex(records).match(q, NOW, freshnessDays);
          const expected = records.flatMap((r, position) => (naiveMatch(r, q, freshnessDays) ? [position] : []));
          const actual = records.flatMap((_, position) => (SearchIndex.has(bits, position) ? [position] : []));
          expect(actual).to.deep.equal(expected);
          expect(SearchIndex.count(bits)).to.equal(expected.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds exactly the records whose text contains every query word, for any text and words', () => {
    // A small alphabet makes near misses common: texts holding every trigram of a word but not
    // the word ("abca bcab" for "abcab"), words of one to six characters, separators, Cyrillic.
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c', 'ф', ' ', ' \u0000 '), { maxLength: 16 })
      .map((chars) => chars.join(''));
    const word = fc
      .array(fc.constantFrom('a', 'b', 'c', 'ф'), { minLength: 1, maxLength: 6 })
      .map((chars) => chars.join(''));
    // Near misses on purpose: texts with the query words' trigrams as separate words.
    const trigramsOf = (w: string): string =>
      Array.from({ length: Math.max(0, w.length - 2) }, (_, i) => w.slice(i, i + 3)).join(' ');
    const input = fc.array(word, { minLength: 1, maxLength: 3 }).chain((words) =>
      fc.tuple(
        fc.array(fc.oneof(text, fc.constantFrom(...words.map(trigramsOf)), fc.constantFrom(...words)), {
          maxLength: 80,
        }),
        fc.constant(words),
      ),
    );
    fc.assert(
      fc.property(input, ([searchTexts, words]) => {
        const records = searchTexts.map((searchText): SearchableRecord => ({
          domains: ['border'],
          state: 'KZ',
          languages: new Set(),
          role: null,
          available24x7: false,
          searchText,
          lastConfirmedAt: NOW,
        }));
        const q = { q: words.join(' '), sort: 'name', page: 1, pageSize: 25 } as const;
        const bits = new SearchIndex(records).match(q, NOW, 180);
        const expected = records.flatMap((r, position) => (naiveMatch(r, q, 180) ? [position] : []));
        expect(records.flatMap((_, position) => (SearchIndex.has(bits, position) ? [position] : []))).to.deep.equal(
          expected,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('does not let one query change the posting lists another query reads', () => {
    const records: SearchableRecord[] = [
      {
        domains: ['border'],
        state: 'KZ',
        languages: new Set(['ru']),
        role: 'policy',
        available24x7: true,
        searchText: 'customs',
        lastConfirmedAt: NOW,
      },
      {
        domains: ['border'],
        state: 'RU',
        languages: new Set(['en']),
        role: null,
        available24x7: false,
        searchText: 'police',
        lastConfirmedAt: NOW,
      },
    ];
    const index = new SearchIndex(records);
    const base = { sort: 'name', page: 1, pageSize: 25 } as const;
    expect(SearchIndex.count(index.match({ ...base, domain: 'border', state: ['KZ'] }, NOW, 180))).to.equal(1);
    expect(SearchIndex.count(index.match({ ...base, domain: 'border' }, NOW, 180))).to.equal(2);
  });
});
