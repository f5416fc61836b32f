import type { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors.js';
import type { AttachmentStore, MessageStore } from './ports.js';
import type { User } from '../accounts/ports/users.js';
import type { Clock } from '../../system/clock.js';
import { authorize } from '../accounts/authorize.js';

export const CHUNK_BYTES = 255 * 1024;

export interface AttachmentDeps {
  attachments: AttachmentStore;
  messages: MessageStore;
  clock: Clock;
  maxBytes: number;
}

/**
 * Stores an uploaded ciphertext stream in chunks as it arrives (never the whole file in memory).
 * Over the limit: the upload is dropped and 413 answered.
 */
export async function uploadAttachment(
  deps: AttachmentDeps,
  actor: User,
  body: Readable,
): Promise<{ id: string; size: number }> {
  authorize(actor, 'exchange:take-part');
  const id = await deps.attachments.begin(actor.id, deps.clock.now());
  let size = 0;
  let n = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async (final: boolean): Promise<void> => {
    while (pendingBytes >= CHUNK_BYTES || (final && pendingBytes > 0)) {
      const all = Buffer.concat(pending);
      const piece = all.subarray(0, CHUNK_BYTES);
      await deps.attachments.putChunk(id, n, Buffer.from(piece));
      n += 1;
      const rest = all.subarray(piece.length);
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
    }
  };
  try {
    for await (const chunk of body) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > deps.maxBytes)
        throw new AppError(
          'http.payload-too-large',
          `attachments are limited to ${Math.round(deps.maxBytes / 2 ** 20)} MB`,
        );
      pending.push(buffer);
      pendingBytes += buffer.length;
      await flush(false);
    }
    await flush(true);
    if (size === 0) throw new AppError('validation.failed', 'the attachment is empty');
    await deps.attachments.finish(id, size, n);
    return { id, size };
  } catch (error) {
    await deps.attachments.delete([id]);
    body.resume(); // drain what is left so the connection can answer
    throw error;
  }
}

/** The uploader, or a recipient of the message it is bound to, may download the ciphertext. */
export async function openAttachment(
  deps: AttachmentDeps,
  actor: User,
  id: string,
): Promise<{ size: number; stream: AsyncGenerator<Buffer> }> {
  const attachment = await deps.attachments.find(id);
  if (!attachment?.complete) throw new AppError('message.not-found', 'no such attachment');
  let allowed = attachment.uploaderId === actor.id;
  if (!allowed && attachment.messageId) {
    const message = await deps.messages.findById(attachment.messageId);
    allowed = message?.status === 'accepted' && message.recipientIds.includes(actor.id);
  }
  if (!allowed) throw new AppError('message.not-found', 'no such attachment');
  return { size: attachment.size, stream: deps.attachments.read(id) };
}
