import { AppError } from '../../../shared/errors.js';
import type { StateListings, TravelDocumentsStatus } from '../../../shared/schemas/travel-documents.js';
import type { User } from '../accounts/ports/users.js';
import { currentScheme, holderOf, notHolderReason } from './holders.js';
import { RECIPROCITY_SETTING } from './ports.js';
import { ringViews } from './rings.js';
import type { TravelDocumentsDeps } from './travel-documents-deps.js';

export const reciprocityRequired = (deps: Pick<TravelDocumentsDeps, 'settings'>): Promise<boolean> =>
  deps.settings.get(RECIPROCITY_SETTING, false);

/** What the caller may do, and the rings they hold. */
export async function travelDocumentsStatus(deps: TravelDocumentsDeps, actor: User): Promise<TravelDocumentsStatus> {
  const scheme = await currentScheme(deps);
  const me = holderOf(scheme, actor);
  return {
    participating: actor.state ? scheme.participating.has(actor.state) : false,
    holder: Boolean(me),
    reason: notHolderReason(scheme, actor, me),
    reciprocity: await reciprocityRequired(deps),
    rings: me?.state ? await ringViews(deps, scheme, { ...me, state: me.state }) : [],
  };
}

/** Every member state: whether it takes part, and its current listings (counts). */
export async function stateListings(deps: TravelDocumentsDeps): Promise<StateListings[]> {
  const [snapshot, participation, counts] = await Promise.all([
    deps.index.snapshot(),
    deps.participation.all(),
    deps.entries.listedCounts(),
  ]);
  const taking = new Set(participation.filter((p) => p.participating).map((p) => p.state));
  return [...snapshot.states.keys()]
    .sort()
    .map((state) => ({ state, participating: taking.has(state), listings: counts.get(state) ?? 0 }));
}

/**
 * A national admin takes their state in or out. Out: its holders are holders no more, so the
 * rings they held need a new epoch (the next holder's client opens it) and its listings reach no one.
 */
export async function setParticipation(
  deps: TravelDocumentsDeps,
  actor: User,
  participating: boolean,
): Promise<TravelDocumentsStatus> {
  if (actor.role !== 'national-admin' || actor.status !== 'active' || !actor.state)
    throw new AppError('auth.forbidden', "only a national admin sets their state's participation");
  const before = (await deps.participation.all()).find((p) => p.state === actor.state)?.participating ?? false;
  if (before !== participating) {
    await deps.participation.set({
      state: actor.state,
      participating,
      changedAt: deps.clock.now(),
      changedBy: actor.id,
    });
    await deps.audit.append({
      type: 'travel-documents.participation-changed',
      actorId: actor.id,
      state: actor.state,
      subjectId: actor.state,
      data: { participating },
    });
  }
  return travelDocumentsStatus(deps, actor);
}
