import { AppError } from '../../../shared/errors.js';
import { audienceKey, type Audience, type AudienceMember } from '../../../shared/schemas/audience.js';
import type { GrantUpload, GrantView, PendingGrant, ShelfView } from '../../../shared/schemas/library.js';
import type { User } from '../accounts/ports/users.js';
import type { LibraryDeps } from './library-deps.js';
import {
  granterKeys,
  openNextEpoch,
  pendingFor,
  rotationNeeded,
  shareEpoch,
  type EpochVocabulary,
} from '../key-epochs/epoch-keys.js';
import type { ShelfGrant } from './ports.js';
import { assertMayPublish, mayPublish, requireReader, shelfReaders } from './shelf-readers.js';

const SHELF_WORDS: EpochVocabulary<'readerId'> = {
  field: 'readerId',
  member: 'reader',
  container: 'shelf',
  refused: 'library.grant-refused',
  stale: 'library.stale-epoch',
};

async function grantView(deps: Pick<LibraryDeps, 'users'>, grant: ShelfGrant): Promise<GrantView> {
  return {
    audience: grant.audienceKey,
    epoch: grant.epoch,
    readerId: grant.readerId,
    keyVersion: grant.keyVersion,
    sealedKey: grant.sealedKey,
    signature: grant.signature,
    grantedBy: grant.grantedBy,
    granterKeys: await granterKeys(deps.users, grant.grantedBy),
  };
}

/** A reader of the current epoch is a reader no more (removed, suspended, domain dropped, role changed). */
const shelfRotationNeeded = (
  grants: readonly ShelfGrant[],
  epoch: number,
  readers: readonly AudienceMember[],
): boolean => rotationNeeded(SHELF_WORDS, grants, epoch, readers);

/** What the caller needs of a shelf: its epoch, their grants, what they can share, and (for publishers) the readers. */
export async function shelfView(deps: LibraryDeps, actor: User, audience: Audience): Promise<ShelfView> {
  const key = audienceKey(audience);
  const publisher = await mayPublish(deps, actor, audience);
  const readers = await shelfReaders(deps, audience);
  // Neither reader nor publisher: the refusal says why the caller may not publish here.
  if (!publisher && !readers.some((reader) => reader.userId === actor.id))
    await assertMayPublish(deps, actor, audience);
  const me = readers.find((reader) => reader.userId === actor.id);
  const shelf = await deps.shelves.find(key);
  const epoch = shelf?.epoch ?? 0;
  const grants = shelf ? await deps.shelves.grantsOf(key) : [];
  const mine = me ? grants.filter((g) => g.readerId === me.userId && g.keyVersion === me.keyVersion) : [];
  const pending: PendingGrant[] = pendingFor(SHELF_WORDS, grants, mine, readers, actor.id).map(
    ({ epoch: lacking, member }) => ({ epoch: lacking, reader: member }),
  );
  return {
    audience,
    audienceKey: key,
    epoch,
    rotationNeeded: shelfRotationNeeded(grants, epoch, readers),
    mayPublish: publisher,
    myGrants: await Promise.all(mine.map((grant) => grantView(deps, grant))),
    pending,
    readers: publisher ? readers : [],
  };
}

/** Every shelf the caller reads (those something was published to). */
export async function listShelves(
  deps: LibraryDeps,
  actor: User,
  audiences: readonly Audience[],
): Promise<ShelfView[]> {
  const views: ShelfView[] = [];
  for (const audience of audiences) {
    const readers = await shelfReaders(deps, audience);
    if (readers.some((reader) => reader.userId === actor.id)) views.push(await shelfView(deps, actor, audience));
  }
  return views;
}

/**
 * A publisher opens the shelf's next epoch with a new shelf key sealed to every current reader
 * (and the caller among them). Refused when the epoch is not the next one (another publisher
 * rotated first: read the shelf again) or the grants do not cover exactly the current readers.
 */
export async function rotateShelf(
  deps: LibraryDeps,
  actor: User,
  audience: Audience,
  input: { epoch: number; grants: GrantUpload[] },
): Promise<ShelfView> {
  const key = audienceKey(audience);
  if (!(await mayPublish(deps, actor, audience)))
    throw new AppError('audience.not-allowed', 'you may not publish to this shelf');
  const readers = await shelfReaders(deps, audience);
  const at = deps.clock.now();
  await openNextEpoch(SHELF_WORDS, deps.shelves, key, readers, {
    epoch: input.epoch,
    grantedBy: actor.id,
    at,
    grants: input.grants.map((grant) => ({ ...grant, audienceKey: key, epoch: input.epoch, grantedBy: actor.id, at })),
  });
  await deps.audit.append({
    type: 'library.key-rotated',
    actorId: actor.id,
    state: actor.state,
    subjectId: key,
    data: { audience: key, epoch: input.epoch, readers: readers.length },
  });
  return shelfView(deps, actor, audience);
}

/**
 * A holder of an epoch shares its key with readers lacking it (newcomers, re-keyed readers). Only
 * a current reader holding that epoch may; only for current readers without it; once each.
 */
export async function addGrants(
  deps: LibraryDeps,
  actor: User,
  audience: Audience,
  input: { epoch: number; grants: GrantUpload[] },
): Promise<{ granted: number }> {
  const key = audienceKey(audience);
  const readers = await requireReader(deps, actor, audience);
  const me = readers.find((reader) => reader.userId === actor.id);
  if (!me) throw new AppError('library.grant-refused', `you do not hold the key of epoch ${input.epoch}`);
  const at = deps.clock.now();
  const granted = await shareEpoch(SHELF_WORDS, deps.shelves, key, me, readers, {
    epoch: input.epoch,
    grants: input.grants.map((grant) => ({ ...grant, audienceKey: key, epoch: input.epoch, grantedBy: actor.id, at })),
  });
  const byId = new Map(readers.map((reader) => [reader.userId, reader]));
  for (const grant of input.grants)
    await deps.audit.append({
      type: 'library.key-granted',
      actorId: actor.id,
      state: actor.state,
      subjectId: key,
      data: {
        audience: key,
        epoch: input.epoch,
        readerId: grant.readerId,
        readerState: byId.get(grant.readerId)?.state ?? null,
      },
    });
  return { granted };
}
