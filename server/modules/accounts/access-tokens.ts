import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import type { Role } from '../../../shared/schemas/accounts.js';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const JWT_ISSUER = 'focalnet';
export const JWT_AUDIENCE = 'focalnet-api';
/** The only algorithm accepted: no `none`, no RS/HS confusion. */
export const JWT_ALGORITHM = 'HS256';

/** Claims of an access token; `typ` keeps other token kinds from being used as one. */
export const AccessClaims = z.object({
  sub: z.string().regex(/^[0-9a-f]{24}$/),
  typ: z.literal('access'),
  role: z.enum(['network-admin', 'national-admin', 'focal-point']),
  tv: z.number().int().nonnegative(),
  /** The session (refresh family) it belongs to; tokens from before sessions were named have none. */
  sid: z.string().min(1).max(64).optional(),
  iat: z.number(),
  nbf: z.number(),
  exp: z.number(),
});
export type AccessClaims = z.infer<typeof AccessClaims>;

/** Allowed clock difference between server nodes for `nbf`, in seconds. */
const NBF_LEEWAY_SECONDS = 5;

/**
 * Expiry and not-before against the injected clock (so tests and every node agree on one time
 * source); the signature, algorithm, issuer and audience are checked by jsonwebtoken.
 */
export function isCurrent(claims: AccessClaims, now: Date): boolean {
  const seconds = now.getTime() / 1000;
  return claims.exp > seconds && claims.nbf <= seconds + NBF_LEEWAY_SECONDS;
}

/** Shared by the socket handshake and passport-jwt: time is checked by isCurrent() instead. */
export const JWT_VERIFY_OPTIONS = {
  algorithms: [JWT_ALGORITHM],
  issuer: JWT_ISSUER,
  audience: JWT_AUDIENCE,
  ignoreExpiration: true,
  ignoreNotBefore: true,
} as const;

export interface AccessTokenSigner {
  sign(user: { id: string; role: Role; tokenVersion: number }, now: Date, sessionId?: string): string;
  /** Verified claims, or undefined for any bad, expired, foreign or mistyped token. */
  verify(token: string, now: Date): AccessClaims | undefined;
}

/**
 * The HMAC key as a KeyObject: given a plain string, jsonwebtoken first tries to parse it as a
 * public key on every verify (about a millisecond each, on the hot path of every request).
 */
export function hmacKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

export function accessTokenSigner(secret: string): AccessTokenSigner {
  const key = hmacKey(secret);
  return {
    sign(user, now, sessionId) {
      const iat = Math.floor(now.getTime() / 1000);
      return jwt.sign(
        {
          typ: 'access',
          role: user.role,
          tv: user.tokenVersion,
          ...(sessionId ? { sid: sessionId } : {}),
          iat,
          nbf: iat,
          exp: iat + ACCESS_TOKEN_TTL_SECONDS,
        },
        key,
        {
          algorithm: JWT_ALGORITHM,
          subject: user.id,
          issuer: JWT_ISSUER,
          audience: JWT_AUDIENCE,
        },
      );
    },
    verify(token, now) {
      try {
        const payload = jwt.verify(token, key, {
          ...JWT_VERIFY_OPTIONS,
          algorithms: [...JWT_VERIFY_OPTIONS.algorithms],
        });
        const claims = AccessClaims.safeParse(payload);
        return claims.success && isCurrent(claims.data, now) ? claims.data : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
