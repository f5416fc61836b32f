import { AppError } from '../../../shared/errors.js';
import type {
  AcceptTrainingInput,
  DeclineTrainingInput,
  Period,
  TrainingBox,
  TrainingRequestInput,
  TrainingRequestList,
  TrainingRequestView,
  TrainingStatus,
} from '../../../shared/schemas/training.js';
import type { User } from '../accounts/ports/users.js';
import { requireActiveDomains } from '../directory/domains.js';
import type { TrainingRequest, TrainingStep } from './ports.js';
import { assertActive, isNationalAdminOf, isSecretariat, maySeeRequest } from './training-access.js';
import { trainingAlert } from './training-alerts.js';
import type { TrainingDeps } from './training-deps.js';
import { requestView } from './training-views.js';

/** Further ahead than anyone plans a seminar: a typo. */
const MAX_YEARS_AHEAD = 3;

const invalid = (message: string, path: Array<string | number>): AppError =>
  new AppError('training.invalid', message, [{ path, message }]);

/** A period starts today or later, ends on or after its start, and within a few years. */
export function checkPeriod(period: Period, now: Date, path: string[]): void {
  const today = now.toISOString().slice(0, 10);
  if (period.to < period.from) throw invalid('the period ends before it starts', [...path, 'to']);
  if (period.from < today) throw invalid('the period lies in the past', [...path, 'from']);
  const limit = new Date(now);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_YEARS_AHEAD);
  if (period.to > limit.toISOString().slice(0, 10))
    throw invalid(`the period must end within ${MAX_YEARS_AHEAD} years`, [...path, 'to']);
}

/** What the annual review counts of a request: ids, the two states, domain and kind — never subject or notes. */
const auditData = (request: TrainingRequest) => ({
  requestingState: request.requestingState,
  hostState: request.hostState,
  domain: request.domain,
  kind: request.kind,
  centreId: request.centreId,
});

/** Everything is checked before the one write: a refused request leaves nothing behind. */
export async function sendTrainingRequest(
  deps: TrainingDeps,
  actor: User,
  input: TrainingRequestInput,
): Promise<TrainingRequestView> {
  assertActive(actor);
  if (actor.role !== 'national-admin' || !actor.state)
    throw new AppError('auth.forbidden', "a state's national admins ask for trainings");
  if (input.hostState === actor.state) throw invalid('a state asks another state to host', ['body', 'hostState']);
  const snapshot = await deps.index.snapshot();
  const host = snapshot.states.get(input.hostState);
  if (!host)
    throw new AppError('state.unknown', `not a member state: ${input.hostState}`, [
      { path: ['body', 'hostState'], message: 'not a member state' },
    ]);
  await requireActiveDomains(deps.index, [input.domain], ['body', 'domain']);
  if (!host.domains.includes(input.domain))
    throw new AppError('domain.not-participating', `${input.hostState} does not take part in ${input.domain}`, [
      { path: ['body', 'domain'], message: `${input.hostState} does not take part in it` },
    ]);
  const now = deps.clock.now();
  checkPeriod(input.period, now, ['body', 'period']);
  if (input.centreId) {
    const centre = await deps.centres.find(input.centreId);
    if (!centre)
      throw new AppError('centre.not-found', 'no such centre', [{ path: ['body', 'centreId'], message: 'unknown' }]);
    if (centre.state !== input.hostState)
      throw invalid(`the centre is not one of ${input.hostState}'s`, ['body', 'centreId']);
  }
  const request = await deps.requests.create({
    ...input,
    centreId: input.centreId ?? null,
    notes: input.notes || null,
    requestingState: actor.state,
    status: 'sent',
    requestedBy: actor.id,
    createdAt: now,
    answeredBy: null,
    answeredAt: null,
    proposedPeriod: null,
    format: null,
    declineReason: null,
    eventId: null,
    plannedAt: null,
  });
  await deps.audit.append({
    type: 'training.requested',
    actorId: actor.id,
    state: request.requestingState,
    subjectId: request.id,
    data: { ...auditData(request), participants: request.participants },
  });
  await deps.raiseAlert(trainingAlert(request, 'training.requested', now));
  return requestView(request);
}

