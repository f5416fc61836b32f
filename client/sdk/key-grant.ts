import { fromBase64Url, toBase64Url, utf8Encode } from '../../shared/crypto/encoding.js';
import { getSodium } from '../../shared/crypto/sodium.js';
import { verifyKeyBundle, type PublicKeyBundle } from '../../shared/crypto/verify-key-bundle.js';

/**
 * A symmetric key granted to one person: sealed (crypto_box_seal) to their verified encryption
 * key, with the granter's Ed25519 signature over a statement that names what the key is for and
 * a keyed hash of the key, so a server cannot hand anyone a key of its own making. Each use (a
 * library shelf, a key ring) signs its own statement, so a grant of one is never taken for another.
 */
export interface KeyGrantStatement {
  /** What the key is for: `context` keys the hash of the key, `message` is what is signed. */
  context: string;
  message(commitment: string): Uint8Array;
}

async function commitment(key: Uint8Array, context: string): Promise<string> {
  return toBase64Url((await getSodium()).crypto_generichash(32, key, utf8Encode(context)));
}

/** Seals the key to one reader (whose bundle is checked here) and signs the statement. */
export async function sealKeyGrant(
  key: Uint8Array,
  statement: KeyGrantStatement,
  reader: PublicKeyBundle,
  readerLabel: string,
  granterIdentityKey: Uint8Array,
): Promise<{ sealedKey: string; signature: string }> {
  if (!(await verifyKeyBundle(reader)))
    throw new Error(`the key bundle of ${readerLabel} does not verify: not sealing to it`);
  const sodium = await getSodium();
  const sealedKey = sodium.crypto_box_seal(key, fromBase64Url(reader.encryptionKey));
  const signature = sodium.crypto_sign_detached(
    statement.message(await commitment(key, statement.context)),
    granterIdentityKey,
  );
  return { sealedKey: toBase64Url(sealedKey), signature: toBase64Url(signature) };
}

/** Opens a grant made to me and checks who granted it; undefined when it does not open or verify. */
export async function openKeyGrant(
  grant: { sealedKey: string; signature: string; granterKeys: PublicKeyBundle | null },
  statement: KeyGrantStatement,
  me: { encryptionPublicKey: Uint8Array; encryptionPrivateKey: Uint8Array },
): Promise<Uint8Array | undefined> {
  if (!grant.granterKeys || !(await verifyKeyBundle(grant.granterKeys))) return undefined;
  const sodium = await getSodium();
  let key: Uint8Array;
  try {
    key = sodium.crypto_box_seal_open(fromBase64Url(grant.sealedKey), me.encryptionPublicKey, me.encryptionPrivateKey);
  } catch {
    return undefined;
  }
  let valid: boolean;
  try {
    valid = sodium.crypto_sign_verify_detached(
      fromBase64Url(grant.signature),
      statement.message(await commitment(key, statement.context)),
      fromBase64Url(grant.granterKeys.identityKey),
    );
  } catch {
    valid = false;
  }
  return valid && key.length === 32 ? key : undefined;
}
