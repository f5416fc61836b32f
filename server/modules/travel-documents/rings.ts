import { AppError } from '../../../shared/errors.js';
import type { RingGrantUpload, RingGrantView, RingHolder, RingView } from '../../../shared/schemas/travel-documents.js';
import type { User } from '../accounts/ports/users.js';
import { requireHolder, ringHolders, ringsOf, type Scheme } from './holders.js';
import type { RingGrant } from './ports.js';
import type { TravelDocumentsDeps } from './travel-documents-deps.js';

/** A rotation's grants older than this, of an epoch that never opened, were abandoned (as the library's shelves). */
const ABANDONED_ROTATION_MS = 60_000;

/** A grant counts only when sealed to the holder's current key. */
const holds = (grants: readonly RingGrant[], holder: RingHolder, epoch: number): boolean =>
  grants.some((g) => g.epoch === epoch && g.holderId === holder.userId && g.keyVersion === holder.keyVersion);

/** A holder of the current epoch is a holder no more (suspended, moved off the domain, their state left). */
export function rotationNeeded(grants: readonly RingGrant[], epoch: number, holders: readonly RingHolder[]): boolean {
  const current = new Set(holders.map((holder) => holder.userId));
  return grants.some((grant) => grant.epoch === epoch && !current.has(grant.holderId));
}

async function grantView(deps: Pick<TravelDocumentsDeps, 'users'>, grant: RingGrant): Promise<RingGrantView> {
  const granter = await deps.users.findById(grant.grantedBy);
  const keys = granter?.keys?.verifiedAt ? granter.keys : undefined;
  return {
    ring: grant.ring,
    epoch: grant.epoch,
    holderId: grant.holderId,
    keyVersion: grant.keyVersion,
    sealedKey: grant.sealedKey,
    signature: grant.signature,
    grantedBy: grant.grantedBy,
    granterKeys: keys
      ? { identityKey: keys.identityKey, encryptionKey: keys.encryptionKey, encryptionKeySig: keys.encryptionKeySig }
      : null,
  };
}

/** One ring as a holder sees it. */
export async function ringView(
  deps: TravelDocumentsDeps,
  scheme: Scheme,
  me: RingHolder,
  ring: string,
): Promise<RingView> {
  const holders = ringHolders(scheme, ring);
  const epoch = (await deps.rings.find(ring))?.epoch ?? 0;
  const grants = epoch > 0 ? await deps.rings.grantsOf(ring) : [];
  const mine = grants.filter((g) => g.holderId === me.userId && g.keyVersion === me.keyVersion);
  const pending: RingView['pending'] = [];
  for (const held of mine)
    for (const holder of holders)
      if (holder.userId !== me.userId && !holds(grants, holder, held.epoch))
        pending.push({ epoch: held.epoch, holder });
  return {
    ring,
    epoch,
    rotationNeeded: rotationNeeded(grants, epoch, holders),
    myGrants: await Promise.all(mine.map((grant) => grantView(deps, grant))),
    pending,
    holders,
  };
}

export async function ringViews(
  deps: TravelDocumentsDeps,
  scheme: Scheme,
  me: RingHolder & { state: string },
): Promise<RingView[]> {
  return Promise.all(ringsOf(me.state).map((ring) => ringView(deps, scheme, me, ring)));
}

/** A holder may use the network's ring and their own state's, no other state's. */
async function requireRingHolder(deps: TravelDocumentsDeps, actor: User, ring: string) {
  const held = await requireHolder(deps, actor);
  if (!ringsOf(held.me.state).includes(ring))
    throw new AppError('travel-documents.not-found', `no such key ring of yours: ${ring}`);
  return { ...held, holders: ringHolders(held.scheme, ring) };
}

