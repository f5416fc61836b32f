import type { Sha256 } from '../../../shared/audit/merkle.js';
import { getSodium } from '../../../shared/crypto/sodium.js';

let ready: Promise<Sha256> | undefined;

/** SHA-256 by libsodium (`crypto_hash_sha256`): the same in Node and in browsers, synchronous once loaded. */
export function sodiumSha256(): Promise<Sha256> {
  ready ??= getSodium().then((sodium) => (data: Uint8Array) => sodium.crypto_hash_sha256(data));
  return ready;
}
