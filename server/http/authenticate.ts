import type { Request } from 'express';
import passport from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { AppError } from '../../shared/errors.js';
import type { User } from '../modules/accounts/ports/users.js';
import type { ActorSource } from '../modules/accounts/actor-cache.js';
import type { Clock } from '../system/clock.js';
import { AccessClaims, JWT_VERIFY_OPTIONS, hmacKey, isCurrent } from '../modules/accounts/access-tokens.js';
import { resolveActor } from '../modules/accounts/resolve-actor.js';

export interface Authenticator {
  /** The signed-in user making this request; throws auth.unauthenticated (401) otherwise. */
  actor(req: Request): Promise<User>;
  /** The session the request's access token names (after `actor`); undefined for tokens without one. */
  sessionId(req: Request): string | undefined;
}

/** passport-jwt with the algorithm pinned and issuer/audience checked; one instance per app. */
export function createAuthenticator(secret: string, users: ActorSource, clock: Clock): Authenticator {
  const instance = new passport.Passport();
  const key = hmacKey(secret);
  const sessions = new WeakMap<Request, string>();
  instance.use(
    'jwt',
    new JwtStrategy(
      {
        jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
        // jsonwebtoken takes a KeyObject (and then skips re-parsing the key on every request);
        // @types/passport-jwt only knows string | Buffer.
        secretOrKeyProvider: (_req, _token, done) => done(null, key as unknown as Buffer),
        algorithms: [...JWT_VERIFY_OPTIONS.algorithms],
        issuer: JWT_VERIFY_OPTIONS.issuer,
        audience: JWT_VERIFY_OPTIONS.audience,
        ignoreExpiration: true,
        jsonWebTokenOptions: { ignoreNotBefore: true },
        passReqToCallback: true,
      },
      (req: Request, payload: unknown, done: (error: unknown, user?: User | false) => void) => {
        const claims = AccessClaims.safeParse(payload);
        if (!claims.success || !isCurrent(claims.data, clock.now())) return done(null, false);
        if (claims.data.sid) sessions.set(req, claims.data.sid);
        resolveActor(users, claims.data).then((user) => done(null, user ?? false), done);
      },
    ),
  );

  // One check per request: defineRoute authenticates before parsing, the handler asks again.
  const checked = new WeakMap<Request, Promise<User>>();
  const authenticate = (req: Request): Promise<User> =>
    new Promise((resolve, reject) => {
      const middleware = instance.authenticate('jwt', { session: false }, (error: unknown, user: User | false) => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else if (!user)
          reject(new AppError('auth.unauthenticated', 'sign in first (missing, expired or revoked access token)'));
        else resolve(user);
      });
      middleware(req, req.res, () => undefined);
    });
  return {
    actor(req) {
      let result = checked.get(req);
      if (!result) {
        result = authenticate(req);
        checked.set(req, result);
      }
      return result;
    },
    sessionId: (req) => sessions.get(req),
  };
}
