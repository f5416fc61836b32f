import { z } from 'zod';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import { Id } from '../../../shared/schemas/accounts.js';
import {
  AttachmentLimits,
  BacklogPage,
  DeliveredMessage,
  SendMessageResult,
} from '../../../shared/schemas/messaging.js';
import { ApiError, apiErrorFromBody } from '../api-error.js';
import type { FetchLike } from '../http-transport.js';
import type { SessionManager } from '../session-manager.js';

/**
 * History filters: by counterpart or thread; `before` (ISO time of the oldest seen) with
 * `beforeId` (its id) pages back without skipping messages stored in the same millisecond.
 */
export interface HistoryFilter {
  with?: string;
  threadId?: string;
  before?: string;
  beforeId?: string;
  /** 1–100, default 50. */
  limit?: number;
}

/** The relay over HTTP: ciphertext in, ciphertext out. Decryption happens in the Messenger. */
export interface MessagesApi {
  /** One already-sealed envelope as is; a held one without its approvers is refused (`message.approvers-required`): the messenger and requests re-seal. */
  send(envelope: Envelope, attachmentIds?: string[]): Promise<SendMessageResult>;
  backlog(limit?: number): Promise<BacklogPage>;
  ack(ids: string[]): Promise<number>;
  /** Messages I sent or received, newest first. */
  history(filter?: HistoryFilter): Promise<DeliveredMessage[]>;
  /** Uploads attachment ciphertext (application/octet-stream); returns the id to name when sending. */
  uploadAttachment(ciphertext: Uint8Array<ArrayBuffer>): Promise<{ id: string; size: number }>;
  /** The ciphertext of an attachment I uploaded or received. */
  downloadAttachment(id: string): Promise<Uint8Array>;
  /** The largest upload and the most attachments per message this server accepts. */
  attachmentLimits(): Promise<AttachmentLimits>;
}

const Uploaded = z.object({ id: Id, size: z.number().int() });

/** Answers that mean "no node could take it just now" (the proxy's, during a node's restart). */
const UNAVAILABLE = new Set([502, 503, 504]);
const TRANSFER_TRIES = 4;
const TRANSFER_RETRY_MS = 250;

/** The response when it is a success; otherwise its error, as the JSON transport reports it. */
async function answered(response: Response): Promise<Response> {
  if (response.ok) return response;
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(response.status, 'client.bad-response', `HTTP ${response.status} without a JSON error body`);
  }
  throw apiErrorFromBody(response.status, json);
}

export function messagesApi(baseUrl: string, fetchImpl: FetchLike, session: SessionManager): MessagesApi {
  const base = baseUrl.replace(/\/+$/, '');

  /**
   * Binary bodies bypass the JSON transport; a 401 is answered by one refresh and one retry, as there.
   * A node that is stopping (a rolling restart) can cut a transfer: the proxy answers 502–504 or the
   * connection drops. Such a transfer is tried again a few times; repeating an upload is safe (an
   * upload that no sent message names is deleted after a day).
   */
  const binary = async (method: 'GET' | 'POST', path: string, body?: Uint8Array<ArrayBuffer>): Promise<Response> => {
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const lastTry = attempt >= TRANSFER_TRIES;
      const response = await transferOnce(method, path, body).catch((error: unknown) => {
        if (!lastTry && error instanceof ApiError && error.code === 'client.network') return undefined;
        throw error;
      });
      if (response === undefined || (!lastTry && UNAVAILABLE.has(response.status))) {
        await new Promise((resolve) => setTimeout(resolve, TRANSFER_RETRY_MS * 2 ** (attempt - 1)));
        continue;
      }
      if (response.status === 401 && !refreshed) {
        refreshed = true;
        await session.refresh();
        continue;
      }
      return answered(response);
    }
  };

  const transferOnce = async (
    method: 'GET' | 'POST',
    path: string,
    body: Uint8Array<ArrayBuffer> | undefined,
  ): Promise<Response> => {
    const headers: Record<string, string> = {
      authorization: `Bearer ${await session.accessToken()}`,
      accept: 'application/octet-stream, application/json',
    };
    if (body) headers['content-type'] = 'application/octet-stream';
    try {
      return await fetchImpl(`${base}${path}`, { method, headers, ...(body ? { body } : {}) });
    } catch (error) {
      throw new ApiError(
        0,
        'client.network',
        `the server cannot be reached: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  return {
    send: (envelope, attachmentIds = []) =>
      session.authed({
        method: 'POST',
        path: '/api/messages',
        body: { envelope, attachmentIds },
        schema: SendMessageResult,
      }),
    backlog: (limit = 50) =>
      session.authed({ method: 'GET', path: '/api/messages/backlog', query: { limit }, schema: BacklogPage }),
    ack: async (ids) =>
      (
        await session.authed({
          method: 'POST',
          path: '/api/messages/ack',
          body: { ids },
          schema: z.object({ acknowledged: z.number().int() }),
        })
      ).acknowledged,
    history: (filter = {}) =>
      session.authed({
        method: 'GET',
        path: '/api/messages',
        query: {
          with: filter.with,
          threadId: filter.threadId,
          before: filter.before,
          beforeId: filter.beforeId,
          limit: filter.limit,
        },
        schema: z.array(DeliveredMessage),
      }),
    async uploadAttachment(ciphertext) {
      const response = await binary('POST', '/api/attachments', ciphertext);
      const parsed = Uploaded.safeParse(await response.json().catch(() => undefined));
      if (!parsed.success)
        throw new ApiError(
          response.status,
          'client.bad-response',
          'the answer to the upload does not match its schema',
        );
      return parsed.data;
    },
    attachmentLimits: () =>
      session.authed({ method: 'GET', path: '/api/attachments/limits', schema: AttachmentLimits }),
    async downloadAttachment(id) {
      const response = await binary('GET', `/api/attachments/${encodeURIComponent(id)}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
