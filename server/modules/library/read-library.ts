import { AppError } from '../../../shared/errors.js';
import { parseAudienceKey, type Audience } from '../../../shared/schemas/audience.js';
import type { LibraryItemDetail, LibraryItemView, ListLibraryQuery } from '../../../shared/schemas/library.js';
import type { User } from '../accounts/ports/users.js';
import type { LibraryDeps } from './library-deps.js';
import { shelfReaders } from './shelf-readers.js';
import { toItemView, toVersionView } from './views.js';

/** The audiences of the shelves that exist, the caller reads now. */
export async function readableShelves(deps: LibraryDeps, actor: User): Promise<Audience[]> {
  const readable: Audience[] = [];
  for (const shelf of await deps.shelves.list()) {
    const audience = parseAudienceKey(shelf.audienceKey);
    if (!audience) continue;
    const readers = await shelfReaders(deps, audience);
    if (readers.some((reader) => reader.userId === actor.id)) readable.push(audience);
  }
  return readable;
}

/** Items (not withdrawn) on the shelves the caller reads, each with its latest version's ciphertexts. */
export async function listItems(deps: LibraryDeps, actor: User, query: ListLibraryQuery): Promise<LibraryItemView[]> {
  let keys = (await readableShelves(deps, actor)).map((audience) =>
    audience.kind === 'domain' ? `domain:${audience.domain}` : audience.kind,
  );
  if (query.audience) keys = keys.filter((key) => key === query.audience);
  const items = await deps.items.list({
    audienceKeys: keys,
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.domain ? { domain: query.domain } : {}),
    ...(query.language ? { language: query.language } : {}),
    ...(query.eventId ? { eventId: query.eventId } : {}),
    ...(query.proposalId ? { proposalId: query.proposalId } : {}),
  });
  const latest = await deps.items.versionsOf(items.map((item) => ({ itemId: item.id, version: item.latestVersion })));
  const byItem = new Map(latest.map((version) => [version.itemId, version]));
  const views: LibraryItemView[] = [];
  for (const item of items) {
    const version = byItem.get(item.id);
    if (version) views.push(await toItemView(deps, item, version, item.latestVersion));
  }
  return views;
}

/** One item with every version, for a current reader of its shelf; withdrawn items are gone. */
export async function itemDetail(deps: LibraryDeps, actor: User, id: string): Promise<LibraryItemDetail> {
  const item = await deps.items.find(id);
  const audience = item ? parseAudienceKey(item.audienceKey) : undefined;
  if (!item || item.withdrawn || !audience) throw new AppError('library.not-found', 'no such item');
  const readers = await shelfReaders(deps, audience);
  if (!readers.some((reader) => reader.userId === actor.id)) throw new AppError('library.not-found', 'no such item');
  const versions = await deps.items.versions(id);
  const latest = versions.find((version) => version.version === item.latestVersion);
  if (!latest) throw new AppError('library.not-found', 'no such item');
  return {
    ...(await toItemView(deps, item, latest, item.latestVersion)),
    versions: await Promise.all(versions.map((version) => toVersionView(deps, version))),
  };
}
