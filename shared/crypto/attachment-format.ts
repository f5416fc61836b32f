import { z } from 'zod';
import { base64UrlBytes } from './encoding.js';

/** Plaintext bytes per chunk; each ciphertext chunk is 17 bytes longer (tag byte + MAC). */
export const ATTACHMENT_CHUNK_BYTES = 64 * 1024;

/** The upload's size for a file of `plainBytes`: every chunk (at least the final one) adds 17 bytes. */
export const attachmentUploadBytes = (plainBytes: number): number =>
  plainBytes + 17 * Math.max(1, Math.ceil(plainBytes / ATTACHMENT_CHUNK_BYTES));

/**
 * What a message payload carries so a recipient can decrypt an uploaded attachment:
 * `fileKey` 32 bytes and `header` (secretstream header) 24 bytes, both base64url. A format
 * only, so content schemas can embed it without pulling in encryption code.
 */
export const AttachmentSecret = z.object({ fileKey: base64UrlBytes(32), header: base64UrlBytes(24) }).strict();
export type AttachmentSecret = z.infer<typeof AttachmentSecret>;
