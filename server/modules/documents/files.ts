import type { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors.js';
import { DOCUMENT_LIMITS } from '../../../shared/schemas/documents.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import type { DocumentsDeps } from './documents-deps.js';
import { currentReaders, requireReader } from './readers.js';

/** Stored in pieces within every document limit, on MongoDB and FerretDB alike. */
const PIECE_BYTES = 255 * 1024;

const tooLarge = (): AppError =>
  new AppError('document.too-large', `a file is limited to ${Math.round(DOCUMENT_LIMITS.fileBytes / 2 ** 20)} MB`);

/** The secretariat uploads one file's ciphertext (secretstream, made in its client) for a version it is about to circulate. */
export async function uploadDocumentFile(
  deps: DocumentsDeps,
  actor: User,
  body: Readable,
  declaredBytes: number,
): Promise<{ id: string; size: number }> {
  authorize(actor, 'consensus:propose', {}, 'only the secretariat circulates documents for comment');
  if (declaredBytes > DOCUMENT_LIMITS.fileBytes) {
    body.resume();
    throw tooLarge();
  }
  const pieces: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > DOCUMENT_LIMITS.fileBytes) {
      body.resume();
      throw tooLarge();
    }
    pieces.push(buffer);
  }
  if (size === 0) throw new AppError('validation.failed', 'the file is empty');
  const all = Buffer.concat(pieces);
  const stored: Buffer[] = [];
  for (let offset = 0; offset < all.length; offset += PIECE_BYTES)
    stored.push(all.subarray(offset, offset + PIECE_BYTES));
  return { id: await deps.files.save(actor.id, stored, size, deps.clock.now()), size };
}

/** A current reader downloads the ciphertext of a file of a circulated version. */
export async function openDocumentFile(
  deps: DocumentsDeps,
  actor: User,
  proposalId: string,
  fileId: string,
): Promise<{ size: number; stream: AsyncGenerator<Buffer> }> {
  authorize(actor, 'consensus:read');
  requireReader(await currentReaders(deps), actor);
  const [file] = await deps.files.find([fileId]);
  if (!file || file.proposalId !== proposalId) throw new AppError('document.not-found', 'no such file');
  return { size: file.size, stream: deps.files.read(fileId) };
}
