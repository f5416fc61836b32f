import { AppError } from '../../../shared/errors.js';
import { MAX_PROPOSAL_DAYS, MIN_PROPOSAL_HOURS } from '../../../shared/schemas/consensus.js';
import { DOCUMENT_LIMITS, type SealedVersionInput } from '../../../shared/schemas/documents.js';
import type { User } from '../accounts/ports/users.js';
import type { DocumentsDeps } from './documents-deps.js';

const HOUR_MS = 3_600_000;

/** A deadline at least the minimum period and at most the maximum from now. */
export function checkDeadline(deadline: Date, now: Date): void {
  const hours = (deadline.getTime() - now.getTime()) / HOUR_MS;
  if (!(hours >= MIN_PROPOSAL_HOURS && hours <= MAX_PROPOSAL_DAYS * 24))
    throw new AppError(
      'document.invalid',
      `the deadline must be between ${MIN_PROPOSAL_HOURS} hours and ${MAX_PROPOSAL_DAYS} days from now`,
      [{ path: ['body', 'deadline'], message: `${MIN_PROPOSAL_HOURS} h to ${MAX_PROPOSAL_DAYS} days ahead` }],
    );
}

const tooLarge = (what: string, path: string[]): AppError =>
  new AppError('document.too-large', `${what} is too large`, [{ path, message: 'too large' }]);

/**
 * The sizes of a sealed version and its files: each file was uploaded by the author, complete and
 * not yet part of a document; all within the limits. Answers the files' sizes.
 */
export async function checkVersionSize(
  deps: DocumentsDeps,
  actor: User,
  version: SealedVersionInput,
): Promise<Array<{ fileId: string; size: number }>> {
  if (version.head.length > DOCUMENT_LIMITS.headChars) throw tooLarge('the title', ['body', 'version', 'head']);
  if (version.body.length > DOCUMENT_LIMITS.bodyChars) throw tooLarge('the text', ['body', 'version', 'body']);
  if (version.files.length > DOCUMENT_LIMITS.filesPerVersion)
    throw new AppError('document.too-large', `at most ${DOCUMENT_LIMITS.filesPerVersion} files per version`, [
      { path: ['body', 'version', 'files'], message: 'too many files' },
    ]);
  if (new Set(version.files).size !== version.files.length)
    throw new AppError('document.invalid', 'a file is listed twice', [
      { path: ['body', 'version', 'files'], message: 'repeated' },
    ]);
  const found = await deps.files.find(version.files);
  const usable = new Map(
    found.filter((file) => file.uploaderId === actor.id && file.proposalId === null).map((file) => [file.id, file]),
  );
  const files = version.files.map((fileId, index) => {
    const file = usable.get(fileId);
    if (!file)
      throw new AppError('document.invalid', 'a file is not one you uploaded for a new version', [
        { path: ['body', 'version', 'files', String(index)], message: 'unknown file' },
      ]);
    return { fileId, size: file.size };
  });
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (total > DOCUMENT_LIMITS.totalFileBytes)
    throw tooLarge(`the files together (${Math.round(total / 2 ** 20)} MB)`, ['body', 'version', 'files']);
  return files;
}
