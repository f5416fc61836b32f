import { AppError } from '../../../shared/errors.js';
import type { RequestCaseDetail, RequestCaseView } from '../../../shared/schemas/requests.js';
import type { DomainCode } from '../../../shared/schemas/labels.js';
import type { RequestStatus } from '../../../shared/requests/lifecycle.js';
import type { User } from '../accounts/ports/users.js';
import { normalizeReferenceQuery } from '../../../shared/requests/case-reference.js';
import { can } from '../../../shared/authz/can.js';
import { authorize } from '../accounts/authorize.js';
import { peopleLookup } from './case-people.js';
import { toCaseView, toTransitionView } from './case-view.js';
import { loadCase } from './load-case.js';
import type { RequestsDeps } from './requests-deps.js';

export interface ListFilter {
  box: 'inbox' | 'outbox';
  status?: RequestStatus | undefined;
  overdue?: boolean | undefined;
  domain?: DomainCode | undefined;
  originalCaseId?: string | undefined;
  /** A case reference, whole or its beginning, as typed. */
  reference?: string | undefined;
  limit: number;
}

/** A focal point's requests: received (inbox) or sent (outbox), newest first. */
export async function listRequests(deps: RequestsDeps, actor: User, filter: ListFilter): Promise<RequestCaseView[]> {
  authorize(
    actor,
    'exchange:take-part',
    {},
    "only focal points send and receive requests; national admins see their state's overdue list",
  );
  const { box, limit, reference, ...rest } = filter;
  const referencePrefix = reference ? normalizeReferenceQuery(reference) : undefined;
  const cases = await deps.cases.list(
    {
      ...(box === 'inbox' ? { requestedSide: actor.id } : { requesterId: actor.id }),
      ...rest,
      ...(referencePrefix ? { referencePrefix } : {}),
    },
    limit,
  );
  const people = await peopleLookup(deps.index);
  return cases.map((c) => toCaseView(c, people));
}

/** One case with its steps: for its two focal points and the national admins of either state. */
export async function readRequest(deps: RequestsDeps, actor: User, id: string): Promise<RequestCaseDetail> {
  const found = await loadCase(deps.cases, id);
  const party =
    found && (found.requesterId === actor.id || found.requestedId === actor.id || found.deputyIds.includes(actor.id));
  const admin =
    found &&
    (can(actor, 'request:read-state', { state: found.requesterState }) ||
      can(actor, 'request:read-state', { state: found.requestedState }));
  if (!found || !(party || admin) || actor.status !== 'active')
    throw new AppError('request.not-found', 'no such request');
  const history = await deps.cases.history(found.id);
  return {
    ...toCaseView(found, await peopleLookup(deps.index)),
    history: history.map((t) => toTransitionView(t, found)),
  };
}

/** Requests to the admin's state that went past their deadline unanswered (flagged by the sweeper). */
export async function listOverdue(deps: RequestsDeps, actor: User, limit = 200): Promise<RequestCaseView[]> {
  const state = actor.state ?? '';
  authorize(actor, 'request:read-state', { state });
  const cases = await deps.cases.list({ requestedState: state, overdue: true }, limit);
  const people = await peopleLookup(deps.index);
  return cases.map((c) => toCaseView(c, people));
}
