import { AppError } from '../../../shared/errors.js';
import type { DirectoryPage, DirectorySearchQuery, EntryView, StateView } from '../../../shared/schemas/directory.js';
import type { User } from '../accounts/ports/users.js';
import { confinedState } from '../../../shared/authz/can.js';
import { authorize } from '../accounts/authorize.js';
import type { DirectoryDeps } from './directory-deps.js';
import type { DirectoryIndex } from './directory-index.js';
import { isStale, toEntryView, type Reader } from './entry-view.js';
import { searchDirectory } from './search-directory.js';

export interface DirectoryReadDeps extends DirectoryDeps {
  index: DirectoryIndex;
}

export const readerOf = (actor: User): Reader => ({ state: confinedState(actor) });

export async function search(
  deps: DirectoryReadDeps,
  actor: User,
  query: DirectorySearchQuery,
): Promise<DirectoryPage> {
  authorize(actor, 'directory:read');
  return searchDirectory(await deps.index.snapshot(), query, readerOf(actor), deps.clock.now());
}

/** One entry: active focal points only (a suspended or pending person is not in the directory). */
export async function getEntry(deps: DirectoryReadDeps, actor: User, userId: string): Promise<EntryView> {
  authorize(actor, 'directory:read');
  const directory = await deps.index.snapshot();
  const record = directory.byUserId.get(userId);
  if (!record) throw new AppError('directory.not-found', 'no such entry in the directory');
  return toEntryView(record, directory, readerOf(actor), deps.clock.now());
}

export async function listStates(deps: DirectoryReadDeps, actor: User): Promise<StateView[]> {
  authorize(actor, 'directory:read');
  const directory = await deps.index.snapshot();
  return [...directory.states.values()].map((state) => ({
    code: state.code as StateView['code'],
    name: state.name,
    domains: state.domains as StateView['domains'],
  }));
}

/** Entries not reconfirmed within the freshness period: a national admin's own state, or all for the secretariat. */
export async function staleEntries(deps: DirectoryReadDeps, actor: User): Promise<EntryView[]> {
  const state = confinedState(actor);
  if (state !== null) authorize(actor, 'state:manage-directory', { state });
  else authorize(actor, 'directory:settings');
  const directory = await deps.index.snapshot();
  const now = deps.clock.now();
  return directory.records
    .filter(
      (record) => (state === null || record.user.state === state) && isStale(record, now, directory.freshnessDays),
    )
    .sort((a, b) => a.lastConfirmedAt.getTime() - b.lastConfirmedAt.getTime())
    .map((record) => toEntryView(record, directory, readerOf(actor), now));
}

/** Every entry this reader may see, each projected for them: the basis of JSON, CSV and snapshots. */
export async function visibleEntries(deps: DirectoryReadDeps, actor: User): Promise<EntryView[]> {
  authorize(actor, 'directory:read');
  const directory = await deps.index.snapshot();
  const now = deps.clock.now();
  return directory.records
    .filter((record) => record.domains.length > 0)
    .sort((a, b) => (a.user.state ?? '').localeCompare(b.user.state ?? '') || a.sortName.localeCompare(b.sortName))
    .map((record) => toEntryView(record, directory, readerOf(actor), now));
}
