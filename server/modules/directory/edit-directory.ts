import { AppError } from '../../../shared/errors.js';
import type { EntryUpdate, EntryView, StateView } from '../../../shared/schemas/directory.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import { DIRECTORY_REVISION } from './directory-index.js';
import { getEntry, type DirectoryReadDeps } from './read-directory.js';
import { requireActiveDomains } from './domains.js';

async function changed(deps: DirectoryReadDeps): Promise<void> {
  await deps.settings.bump(DIRECTORY_REVISION, deps.clock.now());
  deps.index.invalidate();
}

async function focalPoint(deps: DirectoryReadDeps, userId: string): Promise<User> {
  const user = await deps.users.findById(userId);
  if (!user || user.role !== 'focal-point' || user.status === 'removed')
    throw new AppError('directory.not-found', 'no such entry in the directory');
  return user;
}

/** A focal point edits their own entry; a national admin any of their state's. Editing also confirms it. */
export async function updateEntry(
  deps: DirectoryReadDeps,
  actor: User,
  userId: string,
  update: EntryUpdate,
): Promise<EntryView> {
  const owner = await focalPoint(deps, userId);
  authorize(actor, 'directory:edit-entry', { id: owner.id, role: owner.role, state: owner.state });
  if (update.deputyUserId) {
    const deputy = await deps.users.findById(update.deputyUserId);
    if (
      !deputy ||
      deputy.id === owner.id ||
      deputy.role !== 'focal-point' ||
      deputy.state !== owner.state ||
      deputy.status !== 'active'
    ) {
      throw new AppError('validation.failed', 'the deputy must be another active focal point of the same state', [
        { path: ['body', 'deputyUserId'], message: 'not an active focal point of this state' },
      ]);
    }
  }
  await deps.entries.upsert(owner.id, update, deps.clock.now());
  await deps.audit.append({
    type: 'directory.entry-updated',
    actorId: actor.id,
    state: owner.state,
    subjectId: owner.id,
    data: { fields: Object.keys(update) },
  });
  await changed(deps);
  return getEntry(deps, actor, owner.id);
}

/** "This entry is still current": resets the freshness clock. */
export async function confirmEntry(deps: DirectoryReadDeps, actor: User, userId: string): Promise<EntryView> {
  const owner = await focalPoint(deps, userId);
  authorize(actor, 'directory:edit-entry', { id: owner.id, role: owner.role, state: owner.state });
  await deps.entries.confirm(owner.id, deps.clock.now());
  await deps.audit.append({
    type: 'directory.entry-confirmed',
    actorId: actor.id,
    state: owner.state,
    subjectId: owner.id,
  });
  await changed(deps);
  return getEntry(deps, actor, owner.id);
}

/** Voluntary participation: a state's national admin chooses the domains it takes part in. */
export async function setParticipation(
  deps: DirectoryReadDeps,
  actor: User,
  stateCode: string,
  domains: string[],
): Promise<StateView> {
  authorize(actor, 'state:manage-directory', { state: stateCode });
  const state = await deps.states.find(stateCode);
  if (!state) throw new AppError('state.unknown', `${stateCode} is not a member state`);
  await requireActiveDomains(deps.index, domains, ['body', 'domains']);
  const next = [...new Set(domains)].sort();
  await deps.states.setDomains(stateCode, next, deps.clock.now());
  await deps.audit.append({
    type: 'state.participation-changed',
    actorId: actor.id,
    state: stateCode,
    subjectId: stateCode,
    data: { before: state.domains, after: next },
  });
  await changed(deps);
  return { code: stateCode as StateView['code'], name: state.name, domains: next as StateView['domains'] };
}

/** The network-wide directory settings (anyone signed in may read them: they explain "stale"). */
export async function getDirectorySettings(deps: DirectoryReadDeps, actor: User): Promise<{ freshnessDays: number }> {
  authorize(actor, 'directory:read');
  return { freshnessDays: (await deps.index.snapshot()).freshnessDays };
}
