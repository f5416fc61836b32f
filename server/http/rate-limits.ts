import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../../shared/errors.js';
import { securityEvent } from '../observability/security-log.js';
import type { RedisCommands } from '../system/redis-link.js';
import { sharedLimiter } from '../system/shared-limiter.js';

/** Failed sign-ins per username and address: the next attempt after this many answers 429. */
export const SIGN_IN_FAILURES_ALLOWED = 5;
const WINDOW_SECONDS = 15 * 60;

export interface RateLimits {
  /**
   * Counts one password attempt (per username and address) before it is evaluated, in one atomic
   * step, and throws rate.limited once the allowance is used: however many attempts run at once,
   * no more than the allowance are evaluated. A success forgives them (signInSucceeded).
   */
  consumeSignInAttempt(req: Request, res: Response, username: string): Promise<void>;
  signInSucceeded(req: Request, username: string): Promise<void>;
  /** Invitation look-ups and redemptions per address (tokens are unguessable; this stops scanning). */
  consumeInvitationAttempt(req: Request, res: Response): Promise<void>;
}

function tooMany(res: Response, retryAfterMs: number): AppError {
  res.setHeader('Retry-After', String(Math.ceil(retryAfterMs / 1000)));
  return new AppError('rate.limited', 'too many attempts: wait and try again');
}

/**
 * With Redis (`redis`), every node counts failed sign-ins and token guesses together. A refused
 * sign-in or invitation look-up is not audited (nothing was evaluated), so it is logged here as a security event.
 */
export function createRateLimits(
  options: { redis?: RedisCommands | undefined; logger?: Logger | undefined } = {},
): RateLimits {
  const { redis, logger } = options;
  const signIn = sharedLimiter(
    'sign-in',
    { points: SIGN_IN_FAILURES_ALLOWED, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS },
    redis,
  );
  const invitations = sharedLimiter('invitations', { points: 30, duration: 10 * 60 }, redis);
  const key = (req: Request, username: string): string => `${username}|${req.ip ?? 'unknown'}`;
  return {
    async consumeSignInAttempt(req, res, username) {
      try {
        await signIn.consume(key(req, username));
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          const retryAfterSeconds = Math.ceil(error.msBeforeNext / 1000);
          if (logger) securityEvent(logger, 'auth.sign-in-rate-limited', { retryAfterSeconds });
          throw tooMany(res, error.msBeforeNext);
        }
        throw error;
      }
    },
    async signInSucceeded(req, username) {
      await signIn.delete(key(req, username));
    },
    async consumeInvitationAttempt(req, res) {
      try {
        await invitations.consume(req.ip ?? 'unknown');
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          // Someone trying invitation tokens from one address: worth a line (the address is in the proxy's log).
          if (logger)
            securityEvent(logger, 'invitation.rate-limited', {
              retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000),
            });
          throw tooMany(res, error.msBeforeNext);
        }
        throw error;
      }
    },
  };
}
