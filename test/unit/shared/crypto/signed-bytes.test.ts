import { expect } from 'chai';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { canonicalJson, canonicalJsonBytes } from '../../../../shared/crypto/canonical-json.js';
import {
  concatBytes,
  domainTag,
  fromBase64Url,
  lengthPrefixed,
  utf8Encode,
} from '../../../../shared/crypto/encoding.js';
import { Envelope, signedBytes, type UnsignedEnvelope } from '../../../../shared/crypto/envelope-format.js';
import { getSodium } from '../../../../shared/crypto/sodium.js';
import { verifyEnvelope } from '../../../../shared/crypto/verify-envelope.js';
import { flipByte } from './fixtures.js';

/** The signed bytes exactly as Envelope v1 defines them, built the plain way (one copy per step). */
async function referenceSignedBytes(envelope: UnsignedEnvelope): Promise<Uint8Array> {
  const sodium = await getSodium();
  const headerHash = sodium.crypto_generichash(32, canonicalJsonBytes(envelope.header), null);
  const keys = utf8Encode(JSON.stringify(envelope.keys.map((key) => [key.userId, key.sealed])));
  return concatBytes(
    domainTag('focalnet/envelope-sig/v1'),
    sodium.crypto_generichash(64, lengthPrefixed(headerHash, keys, utf8Encode(envelope.body)), null),
  );
}

/** Canonical JSON written the plain way, for comparison with the fast writer. */
function referenceCanonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(referenceCanonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .sort()
      .filter((key) => Reflect.get(value, key) !== undefined);
    return `{${members.map((key) => `${JSON.stringify(key)}:${referenceCanonical(Reflect.get(value, key))}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const text = (maxLength: number) =>
  fc.string({
    unit: fc.constantFrom('a', 'Z', '0', '-', '_', '"', '\\', 'é', 'Ж', '😀', '\u0000', '\ud800'),
    maxLength,
  });

describe('shared/crypto signedBytes (one buffer, one hash)', () => {
  it('an envelope signed before the rewrite still verifies; a changed body does not', async () => {
    const vector = JSON.parse(readFileSync(new URL('./vectors/envelope-v1-signed.json', import.meta.url), 'utf8')) as {
      identityKey: string;
      envelope: unknown;
    };
    const envelope = Envelope.parse(vector.envelope);
    const key = fromBase64Url(vector.identityKey);
    expect(await verifyEnvelope(envelope, key)).to.deep.equal({ ok: true });
    expect((await verifyEnvelope({ ...envelope, body: flipByte(envelope.body, 30) }, key)).ok).to.equal(false);
  });

  it('equals the plain construction for any text, ASCII or not, of any size in any order (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          header: fc.dictionary(text(8), fc.jsonValue({ maxDepth: 3 })),
          keys: fc.array(fc.record({ userId: text(12), sealed: text(160) }), { maxLength: 6 }),
          body: fc.oneof(text(50), text(40_000)),
        }),
        async ({ header, keys, body }) => {
          const envelope = { v: 1, header, keys, body } as unknown as UnsignedEnvelope;
          expect(
            Buffer.from(await signedBytes(envelope)).equals(Buffer.from(await referenceSignedBytes(envelope))),
          ).to.equal(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('equals it across a large envelope (the reused buffer grows) and a small one after it', async () => {
    const header = { v: 1, msgId: 'A2bsGy4lzNX2aKUQLN9Mbw', to: [{ userId: 'bob', state: 'UZ' }] };
    for (const size of [300, 256 * 1024, 10, 70_000]) {
      const envelope = {
        v: 1,
        header,
        keys: [{ userId: 'bob', sealed: 'Q'.repeat(150) }],
        body: 'b'.repeat(size),
      } as unknown as UnsignedEnvelope;
      expect(
        Buffer.from(await signedBytes(envelope)).equals(Buffer.from(await referenceSignedBytes(envelope))),
        `body of ${size}`,
      ).to.equal(true);
    }
  });

  it('canonical JSON: the fast writer equals the plain one, also past the depth where it hands over (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).to.equal(referenceCanonical(value));
      }),
    );
    let deep: unknown = { leaf: [1, 'x'] };
    for (let i = 0; i < 100; i++) deep = i % 2 === 0 ? { [`k${i}`]: deep, a: i } : [deep, null];
    expect(canonicalJson(deep)).to.equal(referenceCanonical(deep));
  });
});
