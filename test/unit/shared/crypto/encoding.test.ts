import { expect } from 'chai';
import fc from 'fast-check';
import { getSodium } from '../../../../shared/crypto/sodium.js';
import {
  base64UrlBytes,
  fromBase64Url,
  isBase64Url,
  lengthPrefixed,
  toBase64Url,
  utf8Decode,
  utf8Encode,
} from '../../../../shared/crypto/encoding.js';
import { thrownCode } from './fixtures.js';

describe('shared/crypto/encoding', () => {
  it('encodes the RFC 4648 test vectors without padding', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(toBase64Url(utf8Encode(plain))).to.equal(encoded);
      expect(utf8Decode(fromBase64Url(encoded))).to.equal(plain);
    }
  });

  it('uses the URL-safe alphabet', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).to.equal('-_-_');
  });

  it('agrees with libsodium and round-trips any bytes (property)', async () => {
    const sodium = await getSodium();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).to.equal(sodium.to_base64(bytes, sodium.base64_variants.URLSAFE_NO_PADDING));
        expect(fromBase64Url(text)).to.deep.equal(bytes);
      }),
    );
  });

  it('rejects bad input with a typed error', () => {
    for (const bad of ['Zg==', 'Zm9v+A', 'Zm9v/A', 'Zm 9v', 'Z', 'Zm9vY', 'Zh', 'Zm9', 'Zé', '\u0000\u0000']) {
      expect(
        thrownCode(() => fromBase64Url(bad)),
        bad,
      ).to.equal('crypto.bad-encoding');
      expect(isBase64Url(bad), bad).to.equal(false);
    }
  });

  it('rejects non-canonical trailing bits, so no two strings decode to the same bytes', () => {
    expect(fromBase64Url('Zg')).to.deep.equal(utf8Encode('f'));
    expect(isBase64Url('Zh')).to.equal(false);
    expect(isBase64Url('Zm8')).to.equal(true);
    expect(isBase64Url('Zm9')).to.equal(false);
  });

  it('schema of n bytes checks length and alphabet', () => {
    const key = base64UrlBytes(32);
    expect(key.safeParse(toBase64Url(new Uint8Array(32))).success).to.equal(true);
    expect(key.safeParse(toBase64Url(new Uint8Array(31))).success).to.equal(false);
    expect(key.safeParse('+'.repeat(43)).success).to.equal(false);
  });

  it('utf8Decode rejects invalid UTF-8 with a typed error', () => {
    expect(thrownCode(() => utf8Decode(new Uint8Array([0x66, 0xff])))).to.equal('crypto.malformed');
    expect(utf8Decode(utf8Encode('Київ ✓'))).to.equal('Київ ✓');
  });

  it('length-prefixing keeps field boundaries', () => {
    expect(lengthPrefixed(utf8Encode('ab'), utf8Encode('c'))).not.to.deep.equal(
      lengthPrefixed(utf8Encode('a'), utf8Encode('bc')),
    );
  });
});
