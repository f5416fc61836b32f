import { AppError } from '../../../shared/errors.js';
import type { CentreInput, CentreList, CentreQuery, CentreView } from '../../../shared/schemas/training.js';
import type { User } from '../accounts/ports/users.js';
import { requireActiveDomains } from '../directory/domains.js';
import type { Centre } from './ports.js';
import { assertActive, assertMayManageCentre } from './training-access.js';
import type { TrainingDeps } from './training-deps.js';
import { centreView } from './training-views.js';

/** What the audit trail keeps of a centre: the yearly count needs its state and domains, never its name. */
const auditData = (centre: Pick<Centre, 'state' | 'domains'>) => ({ state: centre.state, domains: centre.domains });

/** A centre's state must be a member, its domains the network's and not retired. */
async function checkDescription(deps: TrainingDeps, input: CentreInput): Promise<void> {
  const snapshot = await deps.index.snapshot();
  if (!snapshot.states.has(input.state))
    throw new AppError('state.unknown', `not a member state: ${input.state}`, [
      { path: ['body', 'state'], message: 'not a member state' },
    ]);
  await requireActiveDomains(deps.index, input.domains, ['body', 'domains']);
}

async function view(deps: TrainingDeps, centre: Centre): Promise<CentreView> {
  return centreView(centre, deps.clock.now(), (await deps.index.snapshot()).freshnessDays);
}

async function existing(deps: TrainingDeps, id: string): Promise<Centre> {
  const centre = await deps.centres.find(id);
  if (!centre) throw new AppError('centre.not-found', 'no such centre');
  return centre;
}

export async function createCentre(deps: TrainingDeps, actor: User, input: CentreInput): Promise<CentreView> {
  assertMayManageCentre(actor, input.state);
  await checkDescription(deps, input);
  const now = deps.clock.now();
  const centre = await deps.centres.create({ ...input, createdAt: now, updatedAt: now, lastConfirmedAt: now });
  await deps.audit.append({
    type: 'centre.created',
    actorId: actor.id,
    state: centre.state,
    subjectId: centre.id,
    data: auditData(centre),
  });
  return view(deps, centre);
}

/** Replaces the description (and confirms it as current); a centre does not move to another state. */
export async function updateCentre(
  deps: TrainingDeps,
  actor: User,
  id: string,
  input: CentreInput,
): Promise<CentreView> {
  assertActive(actor);
  const before = await existing(deps, id);
  assertMayManageCentre(actor, before.state);
  if (input.state !== before.state)
    throw new AppError('validation.failed', "a centre stays in its state: remove it and add it in the other's", [
      { path: ['body', 'state'], message: `must stay ${before.state}` },
    ]);
  await checkDescription(deps, input);
  const centre = await deps.centres.update(id, input, deps.clock.now());
  if (!centre) throw new AppError('centre.not-found', 'no such centre');
  await deps.audit.append({
    type: 'centre.updated',
    actorId: actor.id,
    state: centre.state,
    subjectId: centre.id,
    data: { ...auditData(centre), confirmedOnly: false },
  });
  return view(deps, centre);
}

/** "This entry is still current": resets the freshness clock without changing anything. */
export async function confirmCentre(deps: TrainingDeps, actor: User, id: string): Promise<CentreView> {
  assertActive(actor);
  assertMayManageCentre(actor, (await existing(deps, id)).state);
  const centre = await deps.centres.confirm(id, deps.clock.now());
  if (!centre) throw new AppError('centre.not-found', 'no such centre');
  await deps.audit.append({
    type: 'centre.updated',
    actorId: actor.id,
    state: centre.state,
    subjectId: centre.id,
    data: { ...auditData(centre), confirmedOnly: true },
  });
  return view(deps, centre);
}

/** Requests that named the centre keep its id; their pages then say it is gone. */
export async function removeCentre(deps: TrainingDeps, actor: User, id: string): Promise<void> {
  assertActive(actor);
  const centre = await existing(deps, id);
  assertMayManageCentre(actor, centre.state);
  if (!(await deps.centres.remove(id))) throw new AppError('centre.not-found', 'no such centre');
  await deps.audit.append({
    type: 'centre.removed',
    actorId: actor.id,
    state: centre.state,
    subjectId: centre.id,
    data: auditData(centre),
  });
}

/** Everyone signed in reads the centres, filtered by domain, subject, language or state. */
export async function listCentres(deps: TrainingDeps, actor: User, query: CentreQuery): Promise<CentreList> {
  assertActive(actor);
  const { freshnessDays } = await deps.index.snapshot();
  const now = deps.clock.now();
  const filter = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== ''));
  const centres = await deps.centres.list(filter);
  return { centres: centres.map((centre) => centreView(centre, now, freshnessDays)), freshnessDays };
}

export async function readCentre(deps: TrainingDeps, actor: User, id: string): Promise<CentreView> {
  assertActive(actor);
  return view(deps, await existing(deps, id));
}
