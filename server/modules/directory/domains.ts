import { AppError } from '../../../shared/errors.js';
import type { DomainInfo } from '../../../shared/reference/domains.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import type { DirectoryIndex } from './directory-index.js';

/** The network's domains, for everyone signed in: names for labels, choices for pickers. */
export async function listDomains(index: DirectoryIndex, actor: User): Promise<DomainInfo[]> {
  authorize(actor, 'directory:read');
  return [...(await index.snapshot()).domains.values()];
}

/** What a state may newly take part in: a domain of the network that no decision retired. */
export async function requireActiveDomains(
  index: DirectoryIndex,
  codes: readonly string[],
  path: Array<string | number>,
): Promise<void> {
  await requireKnownDomains(index, codes, path);
  const { domains } = await index.snapshot();
  const retired = [...new Set(codes)].filter((code) => domains.get(code)?.retiredAt !== undefined);
  if (retired.length > 0) {
    throw new AppError('domain.retired', `retired by network decision: ${retired.join(', ')}`, [
      { path, message: `retired: ${retired.join(', ')}` },
    ]);
  }
}

/** Codes are well-formed by schema; only the network's list says which exist (new ones come by consensus). */
export async function requireKnownDomains(
  index: DirectoryIndex,
  codes: readonly string[],
  path: Array<string | number>,
): Promise<void> {
  const { domains } = await index.snapshot();
  const unknown = [...new Set(codes)].filter((code) => !domains.has(code));
  if (unknown.length > 0) {
    throw new AppError('domain.unknown', `not a domain of the network: ${unknown.join(', ')}`, [
      { path, message: `unknown: ${unknown.join(', ')}` },
    ]);
  }
}