export async function listTrainingRequests(
  deps: TrainingDeps,
  actor: User,
  box: TrainingBox,
): Promise<TrainingRequestList> {
  assertActive(actor);
  if (isSecretariat(actor)) return { requests: (await deps.requests.list({})).map(requestView) };
  if (actor.role !== 'national-admin' || !actor.state)
    throw new AppError('auth.forbidden', "training requests are for the states' national admins");
  const filter =
    box === 'incoming'
      ? { hostState: actor.state }
      : box === 'outgoing'
        ? { requestingState: actor.state }
        : { eitherState: actor.state };
  return { requests: (await deps.requests.list(filter)).map(requestView) };
}

export async function visibleRequest(
  deps: Pick<TrainingDeps, 'requests'>,
  actor: User,
  id: string,
): Promise<TrainingRequest> {
  assertActive(actor);
  const request = await deps.requests.find(id);
  if (!request || !maySeeRequest(actor, request)) throw new AppError('training.not-found', 'no such training request');
  return request;
}

export async function readTrainingRequest(deps: TrainingDeps, actor: User, id: string): Promise<TrainingRequestView> {
  return requestView(await visibleRequest(deps, actor, id));
}

/**
 * Moves a request on from `from`, once: a second answer (or one crossing a withdrawal) is refused.
 * The unique claim decides between simultaneous steps (FerretDB does not make a conditional update
 * atomic); the conditional write then only guards against a stale read.
 */
export async function advance(
  deps: Pick<TrainingDeps, 'requests' | 'claims' | 'clock'>,
  request: TrainingRequest,
  from: TrainingStatus,
  step: TrainingStep,
): Promise<TrainingRequest> {
  const refused = () =>
    new AppError('training.invalid-transition', `the request is ${request.status}, not ${from}`, undefined, {
      status: request.status,
    });
  if (request.status !== from) throw refused();
  if (!(await deps.claims.claim(`training:${request.id}:left:${from}`, deps.clock.now())))
    throw new AppError('training.invalid-transition', 'the request was answered or withdrawn meanwhile');
  const moved = await deps.requests.advance(request.id, from, step);
  if (!moved) throw new AppError('training.invalid-transition', 'the request was answered or withdrawn meanwhile');
  return moved;
}

async function answer(
  deps: TrainingDeps,
  actor: User,
  id: string,
  step: TrainingStep & { status: 'accepted' | 'declined' },
): Promise<TrainingRequestView> {
  const request = await visibleRequest(deps, actor, id);
  if (!isNationalAdminOf(actor, request.hostState))
    throw new AppError('training.wrong-side', "only the host state's national admins answer a training request");
  const now = deps.clock.now();
  const answered = await advance(deps, request, 'sent', { ...step, answeredBy: actor.id, answeredAt: now });
  await deps.audit.append({
    type: step.status === 'accepted' ? 'training.accepted' : 'training.declined',
    actorId: actor.id,
    state: answered.hostState,
    subjectId: answered.id,
    data: auditData(answered),
  });
  await deps.raiseAlert(trainingAlert(answered, 'training.answered', now));
  return requestView(answered);
}

export async function acceptTrainingRequest(
  deps: TrainingDeps,
  actor: User,
  id: string,
  input: AcceptTrainingInput,
): Promise<TrainingRequestView> {
  if (input.proposedPeriod) checkPeriod(input.proposedPeriod, deps.clock.now(), ['body', 'proposedPeriod']);
  return answer(deps, actor, id, {
    status: 'accepted',
    proposedPeriod: input.proposedPeriod ?? null,
    format: input.format ?? null,
  });
}

export async function declineTrainingRequest(
  deps: TrainingDeps,
  actor: User,
  id: string,
  input: DeclineTrainingInput,
): Promise<TrainingRequestView> {
  return answer(deps, actor, id, { status: 'declined', declineReason: input.reason });
}

/** The requesting state takes its request back while the host has not answered. */
export async function withdrawTrainingRequest(
  deps: TrainingDeps,
  actor: User,
  id: string,
): Promise<TrainingRequestView> {
  const request = await visibleRequest(deps, actor, id);
  if (!isNationalAdminOf(actor, request.requestingState))
    throw new AppError('training.wrong-side', "only the requesting state's national admins withdraw its request");
  const withdrawn = await advance(deps, request, 'sent', { status: 'withdrawn' });
  await deps.audit.append({
    type: 'training.withdrawn',
    actorId: actor.id,
    state: withdrawn.requestingState,
    subjectId: withdrawn.id,
    data: auditData(withdrawn),
  });
  return requestView(withdrawn);
}
