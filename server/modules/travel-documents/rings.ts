import { AppError } from '../../../shared/errors.js';
import type { RingGrantUpload, RingGrantView, RingHolder, RingView } from '../../../shared/schemas/travel-documents.js';
import type { User } from '../accounts/ports/users.js';
import {
  granterKeys,
  openNextEpoch,
  pendingFor,
  rotationNeeded,
  shareEpoch,
  type EpochVocabulary,
} from '../key-epochs/epoch-keys.js';
import { requireHolder, ringHolders, ringsOf, type Scheme } from './holders.js';
import type { RingGrant } from './ports.js';
import type { TravelDocumentsDeps } from './travel-documents-deps.js';

const RING_WORDS: EpochVocabulary<'holderId'> = {
  field: 'holderId',
  member: 'holder',
  container: 'key ring',
  refused: 'travel-documents.grant-refused',
  stale: 'travel-documents.stale-epoch',
};

/** A holder of the current epoch is a holder no more (suspended, moved off the domain, their state left). */
const ringRotationNeeded = (grants: readonly RingGrant[], epoch: number, holders: readonly RingHolder[]): boolean =>
  rotationNeeded(RING_WORDS, grants, epoch, holders);

async function grantView(deps: Pick<TravelDocumentsDeps, 'users'>, grant: RingGrant): Promise<RingGrantView> {
  return {
    ring: grant.ring,
    epoch: grant.epoch,
    holderId: grant.holderId,
    keyVersion: grant.keyVersion,
    sealedKey: grant.sealedKey,
    signature: grant.signature,
    grantedBy: grant.grantedBy,
    granterKeys: await granterKeys(deps.users, grant.grantedBy),
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
  const pending: RingView['pending'] = pendingFor(RING_WORDS, grants, mine, holders, me.userId).map(
    ({ epoch: lacking, member }) => ({ epoch: lacking, holder: member }),
  );
  return {
    ring,
    epoch,
    rotationNeeded: ringRotationNeeded(grants, epoch, holders),
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
  const at = deps.clock.now();
  await openNextEpoch(RING_WORDS, deps.rings, ring, holders, {
    epoch: input.epoch,
    grantedBy: actor.id,
    at,
    grants: input.grants.map((grant) => ({ ...grant, ring, epoch: input.epoch, grantedBy: actor.id, at })),
  });
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
  const at = deps.clock.now();
  const granted = await shareEpoch(RING_WORDS, deps.rings, ring, me, holders, {
    epoch: input.epoch,
    grants: input.grants.map((grant) => ({ ...grant, ring, epoch: input.epoch, grantedBy: actor.id, at })),
  });
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
