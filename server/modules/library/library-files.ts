import type { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors.js';
import { LIBRARY_LIMITS } from '../../../shared/schemas/library.js';
import type { User } from '../accounts/ports/users.js';
import { UNBOUND_FILE_TTL_MS, type LibraryDeps } from './library-deps.js';
import { itemDetail } from './read-library.js';

const CHUNK_BYTES = 255 * 1024;
const tooLarge = (): AppError =>
  new AppError('library.too-large', `a file is limited to ${LIBRARY_LIMITS.fileBytes / 2 ** 20} MB`);

/** Largest upload: the plaintext limit plus secretstream's overhead (17 bytes per 64 KiB frame, 24-byte header margin). */
export const MAX_UPLOAD_BYTES = LIBRARY_LIMITS.fileBytes + Math.ceil(LIBRARY_LIMITS.fileBytes / 65_536 + 1) * 17 + 64;

/** Stores an uploaded ciphertext file in chunks as it arrives; over the limit it is dropped. */
export async function uploadLibraryFile(
  deps: LibraryDeps,
  actor: User,
  body: Readable,
  declaredBytes: number,
): Promise<{ id: string; size: number }> {
  if (actor.status !== 'active') throw new AppError('auth.forbidden', 'only an active account uploads');
  if (declaredBytes > MAX_UPLOAD_BYTES) throw tooLarge();
  const id = await deps.files.begin(actor.id, deps.clock.now());
  let size = 0;
  let n = 0;
  let pending = Buffer.alloc(0);
  try {
    for await (const chunk of body) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > MAX_UPLOAD_BYTES) throw tooLarge();
      pending = Buffer.concat([pending, buffer]);
      while (pending.length >= CHUNK_BYTES) {
        await deps.files.putChunk(id, n++, Buffer.from(pending.subarray(0, CHUNK_BYTES)));
        pending = pending.subarray(CHUNK_BYTES);
      }
    }
    if (pending.length > 0) await deps.files.putChunk(id, n++, Buffer.from(pending));
    if (size === 0) throw new AppError('validation.failed', 'the file is empty');
    await deps.files.finish(id, size, n);
    return { id, size };
  } catch (error) {
    await deps.files.delete([id]);
    body.resume();
    throw error;
  }
}

/** The uploader before it is published; afterwards a current reader of the item's shelf. */
export async function openLibraryFile(
  deps: LibraryDeps,
  actor: User,
  id: string,
): Promise<{ size: number; stream: AsyncGenerator<Buffer> }> {
  const file = await deps.files.find(id);
  if (!file?.complete) throw new AppError('library.not-found', 'no such file');
  if (file.itemId === null) {
    if (file.uploaderId !== actor.id) throw new AppError('library.not-found', 'no such file');
  } else {
    const item = await itemDetail(deps, actor, file.itemId);
    if (!item.versions.some((version) => version.files.some((f) => f.id === id)))
      throw new AppError('library.not-found', 'no such file');
  }
  return { size: file.size, stream: deps.files.read(id) };
}

/** Deletes uploads never published (an abandoned form, a failed publish). */
export async function sweepLibraryFiles(deps: Pick<LibraryDeps, 'files' | 'clock'>): Promise<number> {
  const stale = await deps.files.unboundBefore(new Date(deps.clock.now().getTime() - UNBOUND_FILE_TTL_MS));
  await deps.files.delete(stale);
  return stale.length;
}
