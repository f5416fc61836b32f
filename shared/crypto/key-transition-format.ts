import { z } from 'zod';
import { canonicalJsonBytes } from './canonical-json.js';
import { base64UrlBytes, concatBytes, domainTag } from './encoding.js';

/** The server's two signing keys that clients and national systems keep: each is renewed on its own record. */
export const SERVER_KEY_PURPOSES = ['directory', 'audit-log'] as const;
export type ServerKeyPurpose = (typeof SERVER_KEY_PURPOSES)[number];

/**
 * "From now on `to` signs for `purpose`", signed by the key it replaces (`from`). Whoever pinned
 * `from` may follow it to `to` without asking anyone: only the holder of `from` could write it.
 */
export const KeyTransition = z
  .object({
    purpose: z.enum(SERVER_KEY_PURPOSES),
    /** The key being replaced (Ed25519 public key, 32 bytes base64url). */
    from: base64UrlBytes(32),
    /** The key that replaces it. */
    to: base64UrlBytes(32),
    /** When the replacement took effect (ISO 8601, UTC). */
    at: z.iso.datetime(),
    /** Ed25519 signature by `from` over keyTransitionSignedBytes. */
    signature: base64UrlBytes(64),
  })
  .strict();
export type KeyTransition = z.infer<typeof KeyTransition>;

/** GET /api/directory/key-transitions: every renewal, oldest first. */
export const KeyTransitionsResponse = z.object({ transitions: z.array(KeyTransition) });
export type KeyTransitionsResponse = z.infer<typeof KeyTransitionsResponse>;

const TRANSITION_TAG = domainTag('focalnet/server-key-transition/v1');

/** What the old key signs: "focalnet/server-key-transition/v1" ‖ 0x00 ‖ canonical JSON of {purpose, from, to, at}. */
export function keyTransitionSignedBytes(transition: Omit<KeyTransition, 'signature'>): Uint8Array {
  const { purpose, from, to, at } = transition;
  return concatBytes(TRANSITION_TAG, canonicalJsonBytes({ purpose, from, to, at }));
}
