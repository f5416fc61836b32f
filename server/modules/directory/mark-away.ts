import { AppError } from '../../../shared/errors.js';
import type { EntryView } from '../../../shared/schemas/directory.js';
import { MAX_AWAY_MS, type AwayUpdate } from '../../../shared/schemas/duty-roster.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import { directoryChanged } from './directory-changed.js';
import { isAwayAt, overlaps } from './duty-roster.js';
import type { IndexedRecord } from './directory-index.js';
import type { Away } from './ports.js';
import { getEntry, type DirectoryReadDeps } from './read-directory.js';

const invalid = (field: string, message: string): AppError =>
  new AppError('validation.failed', message, [{ path: ['body', field], message }]);

async function ownerRecord(deps: DirectoryReadDeps, actor: User, userId: string): Promise<IndexedRecord> {
  const record = (await deps.index.snapshot()).byUserId.get(userId);
  if (!record) throw new AppError('directory.not-found', 'no active focal point with that id');
  authorize(actor, 'directory:edit-entry', { id: record.user.id, role: record.user.role, state: record.user.state });
  return record;
}

/** When the absence runs: from now (or a later start) to an optional end, at most a year. */
function period(input: AwayUpdate, now: Date): Pick<Away, 'from' | 'until'> {
  const from = input.from ? new Date(Math.max(Date.parse(input.from), now.getTime())) : now;
  const until = input.until ? new Date(input.until) : null;
  if (from.getTime() > now.getTime() + MAX_AWAY_MS) throw invalid('from', 'the absence must start within a year');
  if (until && until.getTime() <= from.getTime()) throw invalid('until', 'the end must come after the start');
  if (until && until.getTime() - from.getTime() > MAX_AWAY_MS)
    throw invalid('until', 'an absence lasts at most a year: mark it again when it is longer');
  return { from, until };
}

/**
 * The deputy: another active focal point of the same state who serves at least one of the same
 * domains and is not away at any moment of this absence (so two people never stand in for each
 * other, and nobody is handed to someone who will not be there).
 */
async function checkDeputy(
  deps: DirectoryReadDeps,
  owner: IndexedRecord,
  deputyId: string,
  when: Pick<Away, 'from' | 'until'>,
): Promise<IndexedRecord> {
  const deputy = (await deps.index.snapshot()).byUserId.get(deputyId);
  if (deputyId === owner.user.id) throw invalid('deputyUserId', 'you cannot be your own deputy');
  if (!deputy || deputy.user.state !== owner.user.state)
    throw invalid('deputyUserId', 'the deputy must be an active focal point of the same state');
  if (!deputy.user.domains.some((domain) => owner.user.domains.includes(domain)))
    throw invalid('deputyUserId', 'the deputy must serve at least one of the same domains');
  if (deputy.entry?.away && overlaps(deputy.entry.away, when))
    throw invalid('deputyUserId', 'the deputy is away themselves during this time: choose someone else');
  return deputy;
}

/** A focal point marks themselves away with a deputy; a national admin does it for their state's focal points. */
export async function markAway(
  deps: DirectoryReadDeps,
  actor: User,
  userId: string,
  input: AwayUpdate,
): Promise<EntryView> {
  const owner = await ownerRecord(deps, actor, userId);
  const now = deps.clock.now();
  const when = period(input, now);
  await checkDeputy(deps, owner, input.deputyUserId, when);
  const away: Away = {
    ...when,
    deputyUserId: input.deputyUserId,
    note: input.note || null,
    setBy: actor.id,
    setAt: now,
  };
  await deps.entries.setAway(owner.user.id, away, now);
  await deps.audit.append({
    type: 'directory.away-set',
    actorId: actor.id,
    state: owner.user.state,
    subjectId: owner.user.id,
    data: {
      deputyUserId: away.deputyUserId,
      starts: away.from.toISOString(),
      until: away.until?.toISOString() ?? null,
    },
  });
  await directoryChanged(deps);
  return getEntry(deps, actor, owner.user.id);
}

/** Back (early, or a planned absence called off): new requests and alerts go to the person alone again. */
export async function clearAway(deps: DirectoryReadDeps, actor: User, userId: string): Promise<EntryView> {
  const owner = await ownerRecord(deps, actor, userId);
  const away = owner.entry?.away;
  // Nothing to clear answers the entry as it is: a repeated "I'm back" is not an error.
  if (!away) return getEntry(deps, actor, owner.user.id);
  const now = deps.clock.now();
  await deps.entries.setAway(owner.user.id, null, now);
  await deps.audit.append({
    type: 'directory.away-cleared',
    actorId: actor.id,
    state: owner.user.state,
    subjectId: owner.user.id,
    data: { deputyUserId: away.deputyUserId, early: isAwayAt(away, now) },
  });
  await directoryChanged(deps);
  return getEntry(deps, actor, owner.user.id);
}
