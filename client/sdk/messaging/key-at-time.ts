/** An identity key a contact held before the current one, with the period it was current. */
export interface PreviousIdentityKey {
  /** Ed25519 public key, 32 bytes. */
  readonly identityKey: Uint8Array;
  readonly keyVersion: number;
  readonly fingerprint: string;
  /** A national admin compared its safety number while it was current. */
  readonly verified: boolean;
  /** ms since the epoch: registered … replaced (exclusive). */
  readonly validFrom: number;
  readonly validUntil: number;
}

/** What key selection needs of a contact: the current identity key and the earlier ones. */
export interface IdentityKeyTimeline {
  readonly identityKey: Uint8Array;
  readonly keyVersion: number;
  readonly history: readonly PreviousIdentityKey[];
}

/** A key that may have signed a message, and whether it has been replaced since. */
export interface SigningKeyCandidate {
  readonly identityKey: Uint8Array;
  readonly keyVersion: number;
  readonly previous: boolean;
}

/**
 * The server accepts a message whose `ts` is up to this far from its own clock (5 min), so a
 * sender whose clock is behind may sign with a fresh key a `ts` from just before it took over.
 */
export const SIGNING_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The sender keys that may have signed a message claiming time `ts` (ms since the epoch), best
 * match first. A key counts from `skewMs` before it became current until (strictly before) it
 * was replaced: a message claiming a time after the replacement must be signed with a newer key,
 * so a stolen old key cannot sign "new" messages. Old keys that were never verified are never
 * candidates (they could not send: the account was waiting for verification). Without any
 * history the current key counts for every time, as before key history existed.
 */
export function signingKeysAt(
  keys: IdentityKeyTimeline,
  ts: number,
  skewMs = SIGNING_CLOCK_SKEW_MS,
): SigningKeyCandidate[] {
  const currentFrom = Math.max(Number.NEGATIVE_INFINITY, ...keys.history.map((old) => old.validUntil));
  const periods = [
    {
      identityKey: keys.identityKey,
      keyVersion: keys.keyVersion,
      previous: false,
      from: currentFrom,
      until: Number.POSITIVE_INFINITY,
    },
    ...keys.history
      .filter((old) => old.verified && old.keyVersion < keys.keyVersion)
      .map((old) => ({
        identityKey: old.identityKey,
        keyVersion: old.keyVersion,
        previous: true,
        from: old.validFrom,
        until: old.validUntil,
      })),
  ].filter((period) => ts >= period.from - skewMs && ts < period.until);
  // The key whose own period holds `ts` first; one admitted only by the skew allowance after it.
  const exact = (period: { from: number }): number => (ts >= period.from ? 0 : 1);
  return periods
    .sort((a, b) => exact(a) - exact(b) || b.keyVersion - a.keyVersion)
    .map(({ identityKey, keyVersion, previous }) => ({ identityKey, keyVersion, previous }));
}
