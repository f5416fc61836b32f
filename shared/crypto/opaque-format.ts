import { z } from 'zod';
import { base64UrlBytes } from './encoding.js';

// OPAQUE (RFC 9807) messages as @serenity-kit/opaque encodes them (ristretto255, SHA-512):
// base64url without padding, each of one fixed size, so a malformed one is refused by schema.

/** Client → server, registration: the blinded password element (32 bytes). */
export const OpaqueRegistrationRequest = base64UrlBytes(32);
/** Client → server, login start (KE1): 96 bytes. */
export const OpaqueStartLoginRequest = base64UrlBytes(96);
/** Client → server, login finish (KE3): the client's MAC, 64 bytes. */
export const OpaqueFinishLoginRequest = base64UrlBytes(64);
/** Client → server after registration: client public key, masking key and envelope, 192 bytes. */
export const OpaqueRegistrationRecord = base64UrlBytes(192);
/** Server → client messages (registration response, KE2): any base64url up to 1 KiB. */
export const OpaqueServerMessage = z.string().regex(/^[A-Za-z0-9_-]{1,1400}$/, 'an OPAQUE message, base64url');

/**
 * The argon2id cost the client's OPAQUE applies to the password before the OPRF (`memoryKib` in
 * KiB). Chosen by the client at registration and stored with the record, because login must use
 * the same. Bounded so a server cannot make a client spin or exhaust memory; the lower bounds are
 * argon2's minimums (tests use them), the default is RFC 9106's memory-constrained choice.
 */
export const KeyStretching = z
  .object({
    alg: z.literal('argon2id'),
    iterations: z.number().int().min(1).max(10),
    memoryKib: z
      .number()
      .int()
      .min(8)
      .max(2 ** 21 - 1),
    parallelism: z.number().int().min(1).max(4),
  })
  .strict();
export type KeyStretching = z.infer<typeof KeyStretching>;

/** RFC 9106 §4 memory-constrained: 64 MiB, 3 passes, 4 lanes (the library's own default). */
export const DEFAULT_KEY_STRETCHING: KeyStretching = {
  alg: 'argon2id',
  iterations: 3,
  memoryKib: 2 ** 16,
  parallelism: 4,
};
