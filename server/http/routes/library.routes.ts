import { sendCiphertext } from '../send-ciphertext.js';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import {
  AddGrantsRequest,
  LibraryFileParams,
  LibraryFileUploaded,
  LibraryItemDetail,
  LibraryItemParams,
  LibraryItemView,
  ListLibraryQuery,
  PublishItemRequest,
  PublishNewVersionRequest,
  RotateShelfRequest,
  ShelfParams,
  ShelfView,
} from '../../../shared/schemas/library.js';
import { MAX_UPLOAD_BYTES, openLibraryFile, uploadLibraryFile } from '../../modules/library/library-files.js';
import { publishItem, publishVersion, withdrawItem } from '../../modules/library/publish.js';
import { itemDetail, listItems, readableShelves } from '../../modules/library/read-library.js';
import { shelfAudience } from '../../modules/library/shelf-readers.js';
import { addGrants, listShelves, rotateShelf, shelfView } from '../../modules/library/shelves.js';
import { defineRoute, documentedErrors, errorResponses } from '../define-route.js';
import type { RouteContext } from './route-context.js';

const Granted = z.object({ granted: z.number().int() });

/** The shared library: shelves and their sealed keys, items and versions (ciphertext), files. */
export function libraryRoutes({ router, registry, library, authn }: RouteContext): void {
  const tag = 'library';

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/library/shelves',
    auth: authn,
    tag,
    summary:
      'The shelves you read, each with its epoch, your sealed shelf keys and the readers lacking a key you hold (share them: POST …/grants).',
    response: z.array(ShelfView),
    errors: [401],
    handler: async ({ req }) => {
      const actor = await authn.actor(req);
      return listShelves(library, actor, await readableShelves(library, actor));
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/library/shelves/:audience',
    auth: authn,
    tag,
    summary:
      'One shelf ("domain:border", "national-admins", "everyone"): for a reader or a publisher; publishers also get every reader with verified keys.',
    params: ShelfParams,
    response: ShelfView,
    errors: [401, 403, 404],
    handler: async ({ params, req }) => shelfView(library, await authn.actor(req), shelfAudience(params.audience)),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/library/shelves/:audience/epochs',
    auth: authn,
    tag,
    summary:
      "Open the shelf's next epoch: a new shelf key sealed to every current reader (publishers, when the shelf is new or a reader left).",
    params: ShelfParams,
    body: RotateShelfRequest,
    response: ShelfView,
    status: 201,
    errors: [401, 403, 404, 409],
    handler: async ({ params, body, req }) =>
      rotateShelf(library, await authn.actor(req), shelfAudience(params.audience), body),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/library/shelves/:audience/grants',
    auth: authn,
    tag,
    summary:
      "Share an epoch's shelf key with readers lacking it (newcomers): only a reader holding that epoch, only for current readers, once.",
    params: ShelfParams,
    body: AddGrantsRequest,
    response: Granted,
    status: 201,
    errors: [401, 403, 404],
    handler: async ({ params, body, req }) =>
      addGrants(library, await authn.actor(req), shelfAudience(params.audience), body),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/library/items',
    auth: authn,
    tag,
    summary:
      "Items on the shelves you read (not withdrawn), newest change first, each with its latest version's ciphertexts; filters on plaintext metadata only.",
    query: ListLibraryQuery,
    response: z.array(LibraryItemView),
    errors: [401],
    handler: async ({ query, req }) => listItems(library, await authn.actor(req), query),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/library/items',
    auth: authn,
    tag,
    summary:
      "Publish an item's first version, sealed and signed by your client, to a shelf you may publish to (files uploaded first).",
    body: PublishItemRequest,
    response: LibraryItemView,
    status: 201,
    errors: [401, 403, 409, 413],
    handler: async ({ body, req }) => publishItem(library, await authn.actor(req), body),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/library/items/:id',
    auth: authn,
    tag,
    summary: 'One item with every version (a current reader of its shelf).',
    params: LibraryItemParams,
    response: LibraryItemDetail,
    errors: [401, 404],
    handler: async ({ params, req }) => itemDetail(library, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/library/items/:id/versions',
    auth: authn,
    tag,
    summary: "Publish the item's next version (its author, their national admin, or the secretariat).",
    params: LibraryItemParams,
    body: PublishNewVersionRequest,
    response: LibraryItemView,
    status: 201,
    errors: [401, 403, 404, 409, 410, 413],
    handler: async ({ params, body, req }) => publishVersion(library, await authn.actor(req), params.id, body),
  });

  defineRoute(router, registry, {
    method: 'delete',
    path: '/api/library/items/:id',
    auth: authn,
    tag,
    summary: 'Withdraw an item: no longer listed nor readable (its author, their national admin, or the secretariat).',
    params: LibraryItemParams,
    response: z.object({ ok: z.literal(true) }),
    errors: [401, 403, 404, 410],
    handler: async ({ params, req }) => withdrawItem(library, await authn.actor(req), params.id),
  });

  // Binary bodies and answers: mounted by hand, documented below.
  router.post('/api/library/files', async (req, res) => {
    const actor = await authn.actor(req);
    if (!req.is('application/octet-stream'))
      throw new AppError('validation.failed', 'send the encrypted file as application/octet-stream');
    res.status(201).json(await uploadLibraryFile(library, actor, req, Number(req.headers['content-length'] ?? 0)));
  });

  router.get('/api/library/files/:id', async (req, res) => {
    const actor = await authn.actor(req);
    const params = LibraryFileParams.safeParse(req.params);
    if (!params.success) throw new AppError('validation.failed', 'invalid file id');
    await sendCiphertext(res, await openLibraryFile(library, actor, params.data.id));
  });

  registry.registerPath({
    method: 'post',
    path: '/api/library/files',
    tags: [tag],
    security: [{ bearer: [] }],
    summary: `Upload a library file's ciphertext (application/octet-stream, streamed; at most ${MAX_UPLOAD_BYTES} bytes); then name its id when publishing.`,
    request: { body: { content: { 'application/octet-stream': { schema: z.string() } } } },
    responses: {
      201: { description: 'stored', content: { 'application/json': { schema: LibraryFileUploaded } } },
      ...errorResponses(documentedErrors({ body: z.string(), auth: authn, errors: [400, 403] })),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/library/files/{id}',
    tags: [tag],
    security: [{ bearer: [] }],
    summary:
      "Download a library file's ciphertext (its uploader before publishing; then a reader of the item's shelf).",
    request: { params: LibraryFileParams },
    responses: {
      200: { description: 'ciphertext', content: { 'application/octet-stream': { schema: z.string() } } },
      ...errorResponses(documentedErrors({ params: LibraryFileParams, auth: authn, errors: [404] })),
    },
  });
}
