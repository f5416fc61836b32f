import { AppError } from '../../../shared/errors.js';
import { audienceKey, type Audience, type AudienceMember } from '../../../shared/schemas/audience.js';
import type { GrantUpload, GrantView, PendingGrant, ShelfView } from '../../../shared/schemas/library.js';
import type { User } from '../accounts/ports/users.js';
import type { LibraryDeps } from './library-deps.js';
import type { ShelfGrant } from './ports.js';
import { assertMayPublish, mayPublish, requireReader, shelfReaders } from './shelf-readers.js';

/** A rotation's grants older than this, of an epoch that never opened, were abandoned. */
const ABANDONED_ROTATION_MS = 60_000;

/** A grant counts only when sealed to the reader's current key: one sealed to a replaced key opens nothing. */
const holds = (grants: readonly ShelfGrant[], reader: AudienceMember, epoch: number): boolean =>
  grants.some((g) => g.epoch === epoch && g.readerId === reader.userId && g.keyVersion === reader.keyVersion);

async function grantView(deps: Pick<LibraryDeps, 'users'>, grant: ShelfGrant): Promise<GrantView> {
  const granter = await deps.users.findById(grant.grantedBy);
  const keys = granter?.keys?.verifiedAt ? granter.keys : undefined;
  return {
    audience: grant.audienceKey,
    epoch: grant.epoch,
    readerId: grant.readerId,
    keyVersion: grant.keyVersion,
    sealedKey: grant.sealedKey,
    signature: grant.signature,
    grantedBy: grant.grantedBy,
    granterKeys: keys
      ? { identityKey: keys.identityKey, encryptionKey: keys.encryptionKey, encryptionKeySig: keys.encryptionKeySig }
      : null,
  };
}

/**
 * The rule for a new epoch: a reader holding the current epoch's key is no longer a reader
 * (removed, suspended, their domain dropped, their role changed). Readers who join only need
 * grants of the existing epochs.
 */
export function rotationNeeded(
  grants: readonly ShelfGrant[],
  epoch: number,
  readers: readonly AudienceMember[],
): boolean {
  const current = new Set(readers.map((reader) => reader.userId));
  return grants.some((grant) => grant.epoch === epoch && !current.has(grant.readerId));
}

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
  const pending: PendingGrant[] = [];
  for (const held of mine)
    for (const reader of readers)
      if (reader.userId !== actor.id && !holds(grants, reader, held.epoch)) pending.push({ epoch: held.epoch, reader });
  return {
    audience,
    audienceKey: key,
    epoch,
    rotationNeeded: rotationNeeded(grants, epoch, readers),
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

/** Grants must each name a distinct current reader, sealed to their current key version. */
function checkGrantTargets(grants: readonly GrantUpload[], readers: readonly AudienceMember[]): void {
  const byId = new Map(readers.map((reader) => [reader.userId, reader]));
  const seen = new Set<string>();
  grants.forEach((grant, i) => {
    const reader = byId.get(grant.readerId);
    const refuse = (message: string): never => {
      throw new AppError('library.grant-refused', message, [{ path: ['body', 'grants', i, 'readerId'], message }]);
    };
    if (!reader) refuse('not a reader of this shelf now');
    if (reader?.keyVersion !== grant.keyVersion) refuse("not sealed to the reader's current key");
    if (seen.has(grant.readerId)) refuse('named twice');
    seen.add(grant.readerId);
  });
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
  const current = (await deps.shelves.find(key))?.epoch ?? 0;
  if (input.epoch !== current + 1)
    throw new AppError('library.stale-epoch', `the shelf is at epoch ${current}: open epoch ${current + 1}`);
  checkGrantTargets(input.grants, readers);
  const missing = readers.filter((reader) => !input.grants.some((grant) => grant.readerId === reader.userId));
  if (missing.length > 0)
    throw new AppError(
      'library.grant-refused',
      `the new key must be sealed to every reader (${missing.length} missing)`,
    );
  const at = deps.clock.now();
  // Grants first, then the epoch. Grants of the next epoch left by a rotation that stopped half-way
  // (its shelf never advanced) are cleared; two rotations at once collide on the grants' ids, and
  // whichever did not store all of its own, or lost the advance, removes exactly its own.
  await deps.shelves.deleteGrants(key, input.epoch, { before: new Date(at.getTime() - ABANDONED_ROTATION_MS) });
  const stored = await deps.shelves.putGrants(
    input.grants.map((grant) => ({ ...grant, audienceKey: key, epoch: input.epoch, grantedBy: actor.id, at })),
  );
  if (stored !== input.grants.length || !(await deps.shelves.advance(key, current, at))) {
    await deps.shelves.deleteGrants(key, input.epoch, { grantedBy: actor.id, at });
    throw new AppError('library.stale-epoch', 'another publisher opened a new epoch first: read the shelf again');
  }
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
  const grants = await deps.shelves.grantsOf(key, input.epoch);
  if (!me || !holds(grants, me, input.epoch))
    throw new AppError('library.grant-refused', `you do not hold the key of epoch ${input.epoch}`);
  checkGrantTargets(input.grants, readers);
  const already = input.grants.findIndex((grant) =>
    grants.some((g) => g.readerId === grant.readerId && g.keyVersion >= grant.keyVersion),
  );
  if (already >= 0)
    throw new AppError('library.grant-refused', 'the reader already holds this epoch', [
      { path: ['body', 'grants', already, 'readerId'], message: 'already granted' },
    ]);
  const at = deps.clock.now();
  const granted = await deps.shelves.putGrants(
    input.grants.map((grant) => ({ ...grant, audienceKey: key, epoch: input.epoch, grantedBy: actor.id, at })),
  );
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
