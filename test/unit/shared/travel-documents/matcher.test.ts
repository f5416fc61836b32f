import { expect } from 'chai';
import { bucketPrefixChars, ListingMatcher } from '../../../../shared/travel-documents/matcher.js';
import { decodeSync, encodeSync, type SyncRecord } from '../../../../shared/travel-documents/sync-format.js';

const tag = (n: number): Uint8Array => {
  const bytes = new Uint8Array(32);
  new DataView(bytes.buffer).setUint32(0, n * 2654435761);
  new DataView(bytes.buffer).setUint32(4, n);
  return bytes;
};
const record = (state: string, n: number, networkEpoch = 1): SyncRecord => ({
  state,
  networkEpoch,
  tagPrefix: tag(n).subarray(0, 8),
});
const stream = (full: boolean, allowedStates: string[], added: SyncRecord[], removed: SyncRecord[] = [], cursor = 1) =>
  encodeSync({ full, cursor, allowedStates, added, removed });
const batch = (...args: Parameters<typeof stream>) => decodeSync(stream(...args));

describe('travel documents: local matcher', () => {
  it('finds added prefixes per epoch and state, misses the rest', () => {
    const matcher = new ListingMatcher();
    matcher.apply(batch(true, ['KZ', 'RU'], [record('KZ', 1), record('RU', 2), record('KZ', 3, 2), record('RU', 1)]));
    expect(matcher.candidates(1, tag(1)).sort()).to.deep.equal(['KZ', 'RU']);
    expect(matcher.candidates(1, tag(2))).to.deep.equal(['RU']);
    expect(matcher.candidates(1, tag(3))).to.deep.equal([]);
    expect(matcher.candidates(2, tag(3))).to.deep.equal(['KZ']);
    expect(matcher.candidates(7, tag(3))).to.deep.equal([]);
    expect(matcher.size).to.equal(4);
    expect(matcher.epochs.sort()).to.deep.equal([1, 2]);
    expect(matcher.cursor).to.equal(1);
  });

  it('applies increments: removed entries stop matching, added ones match, a full batch replaces all', () => {
    const matcher = new ListingMatcher();
    matcher.apply(batch(true, ['KZ'], [record('KZ', 1), record('KZ', 2)]));
    matcher.apply(batch(false, ['KZ'], [record('KZ', 3)], [record('KZ', 1)], 2));
    expect(matcher.candidates(1, tag(1))).to.deep.equal([]);
    expect(matcher.candidates(1, tag(2))).to.deep.equal(['KZ']);
    expect(matcher.candidates(1, tag(3))).to.deep.equal(['KZ']);
    expect(matcher.cursor).to.equal(2);
    // An entry updated (same tag) comes as removed and added: it still matches.
    matcher.apply(batch(false, ['KZ'], [record('KZ', 2)], [record('KZ', 2)], 3));
    expect(matcher.candidates(1, tag(2))).to.deep.equal(['KZ']);
    matcher.apply(batch(true, ['KZ'], [record('KZ', 9)], [], 4));
    expect(matcher.candidates(1, tag(2))).to.deep.equal([]);
    expect(matcher.size).to.equal(1);
  });

  it('drops the entries of a state no longer allowed', () => {
    const matcher = new ListingMatcher();
    matcher.apply(batch(true, ['KZ', 'RU'], [record('KZ', 1), record('RU', 2)]));
    matcher.apply(batch(false, ['KZ'], [], [], 2));
    expect(matcher.candidates(1, tag(2))).to.deep.equal([]);
    expect(matcher.candidates(1, tag(1))).to.deep.equal(['KZ']);
    expect(matcher.states).to.deep.equal(['KZ']);
  });

  it('holds many entries through growth and tombstones', () => {
    const matcher = new ListingMatcher();
    const records = Array.from({ length: 20000 }, (_, i) => record('KZ', i + 1));
    matcher.apply(batch(true, ['KZ'], records));
    matcher.apply(batch(false, ['KZ'], [], records.slice(0, 10000), 2));
    matcher.apply(batch(false, ['KZ'], records.slice(0, 5000), [], 3));
    expect(matcher.size).to.equal(15000);
    expect(matcher.candidates(1, tag(4999))).to.deep.equal(['KZ']);
    expect(matcher.candidates(1, tag(7000))).to.deep.equal([]);
    expect(matcher.candidates(1, tag(19999))).to.deep.equal(['KZ']);
  });

  it('reads the stream straight from its bytes exactly as from decoded records', () => {
    const steps = [
      stream(true, ['KZ', 'RU'], [record('KZ', 1), record('RU', 2), record('KZ', 3, 2), record('RU', 4)]),
      stream(false, ['KZ', 'RU'], [record('KZ', 5)], [record('KZ', 1)], 2),
      stream(false, ['KZ'], [record('RU', 6)], [], 3),
    ];
    const fromRecords = new ListingMatcher();
    const fromBytes = new ListingMatcher();
    for (const step of steps) {
      fromRecords.apply(decodeSync(step));
      expect(fromBytes.applyStream(step).cursor).to.be.a('number');
    }
    for (const matcher of [fromRecords, fromBytes]) {
      expect([1, 2, 3, 4, 5, 6].map((n) => matcher.candidates(1, tag(n)).join())).to.deep.equal([
        '',
        '',
        '',
        '',
        'KZ',
        '',
      ]);
      expect(matcher.candidates(2, tag(3))).to.deep.equal(['KZ']);
      expect([matcher.size, matcher.cursor, matcher.states.join()]).to.deep.equal([2, 3, 'KZ']);
    }
    expect(() => new ListingMatcher().applyStream(steps[0]!.subarray(0, 20))).to.throw();
  });

  it('picks a bucket prefix that keeps 16 or more entries per bucket on average, 2 to 6 hex characters', () => {
    expect(bucketPrefixChars(10)).to.equal(2);
    expect(bucketPrefixChars(16 * 256 * 16)).to.equal(3);
    expect(bucketPrefixChars(1_000_000)).to.equal(3);
    expect(bucketPrefixChars(16 ** 5 * 16)).to.equal(5);
    expect(bucketPrefixChars(1e12)).to.equal(6);
  });
});
