import { expect } from 'chai';
import fc from 'fast-check';
import { canonicalJson } from '../../../../shared/crypto/canonical-json.js';
import { thrownCode } from './fixtures.js';

/** The same JSON value with every object's keys in a shuffled order. */
function reorder(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => reorder(item, random));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]): [string, unknown] => [k, reorder(v, random)]);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    return Object.fromEntries(entries);
  }
  return value;
}

describe('shared/crypto/canonical-json', () => {
  it('sorts keys at every depth, keeps array order, adds no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: true, c: null }], é: 'x', Z: 'y' })).to.equal(
      '{"Z":"y","a":[3,{"c":null,"d":true}],"b":1,"é":"x"}',
    );
  });

  it('key order does not matter (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        let state = seed;
        const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
        expect(canonicalJson(reorder(value, random))).to.equal(canonicalJson(value));
      }),
    );
  });

  it('is a fixed point of parse-then-serialise (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).to.equal(text);
      }),
    );
  });

  it('omits undefined object members, as a JSON round trip would', () => {
    expect(canonicalJson({ a: 1, b: undefined })).to.equal('{"a":1}');
  });

  it('writes -0 as 0 and numbers in shortest form', () => {
    expect(canonicalJson([-0, 1e21, 0.1, 100])).to.equal('[0,1e+21,0.1,100]');
  });

  it('rejects values JSON cannot carry faithfully', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const bad: unknown[] = [
      Number.NaN,
      Infinity,
      -Infinity,
      undefined,
      [undefined],
      { a: Number.NaN },
      1n,
      () => 1,
      Symbol('s'),
      new Date(0),
      new Map(),
      new Uint8Array(1),
      cyclic,
    ];
    for (const value of bad) expect(thrownCode(() => canonicalJson(value))).to.equal('crypto.malformed');
  });

  it('accepts a repeated (non-cyclic) reference', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).to.equal('{"a":{"x":1},"b":{"x":1}}');
  });
});
