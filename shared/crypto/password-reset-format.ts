import { canonicalJson } from './canonical-json.js';
import { concatBytes, domainTag, lengthPrefixed, utf8Encode } from './encoding.js';
import type { ExportKeyWrappedKeys } from './wrapped-keys-format.js';

const PASSWORD_RESET_TAG = domainTag('focalnet/password-reset/v2');

/**
 * What a person signs with their identity key to finish a password reset: tag ‖ userId ‖ reset
 * token ‖ the new wrapping (canonical JSON) ‖ the new OPAQUE registration record (base64url),
 * each length-prefixed. It proves they hold the private key (unlocked with their recovery key) and
 * binds the proof to this reset, this blob and this record: a link alone cannot set a password.
 */
export function passwordResetBytes(
  userId: string,
  token: string,
  wrappedKeys: ExportKeyWrappedKeys,
  registrationRecord: string,
): Uint8Array {
  return concatBytes(
    PASSWORD_RESET_TAG,
    lengthPrefixed(
      utf8Encode(userId),
      utf8Encode(token),
      utf8Encode(canonicalJson(wrappedKeys)),
      utf8Encode(registrationRecord),
    ),
  );
}
