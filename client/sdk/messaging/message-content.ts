import { z } from 'zod';
import { AttachmentSecret } from '../../../shared/crypto/attachment-format.js';
import { MsgId } from '../../../shared/crypto/envelope-format.js';
import { Id } from '../../../shared/schemas/accounts.js';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '../../../shared/schemas/messaging.js';

/**
 * An attachment as referenced from inside the encrypted payload: the server id of the uploaded
 * ciphertext, and the file key + secretstream header that only the parties can read.
 */
export const AttachmentRef = z
  .object({
    id: Id,
    name: z.string().min(1).max(255),
    type: z.string().max(127),
    /** Plaintext size in bytes. */
    size: z.number().int().nonnegative(),
    fileKey: AttachmentSecret.shape.fileKey,
    header: AttachmentSecret.shape.header,
  })
  .strict();
export type AttachmentRef = z.infer<typeof AttachmentRef>;

/** The longest text of one message, in UTF-16 code units. */
export const MAX_MESSAGE_TEXT = 100_000;

/** Content of kind 'message'. */
export const MessageContent = z
  .object({
    text: z.string().max(MAX_MESSAGE_TEXT),
    attachments: z.array(AttachmentRef).max(MAX_ATTACHMENTS_PER_MESSAGE).default([]),
  })
  .strict();
export type MessageContent = z.infer<typeof MessageContent>;

/** Content of kind 'receipt': the sender of `read` messages is the receipt's recipient. */
export const ReceiptContent = z
  .object({
    read: z.array(MsgId).min(1).max(200),
    /** ms since the Unix epoch, by the reader's clock. */
    at: z.number().int().nonnegative(),
  })
  .strict();
export type ReceiptContent = z.infer<typeof ReceiptContent>;
