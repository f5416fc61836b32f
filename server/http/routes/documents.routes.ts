import { sendCiphertext } from '../send-ciphertext.js';
import { z } from 'zod';
import { Id } from '../../../shared/schemas/accounts.js';
import { AudienceMember } from '../../../shared/schemas/audience.js';
import { AppError } from '../../../shared/errors.js';
import {
  CirculateDocument,
  DocumentSummary,
  DocumentView,
  FileInLibrary,
  PostDocumentComment,
  RecordDocumentStage,
  ReviseDocument,
  ShareDocumentKeys,
  UploadedDocumentFile,
} from '../../../shared/schemas/documents.js';
import { circulateDocument, reviseDocument } from '../../modules/documents/circulate.js';
import { commentOnDocument } from '../../modules/documents/comment.js';
import { openDocumentFile, uploadDocumentFile } from '../../modules/documents/files.js';
import { getDocument, listDocuments, listReaders } from '../../modules/documents/read-documents.js';
import { shareDocumentKeys } from '../../modules/documents/share-keys.js';
import { noteLibraryItem, recordStage } from '../../modules/documents/stages.js';
import { defineRoute, documentedErrors, errorResponses } from '../define-route.js';
import type { RouteContext } from './route-context.js';

const IdParams = z.object({ id: Id });
const FileParams = z.object({ id: Id, fileId: Id });

/** Documents for comment under the silence procedure: ciphertext in, ciphertext out. */
export function documentRoutes({ router, registry, documents, authn }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/documents',
    auth: authn,
    tag: 'documents',
    summary:
      "Documents for comment, newest first, each with its proposal and the latest version's sealed title (admins).",
    response: z.array(DocumentSummary),
    errors: [401, 403],
    handler: async ({ req }) => listDocuments(documents, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/documents',
    auth: authn,
    tag: 'documents',
    summary:
      'The secretariat circulates a document for comment under the silence procedure: version 1, sealed to exactly the current readers (else 409 document.readers-changed, with them).',
    body: CirculateDocument,
    response: DocumentView,
    status: 201,
    errors: [400, 401, 403, 409, 413],
    handler: async ({ body, req }) => circulateDocument(documents, await authn.actor(req), body),
  });

  // Before `/api/documents/:id`, which would otherwise take "readers" or "files" for an id.
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/documents/readers',
    auth: authn,
    tag: 'documents',
    summary:
      'The readers a new version is sealed to now: every national admin and secretariat member with admin-verified keys.',
    response: z.array(AudienceMember),
    errors: [401, 403],
    handler: async ({ req }) => listReaders(documents, await authn.actor(req)),
  });

  router.post('/api/documents/files', async (req, res) => {
    const actor = await authn.actor(req);
    if (!req.is('application/octet-stream'))
      throw new AppError('validation.failed', 'send the encrypted file as application/octet-stream');
    const declared = Number(req.headers['content-length'] ?? 0);
    res.status(201).json(await uploadDocumentFile(documents, actor, req, declared));
  });
  registry.registerPath({
    method: 'post',
    path: '/api/documents/files',
    tags: ['documents'],
    security: [{ bearer: [] }],
    summary:
      "The secretariat uploads one file's ciphertext (secretstream, application/octet-stream) for a version it is about to circulate.",
    request: { body: { content: { 'application/octet-stream': { schema: z.string() } } } },
    responses: {
      201: { description: 'stored', content: { 'application/json': { schema: UploadedDocumentFile } } },
      ...errorResponses(documentedErrors({ body: z.string(), auth: authn, errors: [400, 403, 413] })),
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/documents/:id',
    auth: authn,
    tag: 'documents',
    summary:
      'One document for comment: its versions (ciphertext, my sealed key), comments, readers, the keys I may share, stages.',
    params: IdParams,
    response: DocumentView,
    errors: [401, 403, 404],
    handler: async ({ params, req }) => getDocument(documents, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/documents/:id/versions',
    auth: authn,
    tag: 'documents',
    summary: 'The secretariat circulates a revised draft: the deadline restarts and silence reopens.',
    params: IdParams,
    body: ReviseDocument,
    response: DocumentView,
    errors: [400, 401, 403, 404, 409, 413],
    handler: async ({ params, body, req }) => reviseDocument(documents, await authn.actor(req), params.id, body),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/documents/:id/comments',
    auth: authn,
    tag: 'documents',
    summary:
      "A national admin's comment (silence holds) or objection (breaks silence on the current version), sealed under the version's key.",
    params: IdParams,
    body: PostDocumentComment,
    response: DocumentView,
    errors: [400, 401, 403, 404, 409, 413],
    handler: async ({ params, body, req }) => commentOnDocument(documents, await authn.actor(req), params.id, body),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/documents/:id/keys',
    auth: authn,
    tag: 'documents',
    summary: "A reader shares a version's key, sealed in their client, with current readers who have none.",
    params: IdParams,
    body: ShareDocumentKeys,
    response: DocumentView,
    errors: [400, 401, 403, 404],
    handler: async ({ params, body, req }) => shareDocumentKeys(documents, await authn.actor(req), params.id, body),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/documents/:id/stages',
    auth: authn,
    tag: 'documents',
    summary: 'The secretariat records a later stage of an adopted document (forwarded, approved, ...).',
    params: IdParams,
    body: RecordDocumentStage,
    response: DocumentView,
    errors: [400, 401, 403, 404, 409],
    handler: async ({ params, body, req }) => recordStage(documents, await authn.actor(req), params.id, body),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/documents/:id/library-item',
    auth: authn,
    tag: 'documents',
    summary: 'The secretariat notes (once) the shared-library item the adopted text was filed as.',
    params: IdParams,
    body: FileInLibrary,
    response: DocumentView,
    errors: [400, 401, 403, 404, 409],
    handler: async ({ params, body, req }) => noteLibraryItem(documents, await authn.actor(req), params.id, body),
  });

  router.get('/api/documents/:id/files/:fileId', async (req, res) => {
    const actor = await authn.actor(req);
    const params = FileParams.safeParse(req.params);
    if (!params.success) throw new AppError('validation.failed', 'invalid document or file id');
    await sendCiphertext(res, await openDocumentFile(documents, actor, params.data.id, params.data.fileId));
  });
  registry.registerPath({
    method: 'get',
    path: '/api/documents/{id}/files/{fileId}',
    tags: ['documents'],
    security: [{ bearer: [] }],
    summary: "A reader downloads the ciphertext of a document's file.",
    request: { params: FileParams },
    responses: {
      200: { description: 'ciphertext', content: { 'application/octet-stream': { schema: z.string() } } },
      ...errorResponses(documentedErrors({ params: FileParams, auth: authn, errors: [403, 404] })),
    },
  });
}
