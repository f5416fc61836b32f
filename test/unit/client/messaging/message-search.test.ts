import { expect } from 'chai';
import type { AttachmentRef, HistoryPage, ReceivedMessage } from '../../../../client/sdk/index.js';
import {
  isSearchable,
  matcherFor,
  queryFromSearch,
  searchHistory,
  searchMessages,
  searchPath,
  snippetOf,
  type ReadPage,
} from '../../../../client/src/features/messaging/message-search.js';

const ME = 'a'.repeat(24);
const KG = 'b'.repeat(24);

let serial = 0;
function message(overrides: Partial<ReceivedMessage>): ReceivedMessage {
  serial++;
  return {
    id: String(serial).padStart(24, '0'),
    msgId: `m${serial}`,
    kind: 'message',
    from: { userId: ME, state: 'KZ' },
    to: [{ userId: KG, state: 'KG' }],
    labels: { domain: 'border', category: 'general', classification: 'restricted', handling: 'H1' },
    ts: serial,
    storedAt: '2026-01-01T00:00:00.000Z',
    outgoing: true,
    text: '',
    attachments: [],
    content: {},
    conditions: {},
    ...overrides,
  };
}

const file = (name: string): AttachmentRef => ({
  id: 'f'.repeat(24),
  name,
  type: 'application/pdf',
  size: 10,
  fileKey: 'k',
  header: 'h',
});

/** The marked part of a match, as the results page shows it. */
const marked = (query: string, m: ReceivedMessage): string | undefined => {
  const found = matcherFor(query)(m);
  return found && found.hit.source.slice(found.hit.start, found.hit.end);
};

describe('search in my messages: the matcher', () => {
  it('ignores case and marks the hit as written', () => {
    const m = message({ text: 'Passport KZ0007001 reported stolen.' });
    expect(marked('kz0007001', m)).to.equal('KZ0007001');
    expect(marked('PASSPORT', m)).to.equal('Passport');
    expect(matcherFor('KZ0007002')(m)).to.equal(undefined);
  });

  it('matches Cyrillic text in any case, and text written with compatibility forms (NFKC)', () => {
    const m = message({ text: 'Паспорт ПРОВЕРЕН на посту Жибек-Жолу' });
    expect(marked('проверен', m)).to.equal('ПРОВЕРЕН');
    expect(marked('ЖИБЕК', m)).to.equal('Жибек');
    // Full-width digits and a ligature fold to plain ones; a composed letter matches its decomposed form.
    expect(marked('kz123', message({ text: 'see ＫＺ１２３ now' }))).to.equal('ＫＺ１２３');
    expect(marked('file', message({ text: 'the ﬁle' }))).to.equal('ﬁle');
    expect(marked('café', message({ text: 'cafe\u0301 near crossing' }))).to.equal('cafe\u0301');
  });

  it('needs every word, in any order, with any spacing', () => {
    const m = message({ text: 'Stolen passport\n\nat crossing   3' });
    expect(matcherFor('crossing stolen')(m)).to.not.equal(undefined);
    expect(matcherFor('  stolen    passport ')(m)).to.not.equal(undefined);
    expect(matcherFor('passport at crossing 3')(m)).to.not.equal(undefined);
    expect(matcherFor('stolen visa')(m)).to.equal(undefined);
    // The first hit is the earliest, whichever word of the query it is.
    expect(marked('crossing stolen', m)).to.equal('Stolen');
  });

  it('searches file names too, marking the name when the text has no hit', () => {
    const m = message({ text: 'Scan attached.', attachments: [file('notes.txt'), file('Passport-KZ0007001.pdf')] });
    const found = matcherFor('kz0007001')(m);
    expect(found?.hit.in).to.equal('attachment');
    expect(found && found.hit.source.slice(found.hit.start, found.hit.end)).to.equal('KZ0007001');
    // Words may be split between the text and a file name; the text's hit is shown first.
    expect(matcherFor('scan kz0007001')(m)?.hit.in).to.equal('text');
    // A word does not span the text and a name.
    expect(matcherFor('attached.notes')(m)).to.equal(undefined);
  });

  it('receipts, requests and empty queries never match', () => {
    expect(matcherFor('stolen')(message({ kind: 'receipt', text: 'stolen' }))).to.equal(undefined);
    expect(matcherFor('stolen')(message({ kind: 'request:document-check', text: 'stolen' }))).to.equal(undefined);
    expect(matcherFor('   ')(message({ text: 'stolen' }))).to.equal(undefined);
  });

  it('queries shorter than two characters are not searchable', () => {
    expect(isSearchable('')).to.equal(false);
    expect(isSearchable(' a ')).to.equal(false);
    expect(isSearchable('ab')).to.equal(true);
    expect(isSearchable('жб')).to.equal(true);
  });

  it('messages that arrived in the tab are searched newest first', () => {
    const older = message({ text: 'stolen car', storedAt: '2026-01-01T00:00:00.000Z' });
    const newer = message({ text: 'stolen passport', storedAt: '2026-01-02T00:00:00.000Z' });
    expect(searchMessages([older, message({ text: 'other' }), newer], 'stolen').map((m) => m.message.id)).to.deep.equal(
      [newer.id, older.id],
    );
  });

  it('a snippet keeps whole words around the hit, with … where text was cut', () => {
    const text = `${'word '.repeat(30)}KZ0007001 ${'tail '.repeat(50)}`;
    const found = matcherFor('kz0007001')(message({ text }));
    const snippet = found && snippetOf(found.hit);
    expect(snippet?.hit).to.equal('KZ0007001');
    expect(snippet?.before)
      .to.match(/^…word /)
      .and.match(/word $/);
    expect(snippet?.after)
      .to.match(/^ tail /)
      .and.match(/tail…$/);
    expect(snippetOf({ in: 'text', source: 'a KZ1 b', start: 2, end: 5 })).to.deep.equal({
      before: 'a ',
      hit: 'KZ1',
      after: ' b',
    });
  });

  it('the query lives in the address', () => {
    expect(searchPath(' паспорт KZ ')).to.equal('/messages/search?q=%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82+KZ');
    expect(queryFromSearch(searchPath('паспорт KZ').slice('/messages/search'.length))).to.equal('паспорт KZ');
    expect(queryFromSearch('')).to.equal('');
  });
});

