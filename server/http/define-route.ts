import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Request, Response, Router } from 'express';
import type { z, ZodType } from 'zod';
import { AppError } from '../../shared/errors.js';
import { ErrorResponse } from '../../shared/schemas/error-response.js';
import { toFieldIssues } from '../system/field-issues.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A route's contract: one declaration gives validation, types and the OpenAPI entry. */
export interface RouteSpec<Body, Query, Params, Result> {
  method: Method;
  /** Express-style path, e.g. `/api/invitations/:id`. */
  path: string;
  summary: string;
  tag: string;
  body?: ZodType<Body>;
  query?: ZodType<Query>;
  params?: ZodType<Params>;
  response: ZodType<Result>;
  /** Success status (default 200). */
  status?: number;
  /** Statuses other than success this route may answer with, for the OpenAPI document. */
  errors?: number[];
  /** Other success statuses and their answers (e.g. 202 when a second person must approve first). */
  alsoSucceeds?: Record<number, ZodType>;
  /** Other content types the success answer may come in (e.g. text/csv when asked for), by type. */
  alsoAnswers?: Record<string, ZodType>;
  /** Signed-in callers only: checked before any input is parsed, so anonymous callers learn nothing. */
  auth?: { actor(req: Request): Promise<unknown> };
  handler: (input: {
    body: Body;
    query: Query;
    params: Params;
    req: Request;
    res: Response;
  }) => Promise<Result> | Result;
}

function parseOrThrow<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  // Routes that declare no schema for a part get `undefined` for it, never the raw input.
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('validation.failed', `invalid ${where}`, toFieldIssues(where, result.error));
  return result.data;
}

export const openApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'invalid input (validation.failed, with the fields in issues), or a body that is not JSON',
  401: 'not signed in, or the session has ended',
  413: 'the body is larger than the server accepts',
  500: 'an unexpected error (nothing internal is named)',
  503: 'the database is temporarily unavailable: try again',
};

/** The OpenAPI responses of error statuses: each with the one error body. */
export function errorResponses(
  statuses: readonly number[],
): Record<number, { description: string; content: { 'application/json': { schema: typeof ErrorResponse } } }> {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: ERROR_DESCRIPTIONS[status] ?? 'error (code in body)',
        content: { 'application/json': { schema: ErrorResponse } },
      },
    ]),
  );
}

/**
 * What a route can answer besides success: its own errors, and those every route of its kind can
 * give (bad input where it takes input, 401 where it needs a session, 413 where it takes a body,
 * 500 and 503 anywhere).
 */
export function documentedErrors(
  spec: Pick<RouteSpec<unknown, unknown, unknown, unknown>, 'errors' | 'body' | 'query' | 'params' | 'auth'>,
): number[] {
  const all = new Set(spec.errors ?? []);
  if (spec.body || spec.query || spec.params) all.add(400);
  if (spec.body) all.add(413);
  if (spec.auth) all.add(401);
  all.add(500);
  all.add(503);
  return [...all].sort((a, b) => a - b);
}

/** Mounts the route on the router and records it in the OpenAPI registry. */
export function defineRoute<Body = undefined, Query = undefined, Params = undefined, Result = unknown>(
  router: Router,
  registry: OpenAPIRegistry,
  spec: RouteSpec<Body, Query, Params, Result>,
): void {
  router[spec.method](spec.path, async (req, res) => {
    if (spec.auth) await spec.auth.actor(req);
    const body = parseOrThrow(spec.body, req.body, 'body');
    const query = parseOrThrow(spec.query, req.query, 'query');
    const params = parseOrThrow(spec.params, req.params, 'params');
    const result = await spec.handler({ body, query, params, req, res });
    if (!res.headersSent) res.status(spec.status ?? 200).json(result);
  });

  const alternatives = Object.fromEntries(
    Object.entries(spec.alsoAnswers ?? {}).map(([type, schema]) => [type, { schema }]),
  );
  registry.registerPath({
    method: spec.method,
    path: openApiPath(spec.path),
    summary: spec.summary,
    tags: [spec.tag],
    ...(spec.auth ? { security: [{ bearer: [] }] } : {}),
    request: {
      ...(spec.params ? { params: spec.params as z.ZodObject } : {}),
      ...(spec.query ? { query: spec.query as z.ZodObject } : {}),
      ...(spec.body ? { body: { content: { 'application/json': { schema: spec.body } } } } : {}),
    },
    responses: {
      [spec.status ?? 200]: {
        description: 'success',
        content: { 'application/json': { schema: spec.response }, ...alternatives },
      },
      ...Object.fromEntries(
        Object.entries(spec.alsoSucceeds ?? {}).map(([status, schema]) => [
          status,
          { description: 'accepted', content: { 'application/json': { schema } } },
        ]),
      ),
      // A status the route answers with a body of its own (readiness's 503) is not the generic error body.
      ...errorResponses(documentedErrors(spec).filter((status) => !(status in (spec.alsoSucceeds ?? {})))),
    },
  });
}