/** Grants must each name a distinct current holder, sealed to their current key version. */
function checkGrantTargets(grants: readonly RingGrantUpload[], holders: readonly RingHolder[]): void {
  const byId = new Map(holders.map((holder) => [holder.userId, holder]));
  const seen = new Set<string>();
  grants.forEach((grant, i) => {
    const refuse = (message: string): never => {
      throw new AppError('travel-documents.grant-refused', message, [
        { path: ['body', 'grants', i, 'holderId'], message },
      ]);
    };
    const holder = byId.get(grant.holderId);
    if (!holder) refuse('not a holder of this ring now');
    if (holder?.keyVersion !== grant.keyVersion) refuse("not sealed to the holder's current key");
    if (seen.has(grant.holderId)) refuse('named twice');
    seen.add(grant.holderId);
  });
}

/**
 * A holder opens the ring's next epoch, sealed to exactly the current holders. Refused when the
 * epoch is not the next one (another holder rotated first).
 */
export async function rotateRing(
  deps: TravelDocumentsDeps,
  actor: User,
  ring: string,
  input: { epoch: number; grants: RingGrantUpload[] },
): Promise<RingView> {
  const { scheme, me, holders } = await requireRingHolder(deps, actor, ring);
  const current = (await deps.rings.find(ring))?.epoch ?? 0;
  if (input.epoch !== current + 1)
    throw new AppError(
      'travel-documents.stale-epoch',
      `the ring ${ring} is at epoch ${current}: open epoch ${current + 1}`,
    );
  checkGrantTargets(input.grants, holders);
  const missing = holders.filter((holder) => !input.grants.some((grant) => grant.holderId === holder.userId));
  if (missing.length > 0)
    throw new AppError(
      'travel-documents.grant-refused',
      `the new key must be sealed to every holder (${missing.length} missing)`,
    );
  const at = deps.clock.now();
  // As the library's shelves: clear grants a half-finished rotation left, store ours, then advance.
  await deps.rings.deleteGrants(ring, input.epoch, { before: new Date(at.getTime() - ABANDONED_ROTATION_MS) });
  const stored = await deps.rings.putGrants(
    input.grants.map((grant) => ({ ...grant, ring, epoch: input.epoch, grantedBy: actor.id, at })),
  );
  if (stored !== input.grants.length || !(await deps.rings.advance(ring, current, at))) {
    await deps.rings.deleteGrants(ring, input.epoch, { grantedBy: actor.id, at });
    throw new AppError('travel-documents.stale-epoch', 'another holder opened a new epoch first: read the ring again');
  }
  await deps.audit.append({
    type: 'travel-documents.key-rotated',
    actorId: actor.id,
    state: actor.state,
    subjectId: ring,
    data: { ring, epoch: input.epoch, holders: holders.length },
  });
  return ringView(deps, scheme, me, ring);
}

/** A holder of an epoch shares it with current holders lacking it; once each. */
export async function addRingGrants(
  deps: TravelDocumentsDeps,
  actor: User,
  ring: string,
  input: { epoch: number; grants: RingGrantUpload[] },
): Promise<{ granted: number }> {
  const { me, holders } = await requireRingHolder(deps, actor, ring);
  const grants = await deps.rings.grantsOf(ring, input.epoch);
  if (!holds(grants, me, input.epoch))
    throw new AppError('travel-documents.grant-refused', `you do not hold the key of epoch ${input.epoch}`);
  checkGrantTargets(input.grants, holders);
  const already = input.grants.findIndex((grant) =>
    grants.some((g) => g.holderId === grant.holderId && g.keyVersion >= grant.keyVersion),
  );
  if (already >= 0)
    throw new AppError('travel-documents.grant-refused', 'the holder already holds this epoch', [
      { path: ['body', 'grants', already, 'holderId'], message: 'already granted' },
    ]);
  const at = deps.clock.now();
  const granted = await deps.rings.putGrants(
    input.grants.map((grant) => ({ ...grant, ring, epoch: input.epoch, grantedBy: actor.id, at })),
  );
  await deps.audit.append({
    type: 'travel-documents.key-granted',
    actorId: actor.id,
    state: actor.state,
    subjectId: ring,
    data: {
      ring,
      epoch: input.epoch,
      granted,
      holderStates: [...new Set(input.grants.map((g) => holders.find((h) => h.userId === g.holderId)?.state ?? ''))],
    },
  });
  return { granted };
}
