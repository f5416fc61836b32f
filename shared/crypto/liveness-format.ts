import { concatBytes, domainTag, lengthPrefixed, utf8Encode } from './encoding.js';

const LIVENESS_TAG = domainTag('focalnet/liveness-ack/v1');

/**
 * What a focal point signs to answer a liveness check: tag ‖ checkId ‖ nonce ‖ userId (each
 * length-prefixed), so an answer cannot be replayed for another check or another person.
 */
export function livenessAckBytes(checkId: string, nonce: string, userId: string): Uint8Array {
  return concatBytes(LIVENESS_TAG, lengthPrefixed(utf8Encode(checkId), utf8Encode(nonce), utf8Encode(userId)));
}
