import { createPrivateKey, createPublicKey, hkdfSync, sign, type KeyObject } from 'node:crypto';

/** PKCS#8 prefix of an Ed25519 private key; the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** One of the server's Ed25519 keys, as clients see it (publicKey) and as the server uses it (sign). */
export interface DerivedKey {
  /** 32 bytes base64url. */
  publicKey: string;
  /** A detached Ed25519 signature, 64 bytes base64url. */
  sign(bytes: Uint8Array): string;
}

/**
 * Ed25519 from the signing secret with HKDF-SHA-256 (salt "focalnet", `info` names the purpose), so
 * every node of one deployment holds the same keys without storing them anywhere.
 */
export function derivedKey(signingSecret: string, info: string): DerivedKey {
  const seed = Buffer.from(hkdfSync('sha256', signingSecret, 'focalnet', info, 32));
  const privateKey: KeyObject = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(-32);
  return {
    publicKey: publicKey.toString('base64url'),
    sign: (bytes) => sign(null, bytes, privateKey).toString('base64url'),
  };
}
