import { fromBase64Url } from './encoding.js';
import { keyTransitionSignedBytes, type KeyTransition, type ServerKeyPurpose } from './key-transition-format.js';
import { getSodium } from './sodium.js';

/** True if `transition` is signed by the key it replaces. Never throws. */
export async function verifyKeyTransition(transition: KeyTransition): Promise<boolean> {
  try {
    const sodium = await getSodium();
    return sodium.crypto_sign_verify_detached(
      fromBase64Url(transition.signature),
      keyTransitionSignedBytes(transition),
      fromBase64Url(transition.from),
    );
  } catch {
    return false;
  }
}

/**
 * The keys a client that pinned `pinned` may trust for `purpose`, oldest first: `pinned`, then
 * each key an endorsed transition leads to from the last one. A transition that does not verify,
 * or one from a key not on the path, is not followed; a key seen before ends the walk.
 */
export async function endorsedKeysFrom(
  pinned: string,
  transitions: readonly KeyTransition[],
  purpose: ServerKeyPurpose,
): Promise<string[]> {
  const path = [pinned];
  for (;;) {
    const last = path[path.length - 1] as string;
    let next: string | undefined;
    for (const transition of transitions) {
      if (transition.purpose !== purpose || transition.from !== last || path.includes(transition.to)) continue;
      if (await verifyKeyTransition(transition)) {
        next = transition.to;
        break;
      }
    }
    if (next === undefined) return path;
    path.push(next);
  }
}
