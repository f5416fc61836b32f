import { expect } from 'chai';
import {
  decodeSync,
  encodeSync,
  SYNC_RECORD_BYTES,
  SyncFormatError,
} from '../../../../shared/travel-documents/sync-format.js';

const prefix = (byte: number): Uint8Array => new Uint8Array(8).fill(byte);

describe('travel documents sync stream', () => {
  it('round-trips added and removed records with their states and epochs', () => {
    const bytes = encodeSync({
      full: false,
      cursor: 42,
      allowedStates: ['RU', 'KZ'],
      added: [
        { state: 'KZ', networkEpoch: 2, tagPrefix: prefix(1) },
        { state: 'RU', networkEpoch: 3, tagPrefix: prefix(2) },
      ],
      removed: [{ state: 'KZ', networkEpoch: 1, tagPrefix: prefix(9) }],
    });
    const batch = decodeSync(bytes);
    expect(batch.header).to.include({ full: false, cursor: 42, added: 2, removed: 1 });
    expect(batch.header.allowedStates).to.deep.equal(['KZ', 'RU']);
    expect(batch.added.map((r) => [r.state, r.networkEpoch, r.tagPrefix[0]])).to.deep.equal([
      ['KZ', 2, 1],
      ['RU', 3, 2],
    ]);
    expect(batch.removed.map((r) => [r.state, r.networkEpoch, r.tagPrefix[7]])).to.deep.equal([['KZ', 1, 9]]);
  });

  it('costs 12 bytes a record after the header', () => {
    const added = Array.from({ length: 1000 }, (_, i) => ({
      state: 'KZ',
      networkEpoch: 1,
      tagPrefix: prefix(i % 256),
    }));
    const empty = encodeSync({ full: true, cursor: 0, allowedStates: ['KZ'], added: [], removed: [] });
    const full = encodeSync({ full: true, cursor: 0, allowedStates: ['KZ'], added, removed: [] });
    expect(SYNC_RECORD_BYTES).to.equal(12);
    expect(full.length - empty.length).to.be.within(1000 * 12, 1000 * 12 + 10);
  });

  it('refuses a truncated stream and an unknown format', () => {
    const bytes = encodeSync({
      full: true,
      cursor: 1,
      allowedStates: [],
      added: [{ state: 'KZ', networkEpoch: 1, tagPrefix: prefix(1) }],
      removed: [],
    });
    expect(() => decodeSync(bytes.subarray(0, bytes.length - 1))).to.throw(SyncFormatError, /expected/);
    const header = new TextEncoder().encode(JSON.stringify({ format: 2 }));
    const other = new Uint8Array(4 + header.length);
    new DataView(other.buffer).setUint32(0, header.length);
    other.set(header, 4);
    expect(() => decodeSync(other)).to.throw(SyncFormatError, /unknown sync format/);
  });
});
