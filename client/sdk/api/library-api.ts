import { z } from 'zod';
import {
  LibraryFileUploaded,
  LibraryItemDetail,
  LibraryItemView,
  ShelfView,
  type AddGrantsRequest,
  type ListLibraryQuery,
  type PublishItemRequest,
  type PublishNewVersionRequest,
  type RotateShelfRequest,
} from '../../../shared/schemas/library.js';
import { ApiError, apiErrorFromBody } from '../api-error.js';
import type { FetchLike } from '../http-transport.js';
import type { SessionManager } from '../session-manager.js';

/** The library's REST calls: ciphertext in and out. Sealing and opening are in `client/sdk/library/`. */
export interface LibraryApi {
  shelves(): Promise<ShelfView[]>;
  /** `audience`: "domain:border", "national-admins" or "everyone". */
  shelf(audience: string): Promise<ShelfView>;
  rotate(audience: string, input: RotateShelfRequest): Promise<ShelfView>;
  grant(audience: string, input: AddGrantsRequest): Promise<{ granted: number }>;
  list(query?: ListLibraryQuery): Promise<LibraryItemView[]>;
  item(id: string): Promise<LibraryItemDetail>;
  publish(input: PublishItemRequest): Promise<LibraryItemView>;
  publishVersion(id: string, input: PublishNewVersionRequest): Promise<LibraryItemView>;
  withdraw(id: string): Promise<void>;
  uploadFile(ciphertext: Uint8Array<ArrayBuffer>): Promise<{ id: string; size: number }>;
  downloadFile(id: string): Promise<Uint8Array>;
}

export function libraryApi(baseUrl: string, fetchImpl: FetchLike, session: SessionManager): LibraryApi {
  const base = baseUrl.replace(/\/+$/, '');
  const shelfPath = (audience: string, rest = '') => `/api/library/shelves/${encodeURIComponent(audience)}${rest}`;
  const itemPath = (id: string, rest = '') => `/api/library/items/${encodeURIComponent(id)}${rest}`;

  /** Binary bodies bypass the JSON transport; a 401 is answered by one refresh and one retry. */
  const binary = async (method: 'GET' | 'POST', path: string, body?: Uint8Array<ArrayBuffer>): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${await session.accessToken()}`,
        accept: 'application/octet-stream, application/json',
      };
      if (body) headers['content-type'] = 'application/octet-stream';
      let response: Response;
      try {
        response = await fetchImpl(`${base}${path}`, { method, headers, ...(body ? { body } : {}) });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ApiError(0, 'client.network', `the server cannot be reached: ${reason}`);
      }
      if (response.status === 401 && attempt === 0) {
        await session.refresh();
        continue;
      }
      if (response.ok) return response;
      const json: unknown = await response.json().catch(() => undefined);
      throw apiErrorFromBody(response.status, json);
    }
  };

  return {
    shelves: () => session.authed({ method: 'GET', path: '/api/library/shelves', schema: z.array(ShelfView) }),
    shelf: (audience) => session.authed({ method: 'GET', path: shelfPath(audience), schema: ShelfView }),
    rotate: (audience, input) =>
      session.authed({ method: 'POST', path: shelfPath(audience, '/epochs'), body: input, schema: ShelfView }),
    grant: (audience, input) =>
      session.authed({
        method: 'POST',
        path: shelfPath(audience, '/grants'),
        body: input,
        schema: z.object({ granted: z.number().int() }),
      }),
    list: (query = {}) =>
      session.authed({ method: 'GET', path: '/api/library/items', query, schema: z.array(LibraryItemView) }),
    item: (id) => session.authed({ method: 'GET', path: itemPath(id), schema: LibraryItemDetail }),
    publish: (input) =>
      session.authed({ method: 'POST', path: '/api/library/items', body: input, schema: LibraryItemView }),
    publishVersion: (id, input) =>
      session.authed({ method: 'POST', path: itemPath(id, '/versions'), body: input, schema: LibraryItemView }),
    async withdraw(id) {
      await session.authed({ method: 'DELETE', path: itemPath(id), schema: z.object({ ok: z.literal(true) }) });
    },
    async uploadFile(ciphertext) {
      const response = await binary('POST', '/api/library/files', ciphertext);
      const parsed = LibraryFileUploaded.safeParse(await response.json().catch(() => undefined));
      if (!parsed.success)
        throw new ApiError(
          response.status,
          'client.bad-response',
          'the answer to the upload does not match its schema',
        );
      return parsed.data;
    },
    async downloadFile(id) {
      const response = await binary('GET', `/api/library/files/${encodeURIComponent(id)}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
