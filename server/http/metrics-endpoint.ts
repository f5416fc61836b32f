import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { performance } from 'node:perf_hooks';
import type { MetricsPort } from '../system/metrics-port.js';
import { secondsSince } from '../system/metrics-port.js';

export interface MetricsEndpoint {
  /** METRICS_TOKEN; without it GET /metrics on the main port does not exist (404). */
  token: string | undefined;
  scrape(): Promise<{ contentType: string; body: string }>;
}

/** Hashed first, so the comparison is constant-time whatever length the caller sent. */
const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * GET /metrics on the main port, for a scraper that can only reach it (behind the proxy, which
 * refuses /metrics from outside): `Authorization: Bearer <METRICS_TOKEN>` or 401.
 */
export function metricsEndpoint(endpoint: MetricsEndpoint): RequestHandler {
  const expected = endpoint.token === undefined ? undefined : digest(`Bearer ${endpoint.token}`);
  return (req, res, next) => {
    if (!expected) {
      next();
      return;
    }
    if (!timingSafeEqual(digest(req.get('authorization') ?? ''), expected)) {
      res.status(401).set('WWW-Authenticate', 'Bearer').type('text/plain').send('unauthorized\n');
      return;
    }
    endpoint.scrape().then(({ contentType, body }) => res.type(contentType).send(body), next);
  };
}

/** One count and one duration per answered request; method and status class only (no paths: they hold ids). */
export function requestMetrics(metrics: Pick<MetricsPort, 'httpRequest'>): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => metrics.httpRequest(req.method, res.statusCode, secondsSince(started)));
    next();
  };
}
