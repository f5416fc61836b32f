import { AppError } from '../../../shared/errors.js';
import type { DualControlRequestView, DualControlStatus } from '../../../shared/schemas/dual-control.js';
import type { User } from '../accounts/ports/users.js';
import type { DualControlDeps } from './dual-control-deps.js';
import { toRequestView } from './request-view.js';
import { expire, hasExpired } from './settle.js';

/**
 * The requests a person may decide on or made: the secretariat sees the whole network, a
 * national admin their own state's — except those about themselves: a national admin about to be
 * suspended or removed is not warned by the list (a compromised account would act first).
 * Pending ones whose time ran out are marked expired on the way.
 */
export async function listRequests(
  deps: DualControlDeps,
  actor: User,
  status: DualControlStatus,
): Promise<DualControlRequestView[]> {
  if (actor.status !== 'active' || !actor.totpEnabled || actor.role === 'focal-point')
    throw new AppError('auth.forbidden', 'only admins take part in actions that need two people');
  const states = actor.role === 'network-admin' ? undefined : [actor.state ?? ''];
  const records = await deps.requests.list({ status, ...(states ? { states } : {}) });
  const open = [];
  for (const record of records) {
    if (record.subjectId === actor.id) continue;
    if (status === 'pending' && hasExpired(deps, record)) await expire(deps, record);
    else open.push(record);
  }
  return Promise.all(open.map((record) => toRequestView(deps, actor, record)));
}

/** One request, for the secretariat, the one who asked, or a national admin of its state. */
export async function getRequest(deps: DualControlDeps, actor: User, id: string): Promise<DualControlRequestView> {
  const record = await deps.requests.findById(id);
  const mayRead =
    record !== undefined &&
    actor.status === 'active' &&
    record.subjectId !== actor.id &&
    (actor.role === 'network-admin' ||
      record.requestedBy === actor.id ||
      (actor.role === 'national-admin' && actor.state === record.state));
  if (!record || !mayRead) throw new AppError('dual-control.not-found', 'no such request');
  return toRequestView(deps, actor, record);
}
