import { expect } from 'chai';
import fc from 'fast-check';
import { MIN_PADDED_BYTES, padmeLength, padPayload, unpadPayload } from '../../../../shared/crypto/envelope-payload.js';
import { thrownCode } from './fixtures.js';

describe('shared/crypto/envelope-payload padding', () => {
  it('computes Padmé lengths', () => {
    expect([0, 1, 2, 9, 257, 1000, 100_000].map(padmeLength)).to.deep.equal([0, 1, 2, 10, 272, 1024, 100_352]);
  });

  it('never shrinks and adds at most 12 % (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1 << 24 }), (length) => {
        const padded = padmeLength(length);
        expect(padded).to.be.at.least(length);
        expect(padded).to.be.at.most(Math.ceil(length * 1.12));
      }),
    );
  });

  it('pads to at least 256 bytes and unpads exactly (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const padded = padPayload(bytes);
        expect(padded.length).to.be.at.least(Math.max(MIN_PADDED_BYTES, bytes.length + 1));
        expect(unpadPayload(padded)).to.deep.equal(bytes);
      }),
    );
  });

  it('rejects bad padding with a typed error', () => {
    expect(thrownCode(() => unpadPayload(new Uint8Array(256)))).to.equal('crypto.malformed');
    expect(thrownCode(() => unpadPayload(new Uint8Array([1, 2, 0x81, 0])))).to.equal('crypto.malformed');
  });
});