describe('search in my messages: reading history page by page', () => {
  /** Three pages of history, newest first; page n matches "stolen" once and holds a receipt-kind message. */
  const pages: HistoryPage[] = [0, 1, 2].map((n) => ({
    messages: [
      message({ text: `stolen passport ${n}`, storedAt: `2026-01-0${9 - n}T12:00:00.000Z` }),
      message({ text: `nothing here ${n}`, storedAt: `2026-01-0${9 - n}T11:00:00.000Z` }),
      message({ kind: 'receipt', text: 'stolen', storedAt: `2026-01-0${9 - n}T10:00:00.000Z` }),
    ],
    receipts: [],
    rejected: [],
    ...(n < 2 ? { before: `cursor-${n}`, beforeId: `id-${n}` } : {}),
  }));
  const reads: { limit: number; before?: string; beforeId?: string }[] = [];
  const readPage: ReadPage = async (filter) => {
    reads.push(filter);
    const index = filter.before === undefined ? 0 : Number(filter.before.slice('cursor-'.length)) + 1;
    const page = pages[index];
    if (!page || (filter.before !== undefined && filter.beforeId !== `id-${index - 1}`))
      throw new Error(`no page after ${filter.before}`);
    return page;
  };
  beforeEach(() => {
    reads.length = 0;
  });

  it('stops after maxPages and says where to go on', async () => {
    const outcome = await searchHistory(readPage, 'STOLEN', { maxPages: 2 });
    expect(outcome.matches.map((m) => m.message.text)).to.deep.equal(['stolen passport 0', 'stolen passport 1']);
    expect(outcome).to.include({ exhausted: false, scanned: 4, before: 'cursor-1', beforeId: 'id-1' });
    expect(reads).to.deep.equal([{ limit: 100 }, { limit: 100, before: 'cursor-0', beforeId: 'id-0' }]);
  });

  it('resumes from before/beforeId and reports the end of history', async () => {
    const outcome = await searchHistory(readPage, 'stolen', { maxPages: 5, before: 'cursor-1', beforeId: 'id-1' });
    expect(outcome.matches.map((m) => m.message.text)).to.deep.equal(['stolen passport 2']);
    expect(outcome.exhausted).to.equal(true);
    expect(outcome.scanned).to.equal(2);
    expect(outcome).to.not.have.any.keys('before', 'beforeId');
    expect(reads).to.deep.equal([{ limit: 100, before: 'cursor-1', beforeId: 'id-1' }]);
  });

  it('reads the whole history when it is shorter than maxPages', async () => {
    const outcome = await searchHistory(readPage, 'passport stolen', { maxPages: 5 });
    expect(outcome.matches).to.have.length(3);
    expect(outcome).to.include({ exhausted: true, scanned: 6 });
    expect(reads).to.have.length(3);
  });

  it('refuses a too short query without reading anything', async () => {
    let error: unknown;
    await searchHistory(readPage, 'x', { maxPages: 5 }).catch((caught: unknown) => {
      error = caught;
    });
    expect(error).to.be.instanceOf(RangeError);
    expect(reads).to.deep.equal([]);
  });
});
