import { z } from 'zod';
import { AudienceMember } from '../../../shared/schemas/audience.js';
import {
  DocumentSummary,
  DocumentView,
  UploadedDocumentFile,
  type CirculateDocument,
  type FileInLibrary,
  type PostDocumentComment,
  type RecordDocumentStage,
  type ReviseDocument,
  type ShareDocumentKeys,
} from '../../../shared/schemas/documents.js';
import { ApiError, apiErrorFromBody } from '../api-error.js';
import type { FetchLike } from '../http-transport.js';
import type { SessionManager } from '../session-manager.js';

/** Documents for comment over HTTP: ciphertext only (client/sdk/documents seals and opens). */
export interface DocumentsApi {
  list(): Promise<DocumentSummary[]>;
  get(id: string): Promise<DocumentView>;
  /** Who a new version must be sealed to now. */
  readers(): Promise<AudienceMember[]>;
  circulate(input: CirculateDocument): Promise<DocumentView>;
  revise(id: string, input: ReviseDocument): Promise<DocumentView>;
  comment(id: string, input: PostDocumentComment): Promise<DocumentView>;
  shareKeys(id: string, input: ShareDocumentKeys): Promise<DocumentView>;
  recordStage(id: string, input: RecordDocumentStage): Promise<DocumentView>;
  noteLibraryItem(id: string, input: FileInLibrary): Promise<DocumentView>;
  uploadFile(ciphertext: Uint8Array<ArrayBuffer>): Promise<UploadedDocumentFile>;
  downloadFile(id: string, fileId: string): Promise<Uint8Array>;
}

export function documentsApi(baseUrl: string, fetchImpl: FetchLike, session: SessionManager): DocumentsApi {
  const base = baseUrl.replace(/\/+$/, '');
  const path = (id: string, action = ''): string =>
    `/api/documents/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
  const post = (target: string, body: unknown) =>
    session.authed({ method: 'POST', path: target, body, schema: DocumentView });

  /** Binary bodies bypass the JSON transport; a 401 is answered by one refresh and one retry. */
  const binary = async (method: 'GET' | 'POST', target: string, body?: Uint8Array<ArrayBuffer>): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = {
        authorization: `Bearer ${await session.accessToken()}`,
        accept: 'application/octet-stream, application/json',
        ...(body ? { 'content-type': 'application/octet-stream' } : {}),
      };
      let response: Response;
      try {
        response = await fetchImpl(`${base}${target}`, { method, headers, ...(body ? { body } : {}) });
      } catch (error) {
        throw new ApiError(0, 'client.network', `the server cannot be reached: ${String(error)}`);
      }
      if (response.status === 401 && attempt === 0) {
        await session.refresh();
        continue;
      }
      if (response.ok) return response;
      const json: unknown = await response.json().catch(() => undefined);
      if (json === undefined)
        throw new ApiError(response.status, 'client.bad-response', `HTTP ${response.status} without a JSON error body`);
      throw apiErrorFromBody(response.status, json);
    }
  };

  return {
    list: () => session.authed({ method: 'GET', path: '/api/documents', schema: z.array(DocumentSummary) }),
    get: (id) => session.authed({ method: 'GET', path: path(id), schema: DocumentView }),
    readers: () => session.authed({ method: 'GET', path: '/api/documents/readers', schema: z.array(AudienceMember) }),
    circulate: (input) => session.authed({ method: 'POST', path: '/api/documents', body: input, schema: DocumentView }),
    revise: (id, input) => post(path(id, 'versions'), input),
    comment: (id, input) => post(path(id, 'comments'), input),
    shareKeys: (id, input) => post(path(id, 'keys'), input),
    recordStage: (id, input) => post(path(id, 'stages'), input),
    noteLibraryItem: (id, input) => post(path(id, 'library-item'), input),
    async uploadFile(ciphertext) {
      const response = await binary('POST', '/api/documents/files', ciphertext);
      const parsed = UploadedDocumentFile.safeParse(await response.json().catch(() => undefined));
      if (!parsed.success)
        throw new ApiError(
          response.status,
          'client.bad-response',
          'the answer to the upload does not match its schema',
        );
      return parsed.data;
    },
    async downloadFile(id, fileId) {
      const response = await binary('GET', path(id, `files/${encodeURIComponent(fileId)}`));
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
