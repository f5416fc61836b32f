import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { runInRequestContext, wellFormedRequestId } from '../observability/request-context.js';

declare module 'node:http' {
  interface IncomingMessage {
    /** The request id: a well-formed incoming X-Request-Id, or a fresh UUID. */
    id: string;
    log: Logger;
  }
}

/**
 * Gives each request an id (echoed in X-Request-Id; nginx sends its `$request_id`) and runs the
 * rest of the request inside a request context holding it, so lines logged further in (the audit
 * entry it appends, a security event) carry the same id. Logs the request when it ends: server errors at
 * `error`, client errors and aborted requests at `info`, the rest at `debug`. Only the id,
 * method, URL, status and time are logged — headers carry credentials. Nothing is built for a
 * level that is off: this runs on every request, and a per-request child logger (pino-http's
 * way) was most of the garbage a busy server made.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const id = wellFormedRequestId(req.headers['x-request-id']) ?? randomUUID();
    req.id = id;
    req.log = logger;
    res.setHeader('X-Request-Id', id);
    const started = performance.now();
    let done = false;
    const finished = (): void => {
      if (done) return;
      done = true;
      const status = res.statusCode;
      const aborted = !res.writableFinished;
      const level = status >= 500 ? 'error' : aborted || status >= 400 ? 'info' : 'debug';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          req: { id, method: req.method, url: req.originalUrl },
          res: { statusCode: status },
          responseTime: Math.round(performance.now() - started),
        },
        aborted ? 'request aborted' : 'request completed',
      );
    };
    res.once('finish', finished);
    res.once('close', finished);
    runInRequestContext({ requestId: id }, next);
  };
}
