import { utf8Encode } from '../../shared/crypto/encoding.js';
import { getSodium } from '../../shared/crypto/sodium.js';

/**
 * OPAQUE's export key of the signed-in person, in this process's memory only, from sign-in until
 * the session ends: it unwraps their keys without a second proof of the password (unlock right
 * after sign-in, new keys after a rotation). It is as sensitive as the unlocked keys and lives as
 * long. A keyed hash of the password it came from lets `unlockKeys({ password })` check that the
 * password typed is that one without another OPAQUE round trip.
 */
export interface ExportKeyHolder {
  hold(username: string, exportKey: Uint8Array, password: string): Promise<void>;
  /** A copy (the caller may wipe it) when held for this username and, if given, this password. */
  get(username: string, password?: string): Promise<Uint8Array | undefined>;
  clear(): void;
}

async function passwordCheck(exportKey: Uint8Array, password: string): Promise<Uint8Array> {
  const sodium = await getSodium();
  return sodium.crypto_generichash(
    32,
    utf8Encode(`focalnet/held-password-check/v1\0${password.normalize('NFC')}`),
    exportKey,
  );
}

export function memoryExportKeyHolder(): ExportKeyHolder {
  let held: { username: string; key: Uint8Array; check: Uint8Array } | undefined;
  const holder: ExportKeyHolder = {
    async hold(username, exportKey, password) {
      const check = await passwordCheck(exportKey, password);
      holder.clear();
      held = { username, key: exportKey.slice(), check };
    },
    async get(username, password) {
      const current = held;
      if (current?.username !== username) return undefined;
      if (password !== undefined) {
        const sodium = await getSodium();
        if (!sodium.memcmp(await passwordCheck(current.key, password), current.check)) return undefined;
      }
      return current.key.slice();
    },
    clear() {
      held?.key.fill(0);
      held = undefined;
    },
  };
  return holder;
}
