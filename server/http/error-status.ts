import type { ErrorCode } from '../../shared/errors.js';

/** The one table from error code to HTTP status. */
export const ERROR_STATUS = {
  'validation.failed': 400,
  'http.bad-json': 400,
  'http.not-found': 404,
  'http.payload-too-large': 413,
  'auth.unauthenticated': 401,
  'auth.forbidden': 403,
  'auth.invalid-credentials': 401,
  'auth.totp-required': 401,
  'auth.totp-invalid': 401,
  'auth.session-invalid': 401,
  'invitation.invalid': 410,
  'invitation.not-found': 404,
  'user.not-found': 404,
  'user.username-taken': 409,
  'user.invalid-transition': 409,
  'password.weak': 400,
  'keys.invalid': 400,
  'keys.changed': 409,
  'state.unknown': 400,
  'rate.limited': 429,
  'db.unavailable': 503,
  internal: 500,
} as const satisfies Record<ErrorCode, number>;
