import type { ErrorCode } from '../../shared/errors.js';

/** The one table from error code to HTTP status. */
export const ERROR_STATUS = {
  'validation.failed': 400,
  'http.bad-json': 400,
  'http.not-found': 404,
  'http.payload-too-large': 413,
  'auth.unauthenticated': 401,
  'auth.forbidden': 403,
  'rate.limited': 429,
  'db.unavailable': 503,
  internal: 500,
} as const satisfies Record<ErrorCode, number>;
