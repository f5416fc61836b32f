import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, type ErrorBody } from '../../shared/errors.js';
import { isDatabaseUnavailable } from '../db/database-errors.js';
import { ERROR_STATUS } from './error-status.js';

/** Errors raised by body-parser carry a `type` (a body that fails to inflate only a 400 status); map the ones a client can cause. */
function fromBodyParser(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if (!('type' in error)) {
    const { status, expose } = error as { status?: unknown; expose?: unknown };
    return status === 400 && expose === true
      ? new AppError('http.bad-json', 'request body could not be read: its content-encoding does not match its bytes')
      : undefined;
  }
  switch (error.type) {
    case 'entity.too.large':
      return new AppError('http.payload-too-large', 'request body is too large');
    case 'entity.parse.failed':
      return new AppError('http.bad-json', 'request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('validation.failed', 'unsupported request body encoding');
    default:
      return undefined;
  }
}

/** The database could not be reached: 503, which clients retry. Logged as a warning, not as a fault of the server. */
function unavailable(error: unknown): AppError | undefined {
  return isDatabaseUnavailable(error)
    ? new AppError('db.unavailable', 'the database is temporarily unavailable: try again')
    : undefined;
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('http.not-found', `no route for ${req.method} ${req.path}`));
};

/**
 * The one error handler: expected errors answer with their code; anything else is logged with
 * the request id and answered with a generic 500 that names nothing internal.
 */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const known = error instanceof AppError ? error : (fromBodyParser(error) ?? unavailable(error));
  const requestId = String(req.id);
  if (!known) req.log.error({ err: error, requestId }, 'unexpected error');
  else if (!(error instanceof AppError) && known.code === 'db.unavailable')
    req.log.warn({ err: error, requestId }, 'database unavailable');
  const appError = known ?? new AppError('internal', 'internal error');
  const body: ErrorBody = {
    code: appError.code,
    message: appError.message,
    ...(appError.issues ? { issues: appError.issues } : {}),
    ...(appError.details ? { details: appError.details } : {}),
    requestId,
  };
  if (res.headersSent) return;
  res.status(ERROR_STATUS[appError.code]).json({ error: body });
};
