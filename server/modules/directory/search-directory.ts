import type { DirectoryPage, DirectorySearchQuery } from '../../../shared/schemas/directory.js';
import type { DirectorySnapshot, IndexedRecord } from './directory-index.js';
import { toEntryView, type Reader } from './entry-view.js';
import { SearchIndex } from './search-index.js';

/**
 * Match with the snapshot's search index, then walk the records pre-sorted in the requested
 * order until the page is full; only the page's entries are projected for this reader's
 * visibility.
 */
export function searchDirectory(
  directory: DirectorySnapshot,
  query: DirectorySearchQuery,
  reader: Reader,
  now: Date,
): DirectoryPage {
  const matches = directory.search.match(query, now, directory.freshnessDays);
  const total = SearchIndex.count(matches);
  const start = (query.page - 1) * query.pageSize;
  const page: IndexedRecord[] = [];
  let seen = 0;
  for (const record of directory.sorted[query.sort]) {
    if (page.length >= query.pageSize || seen >= total) break;
    if (!SearchIndex.has(matches, record.position)) continue;
    if (seen >= start) page.push(record);
    seen += 1;
  }
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    entries: page.map((record) => toEntryView(record, directory, reader, now)),
  };
}
