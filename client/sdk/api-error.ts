import { ERROR_CODES, type ErrorCode, type FieldIssue } from '../../shared/errors.js';

/**
 * Failures that never reached the server's error handler: the network failed, the answer was
 * not what the shared schema describes (a proxy page, a version mismatch), or a signature was
 * asked for while this account's private keys are not unlocked here.
 */
export const CLIENT_ERROR_CODES = ['client.network', 'client.bad-response', 'client.keys-locked'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** An error answer of the FocalNet API (`{ error: { code, message, issues?, requestId } }`), typed. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when no answer arrived. */
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly requestId?: string,
    /** The server's `details` (JSON), e.g. who to seal a held exchange to; parse before use. */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

function isIssue(value: unknown): value is FieldIssue {
  if (typeof value !== 'object' || value === null) return false;
  const { path, message } = value as { path?: unknown; message?: unknown };
  return (
    Array.isArray(path) &&
    path.every((p) => typeof p === 'string' || typeof p === 'number') &&
    typeof message === 'string'
  );
}

function detailsOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Reads the server's error body; anything else becomes `client.bad-response` with the status kept. */
export function apiErrorFromBody(status: number, body: unknown): ApiError {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error === 'object' && error !== null) {
    const { code, message, issues, requestId, details } = error as Record<string, unknown>;
    if (typeof code === 'string' && KNOWN_CODES.has(code) && typeof message === 'string') {
      return new ApiError(
        status,
        code as ErrorCode,
        message,
        Array.isArray(issues) ? issues.filter(isIssue) : [],
        typeof requestId === 'string' ? requestId : undefined,
        detailsOf(details),
      );
    }
  }
  return new ApiError(status, 'client.bad-response', `unexpected answer from the server (HTTP ${status})`);
}

/** Input refused before sending (same rules as the server's schema), shaped like the server's 400. */
export function localValidationError(field: string, message: string): ApiError {
  return new ApiError(400, 'validation.failed', `invalid body: ${field} ${message}`, [
    { path: ['body', field], message },
  ]);
}
