import { attachmentUploadBytes } from '../../../../shared/crypto/attachment-format';
import type { AttachmentLimits } from '../../../../shared/schemas/messaging';

/** What tells two chosen files apart: the browser gives no path, so name, size and time stand in. */
export interface ChosenFile {
  readonly name: string;
  readonly size: number;
  readonly lastModified: number;
}

export interface AttachmentChoice<F extends ChosenFile> {
  /** The files to attach: the earlier ones, then the new ones that fit. */
  files: F[];
  /** New files whose ciphertext would exceed the server's upload limit. */
  tooLarge: F[];
  /** Some new files were left out because the message would carry more than the server allows. */
  tooMany: boolean;
}

const sameFile = (a: ChosenFile, b: ChosenFile): boolean =>
  a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/**
 * Adds `chosen` to `current`, skipping files already there. With the server's `limits`, a file is
 * measured as the ciphertext it becomes (the limit counts uploaded bytes) and the count is capped;
 * without them (not loaded) everything is accepted and the server's own refusal stands.
 */
export function addAttachments<F extends ChosenFile>(
  current: readonly F[],
  chosen: readonly F[],
  limits: AttachmentLimits | undefined,
): AttachmentChoice<F> {
  const files = [...current];
  const tooLarge: F[] = [];
  let tooMany = false;
  for (const file of chosen) {
    if (files.some((other) => sameFile(other, file))) continue;
    if (limits && attachmentUploadBytes(file.size) > limits.maxBytes) tooLarge.push(file);
    else if (limits && files.length >= limits.maxPerMessage) tooMany = true;
    else files.push(file);
  }
  return { files, tooLarge, tooMany };
}
