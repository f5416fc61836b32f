import type { DirectoryPage, DirectorySearchQuery } from '../../../shared/schemas/directory.js';
import type { DirectorySnapshot, IndexedRecord } from './directory-index.js';
import { isStale, toEntryView, type Reader } from './entry-view.js';

type Filter = (record: IndexedRecord) => boolean;

function filters(query: DirectorySearchQuery, directory: DirectorySnapshot, now: Date): Filter[] {
  const list: Filter[] = [];
  if (query.domain) {
    const domain = query.domain;
    list.push((r) => r.domains.includes(domain));
  } else {
    list.push((r) => r.domains.length > 0); // a state outside every domain is not in the directory
  }
  if (query.state?.length) {
    const states = new Set<string>(query.state);
    list.push((r) => states.has(r.user.state ?? ''));
  }
  if (query.language) {
    const language = query.language;
    list.push((r) => r.entry?.languages.includes(language) ?? false);
  }
  if (query.role) {
    const role = query.role;
    list.push((r) => r.entry?.role === role);
  }
  if (query.available24x7 !== undefined) {
    const wanted = query.available24x7;
    list.push((r) => (r.entry?.available24x7 ?? false) === wanted);
  }
  if (query.stale !== undefined) {
    const wanted = query.stale;
    list.push((r) => isStale(r, now, directory.freshnessDays) === wanted);
  }
  if (query.q) {
    const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
    list.push((r) => words.every((word) => r.searchText.includes(word)));
  }
  return list;
}

/**
 * Filter and page over records pre-sorted in the requested order; only the page's entries are
 * projected for this reader's visibility.
 */
export function searchDirectory(directory: DirectorySnapshot, query: DirectorySearchQuery, reader: Reader, now: Date): DirectoryPage {
  const active = filters(query, directory, now);
  const start = (query.page - 1) * query.pageSize;
  const page: IndexedRecord[] = [];
  let total = 0;
  for (const record of directory.sorted[query.sort]) {
    if (!active.every((keep) => keep(record))) continue;
    if (total >= start && page.length < query.pageSize) page.push(record);
    total += 1;
  }
  return { total, page: query.page, pageSize: query.pageSize, entries: page.map((record) => toEntryView(record, directory, reader, now)) };
}
