import { expect } from 'chai';
import {
  signingKeysAt,
  SIGNING_CLOCK_SKEW_MS,
  type IdentityKeyTimeline,
  type PreviousIdentityKey,
} from '../../../../client/sdk/messaging/key-at-time.js';

const T1 = Date.parse('2026-03-01T00:00:00Z'); // v1 registered
const T2 = Date.parse('2026-06-01T00:00:00Z'); // v1 replaced by v2
const T3 = Date.parse('2026-09-01T00:00:00Z'); // v2 replaced by v3 (current)
const HOUR = 3_600_000;

const key = (byte: number): Uint8Array => new Uint8Array(32).fill(byte);
const old = (keyVersion: number, validFrom: number, validUntil: number, verified = true): PreviousIdentityKey => ({
  identityKey: key(keyVersion),
  keyVersion,
  fingerprint: `fp-${keyVersion}`,
  verified,
  validFrom,
  validUntil,
});

const timeline: IdentityKeyTimeline = { identityKey: key(3), keyVersion: 3, history: [old(2, T2, T3), old(1, T1, T2)] };
const versionsAt = (keys: IdentityKeyTimeline, ts: number): number[] =>
  signingKeysAt(keys, ts).map((candidate) => candidate.keyVersion);

describe('client SDK: the sender key valid at a message time', () => {
  it('picks the key whose period holds the time: each old key inside its period, the current one after the last replacement', () => {
    expect(versionsAt(timeline, T1 + HOUR)).to.deep.equal([1]);
    expect(versionsAt(timeline, T2 + 30 * 24 * HOUR)).to.deep.equal([2]);
    expect(versionsAt(timeline, T3 + HOUR)).to.deep.equal([3]);
    const [picked] = signingKeysAt(timeline, T1 + HOUR);
    expect(picked?.previous).to.equal(true);
    expect(picked?.identityKey).to.deep.equal(key(1));
    expect(signingKeysAt(timeline, T3 + HOUR)[0]?.previous).to.equal(false);
  });

  it('an old key never counts at or after the moment it was replaced (a stolen old key cannot date a message later)', () => {
    expect(versionsAt(timeline, T2)).to.not.include(1);
    expect(versionsAt(timeline, T2 + 1)).to.not.include(1);
    expect(versionsAt(timeline, T3 + 365 * 24 * HOUR)).to.deep.equal([3]);
    expect(versionsAt(timeline, T2 - 1)).to.include(1);
  });

  it('a newer key also counts up to the server clock-skew allowance before it took over, after the key of the period itself', () => {
    expect(versionsAt(timeline, T3 - 60_000)).to.deep.equal([2, 3]);
    expect(versionsAt(timeline, T3 - SIGNING_CLOCK_SKEW_MS)).to.deep.equal([2, 3]);
    expect(versionsAt(timeline, T3 - SIGNING_CLOCK_SKEW_MS - 1)).to.deep.equal([2]);
    expect(versionsAt(timeline, T1 - 60_000)).to.deep.equal([1]);
    expect(versionsAt(timeline, T1 - SIGNING_CLOCK_SKEW_MS - 1)).to.deep.equal([]);
  });

  it('an old key that was never verified is never a candidate; nothing is valid in its period then', () => {
    const unverified: IdentityKeyTimeline = {
      identityKey: key(3),
      keyVersion: 3,
      history: [old(2, T2, T3, false), old(1, T1, T2)],
    };
    expect(versionsAt(unverified, T2 + HOUR)).to.deep.equal([]);
    expect(versionsAt(unverified, T1 + HOUR)).to.deep.equal([1]);
  });

  it('ignores history entries that claim the current version or a newer one', () => {
    const odd: IdentityKeyTimeline = { identityKey: key(3), keyVersion: 3, history: [old(3, T1, T2), old(4, T1, T2)] };
    expect(versionsAt(odd, T1 + HOUR)).to.deep.equal([]);
  });

  it('without history the current key counts at any time, as before key history existed', () => {
    const fresh: IdentityKeyTimeline = { identityKey: key(1), keyVersion: 1, history: [] };
    expect(versionsAt(fresh, 0)).to.deep.equal([1]);
    expect(versionsAt(fresh, T3)).to.deep.equal([1]);
  });

  it('does not depend on the order of the history', () => {
    const shuffled: IdentityKeyTimeline = { ...timeline, history: [...timeline.history].reverse() };
    for (const ts of [T1 + HOUR, T2 + HOUR, T3 - 60_000, T3 + HOUR])
      expect(versionsAt(shuffled, ts)).to.deep.equal(versionsAt(timeline, ts));
  });
});
