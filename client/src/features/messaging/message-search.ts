import type { HistoryPage, ReceivedMessage } from '../../../sdk/index';

/** Messages read per history request while searching. */
export const SEARCH_PAGE_SIZE = 100;
/** Shorter queries match nearly everything and are refused. */
export const MIN_QUERY_LENGTH = 2;

/** Where the first hit of a result is: `source` is the message text or a file name; offsets are UTF-16 indexes into it. */
export interface SearchHit {
  readonly in: 'text' | 'attachment';
  readonly source: string;
  readonly start: number;
  readonly end: number;
}

export interface SearchMatch {
  readonly message: ReceivedMessage;
  readonly hit: SearchHit;
}

/** A history filter as `MessagingStore.history` takes it. */
export type ReadPage = (filter: { limit: number; before?: string; beforeId?: string }) => Promise<HistoryPage>;

export interface SearchOutcome {
  /** In history order: newest first. */
  readonly matches: SearchMatch[];
  /** Where the next (older) search starts; both absent once history is exhausted. */
  readonly before?: string;
  readonly beforeId?: string;
  readonly exhausted: boolean;
  /** Free messages read (receipts and requests are not counted). */
  readonly scanned: number;
}

/** Folded text plus, for each of its characters, the range of the original it came from. */
interface Folded {
  readonly text: string;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

// Whitespace runs, and each character with its combining marks: NFKC composes within such a chunk.
const CHUNK = /\s+|\P{M}\p{M}*|\p{M}+/gu;

/** Case-folded, NFKC, whitespace runs as one space; offsets map back so a hit can be marked in the original. */
function fold(original: string): Folded {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const chunk of original.matchAll(CHUNK)) {
    const start = chunk.index;
    const piece = /^\s/u.test(chunk[0]) ? ' ' : chunk[0].normalize('NFKC').toLowerCase();
    for (let i = 0; i < piece.length; i++) {
      starts.push(start);
      ends.push(start + chunk[0].length);
    }
    text += piece;
  }
  return { text, starts, ends };
}

/** The words of a query, folded like the messages; empty when nothing is left to search for. */
export function queryTerms(query: string): string[] {
  return [...new Set(fold(query).text.split(' ').filter(Boolean))];
}

export const isSearchable = (query: string): boolean => fold(query).text.trim().length >= MIN_QUERY_LENGTH;

/** The earliest occurrence of any term in `source`, in the original's offsets. */
function firstHit(source: string, terms: readonly string[]): { start: number; end: number } | undefined {
  const folded = fold(source);
  let best: { at: number; length: number } | undefined;
  for (const term of terms) {
    const at = folded.text.indexOf(term);
    if (at >= 0 && (!best || at < best.at || (at === best.at && term.length > best.length)))
      best = { at, length: term.length };
  }
  if (!best) return undefined;
  return { start: folded.starts[best.at] ?? 0, end: folded.ends[best.at + best.length - 1] ?? source.length };
}

/**
 * A matcher for a query: a free message matches when every word of the query appears, in any
 * order, in its text or its attachments' file names. Receipts and requests never match.
 */
export function matcherFor(query: string): (message: ReceivedMessage) => SearchMatch | undefined {
  const terms = queryTerms(query);
  return (message) => {
    if (terms.length === 0 || message.kind !== 'message') return undefined;
    const names = message.attachments.map((attachment) => attachment.name);
    // Words never hold a space, so a space between the fields keeps a word from spanning two.
    const haystack = fold([message.text, ...names].join(' ')).text;
    if (!terms.every((term) => haystack.includes(term))) return undefined;
    const inText = firstHit(message.text, terms);
    if (inText) return { message, hit: { in: 'text', source: message.text, ...inText } };
    for (const name of names) {
      const inName = firstHit(name, terms);
      if (inName) return { message, hit: { in: 'attachment', source: name, ...inName } };
    }
    return undefined;
  };
}

/** The matches among `messages`, newest first (for messages that arrived in this tab). */
export function searchMessages(messages: readonly ReceivedMessage[], query: string): SearchMatch[] {
  const match = matcherFor(query);
  return messages.flatMap((message) => match(message) ?? []).sort(newestFirst);
}

export const newestFirst = (a: SearchMatch, b: SearchMatch): number =>
  b.message.storedAt.localeCompare(a.message.storedAt) || b.message.ts - a.message.ts;

/**
 * Reads history from newest to oldest (from `before`/`beforeId` when given) and matches each page,
 * stopping after `maxPages` pages or at the end of history. The server cannot search ciphertext,
 * so this is the search: over what this browser decrypts.
 */
export async function searchHistory(
  readPage: ReadPage,
  query: string,
  options: { maxPages: number; before?: string; beforeId?: string },
): Promise<SearchOutcome> {
  if (!isSearchable(query)) throw new RangeError(`a search needs at least ${MIN_QUERY_LENGTH} characters`);
  const match = matcherFor(query);
  const matches: SearchMatch[] = [];
  let cursor =
    options.before !== undefined && options.beforeId !== undefined
      ? { before: options.before, beforeId: options.beforeId }
      : undefined;
  let scanned = 0;
  for (let pages = 0; pages < options.maxPages; pages++) {
    const page = await readPage({ limit: SEARCH_PAGE_SIZE, ...cursor });
    for (const message of page.messages) {
      if (message.kind !== 'message') continue;
      scanned++;
      const found = match(message);
      if (found) matches.push(found);
    }
    if (page.before === undefined || page.beforeId === undefined) return { matches, exhausted: true, scanned };
    cursor = { before: page.before, beforeId: page.beforeId };
  }
  return { matches, exhausted: false, scanned, ...cursor };
}

/** The address of a search, so it can be bookmarked and reloaded. */
export const searchPath = (query: string): string =>
  `/messages/search?${new URLSearchParams({ q: query.trim() }).toString()}`;

/** The query of a search address (`?q=…`), cut to a sane length. */
export const queryFromSearch = (search: string): string => (new URLSearchParams(search).get('q') ?? '').slice(0, 200);

/** The text around a hit, cut at word boundaries: what a result shows, with `hit` to be marked. */
export function snippetOf(hit: SearchHit, radius = 60): { before: string; hit: string; after: string } {
  const { source, start, end } = hit;
  let from = Math.max(0, start - radius);
  let to = Math.min(source.length, end + radius * 2);
  // Whole words only: start after the first space of the lead, end at the last space of the tail.
  const lead = from > 0 ? source.slice(from, start).search(/\s/u) : -1;
  if (lead >= 0) from += lead + 1;
  const tail = to < source.length ? source.slice(end, to).search(/\s\S*$/u) : -1;
  if (tail >= 0) to = end + tail;
  const flat = (text: string): string => text.replace(/\s+/gu, ' ');
  return {
    before: `${from > 0 ? '…' : ''}${flat(source.slice(from, start))}`,
    hit: source.slice(start, end),
    after: `${flat(source.slice(end, to))}${to < source.length ? '…' : ''}`,
  };
}
