import type { ZodType } from 'zod';
import { ApiError, apiErrorFromBody } from './api-error.js';

/** The subset of `fetch` the SDK uses, so Node, browsers and test doubles all fit. */
/** `body` is a string (JSON) or bytes (attachment ciphertext). */
export type FetchLike = (
  input: string,
  init: { method: string; headers: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> },
) => Promise<Response>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest<T> {
  method: HttpMethod;
  /** Path under the base URL, e.g. `/api/users/abc`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  token?: string;
  /** Default `json`. With `text` (e.g. a CSV export) a success body is handed to `schema` as it came. */
  responseType?: 'json' | 'text';
  /** The shared zod schema of a success answer. */
  schema: ZodType<T>;
}

export interface HttpTransport {
  send<T>(request: HttpRequest<T>): Promise<T>;
}

function queryString(query: HttpRequest<unknown>['query']): string {
  const entries = Object.entries(query ?? {}).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined,
  );
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`;
}

function parseWith<T>(request: HttpRequest<T>, status: number, body: unknown): T {
  const parsed = request.schema.safeParse(body);
  if (!parsed.success)
    throw new ApiError(
      status,
      'client.bad-response',
      `the answer to ${request.method} ${request.path} does not match its schema`,
    );
  return parsed.data;
}

/** JSON over HTTP: success bodies are parsed with their schema, errors become `ApiError`. */
export function createHttpTransport(baseUrl: string, fetchImpl: FetchLike): HttpTransport {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async send<T>(request: HttpRequest<T>): Promise<T> {
      const asText = request.responseType === 'text';
      const headers: Record<string, string> = { accept: asText ? 'text/*, application/json' : 'application/json' };
      if (request.token) headers.authorization = `Bearer ${request.token}`;
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      let response: Response;
      try {
        response = await fetchImpl(`${base}${request.path}${queryString(request.query)}`, {
          method: request.method,
          headers,
          ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        });
      } catch (error) {
        throw new ApiError(
          0,
          'client.network',
          `the server cannot be reached: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const text = await response.text();
      if (asText && response.ok) return parseWith(request, response.status, text);
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        throw new ApiError(
          response.status,
          'client.bad-response',
          `the server answered with something other than JSON (HTTP ${response.status})`,
        );
      }
      if (!response.ok) throw apiErrorFromBody(response.status, json);
      return parseWith(request, response.status, json);
    },
  };
}
