import { getSodium } from './sodium.js';
import { toBase64Url } from './encoding.js';
import { encryptionKeySignedMessage, type PublicKeyBundle } from './verify-key-bundle.js';

/** Ed25519 signing key pair: publicKey 32 bytes, privateKey 64 bytes (seed ‖ public key). */
export interface IdentityKeyPair {
  readonly publicKey: Uint8Array;
  readonly privateKey: Uint8Array;
}

/** X25519 key pair for crypto_box_seal: publicKey 32 bytes, privateKey 32 bytes. */
export interface EncryptionKeyPair {
  readonly publicKey: Uint8Array;
  readonly privateKey: Uint8Array;
}

/** All private key material of one user. Never leaves the client unwrapped. */
export interface UserKeys {
  readonly identity: IdentityKeyPair;
  readonly encryption: EncryptionKeyPair;
}

/** A fresh Ed25519 identity key pair. */
export async function generateIdentityKeyPair(): Promise<IdentityKeyPair> {
  const sodium = await getSodium();
  const { publicKey, privateKey } = sodium.crypto_sign_keypair();
  return { publicKey, privateKey };
}

/** A fresh X25519 encryption key pair (also used to rotate the encryption key). */
export async function generateEncryptionKeyPair(): Promise<EncryptionKeyPair> {
  const sodium = await getSodium();
  const { publicKey, privateKey } = sodium.crypto_box_keypair();
  return { publicKey, privateKey };
}

/** A fresh identity key pair and encryption key pair for enrolment. */
export async function generateUserKeys(): Promise<UserKeys> {
  return { identity: await generateIdentityKeyPair(), encryption: await generateEncryptionKeyPair() };
}

/**
 * The public bundle to publish: both public keys and the identity key's signature over the
 * encryption key (see `encryptionKeySignedMessage`), all base64url without padding.
 */
export async function publicKeyBundle(keys: UserKeys): Promise<PublicKeyBundle> {
  const sodium = await getSodium();
  const signature = sodium.crypto_sign_detached(
    encryptionKeySignedMessage(keys.encryption.publicKey),
    keys.identity.privateKey,
  );
  return {
    identityKey: toBase64Url(keys.identity.publicKey),
    encryptionKey: toBase64Url(keys.encryption.publicKey),
    encryptionKeySig: toBase64Url(signature),
  };
}
