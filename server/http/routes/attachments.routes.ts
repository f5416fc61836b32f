import { sendCiphertext } from '../send-ciphertext.js';
import { z } from 'zod';
import { Id } from '../../../shared/schemas/accounts.js';
import { AppError } from '../../../shared/errors.js';
import { AttachmentLimits, MAX_ATTACHMENTS_PER_MESSAGE } from '../../../shared/schemas/messaging.js';
import { openAttachment, uploadAttachment } from '../../modules/messaging/attachments.js';
import { defineRoute, documentedErrors, errorResponses } from '../define-route.js';
import type { RouteContext } from './route-context.js';

const IdParams = z.object({ id: Id });

/** Ciphertext uploads and downloads, streamed (not JSON, so they are mounted by hand). */
export function attachmentRoutes({ router, registry, messaging, authn }: RouteContext): void {
  const deps = {
    attachments: messaging.attachments,
    messages: messaging.messages,
    clock: messaging.clock,
    maxBytes: messaging.maxAttachmentBytes,
  };

  // Before `/api/attachments/:id`, which would otherwise take "limits" for an id.
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/attachments/limits',
    auth: authn,
    tag: 'messages',
    summary: 'The largest attachment upload (ATTACHMENT_MAX_MB) and how many attachments one message may carry.',
    response: AttachmentLimits,
    errors: [401],
    handler: async ({ req }) => {
      await authn.actor(req);
      return { maxBytes: deps.maxBytes, maxPerMessage: MAX_ATTACHMENTS_PER_MESSAGE };
    },
  });

  router.post('/api/attachments', async (req, res) => {
    const actor = await authn.actor(req);
    if (!req.is('application/octet-stream'))
      throw new AppError('validation.failed', 'send the encrypted attachment as application/octet-stream');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > deps.maxBytes)
      throw new AppError(
        'http.payload-too-large',
        `attachments are limited to ${Math.round(deps.maxBytes / 2 ** 20)} MB`,
      );
    res.status(201).json(await uploadAttachment(deps, actor, req));
  });

  router.get('/api/attachments/:id', async (req, res) => {
    const actor = await authn.actor(req);
    const params = IdParams.safeParse(req.params);
    if (!params.success) throw new AppError('validation.failed', 'invalid attachment id');
    await sendCiphertext(res, await openAttachment(deps, actor, params.data.id));
  });

  registry.registerPath({
    method: 'post',
    path: '/api/attachments',
    tags: ['messages'],
    security: [{ bearer: [] }],
    summary:
      'Upload an encrypted attachment (application/octet-stream, streamed; limit ATTACHMENT_MAX_MB); then name its id when sending.',
    request: { body: { content: { 'application/octet-stream': { schema: z.string() } } } },
    responses: {
      201: {
        description: 'stored',
        content: { 'application/json': { schema: z.object({ id: Id, size: z.number().int() }) } },
      },
      ...errorResponses(documentedErrors({ body: z.string(), auth: authn, errors: [400] })),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/attachments/{id}',
    tags: ['messages'],
    security: [{ bearer: [] }],
    summary: "Download an attachment's ciphertext (its uploader, or a recipient of the message it came with).",
    request: { params: IdParams },
    responses: {
      200: { description: 'ciphertext', content: { 'application/octet-stream': { schema: z.string() } } },
      ...errorResponses(documentedErrors({ params: IdParams, auth: authn, errors: [404] })),
    },
  });
}
