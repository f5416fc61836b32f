import type { DirectoryPage, DirectorySearchQuery } from '../../../shared/schemas/directory.js';
import type { DirectorySnapshot, IndexedRecord } from './directory-index.js';
import { toEntryView, type Reader } from './entry-view.js';

type Filter = (record: IndexedRecord) => boolean;

/** One predicate for the whole query, reading only precomputed record fields. */
function compileFilter(query: DirectorySearchQuery, directory: DirectorySnapshot, now: Date): Filter {
  const domain = query.domain;
  const states = query.state?.length ? new Set<string>(query.state) : undefined;
  const { language, role, available24x7, stale } = query;
  const words = query.q ? query.q.toLowerCase().split(/\s+/).filter(Boolean) : [];
  const staleBefore = now.getTime() - directory.freshnessDays * 86_400_000;
  return (r) => {
    // A person is found only for domains their state takes part in; with none, not at all.
    if (domain ? !r.domains.includes(domain) : r.domains.length === 0) return false;
    if (states && !states.has(r.state)) return false;
    if (language && !r.languages.has(language)) return false;
    if (role && r.role !== role) return false;
    if (available24x7 !== undefined && r.available24x7 !== available24x7) return false;
    if (stale !== undefined && (r.lastConfirmedAt.getTime() < staleBefore) !== stale) return false;
    for (const word of words) if (!r.searchText.includes(word)) return false;
    return true;
  };
}

/**
 * Filter and page over records pre-sorted in the requested order; only the page's entries are
 * projected for this reader's visibility.
 */
export function searchDirectory(directory: DirectorySnapshot, query: DirectorySearchQuery, reader: Reader, now: Date): DirectoryPage {
  const keep = compileFilter(query, directory, now);
  const start = (query.page - 1) * query.pageSize;
  const page: IndexedRecord[] = [];
  let total = 0;
  for (const record of directory.sorted[query.sort]) {
    if (!keep(record)) continue;
    if (total >= start && page.length < query.pageSize) page.push(record);
    total += 1;
  }
  return { total, page: query.page, pageSize: query.pageSize, entries: page.map((record) => toEntryView(record, directory, reader, now)) };
}
