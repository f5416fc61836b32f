import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url (43 characters): invitation and refresh tokens. */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as SHA-256 hex: a database leak reveals no usable token. */
export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
