import { AppError } from '../../../shared/errors.js';
import type { DualControlKind } from '../../../shared/schemas/dual-control.js';
import type { DualControlAction } from '../dual-control/dual-control-deps.js';
import type { DualControlRecord } from '../dual-control/ports.js';
import type { AccountsDeps } from './accounts-deps.js';
import {
  applyActivation,
  applyStatusChange,
  checkActivation,
  checkStatusChange,
  type StatusChangeName,
} from './manage-users.js';
import type { User } from './ports/users.js';

/** The request's subject, still in the role (and state) the request was made for. */
async function subjectOf(deps: AccountsDeps, request: DualControlRecord): Promise<User> {
  const user = await deps.users.findById(request.subjectId);
  if (!user || user.status === 'removed')
    throw new AppError('user.not-found', 'the person is no longer in the network');
  const secretariat = request.kind.endsWith('-secretariat-member');
  if (secretariat ? user.role !== 'network-admin' : user.role !== 'national-admin' || user.state !== request.state)
    throw new AppError(
      'user.invalid-transition',
      secretariat
        ? 'the person is no longer a secretariat member'
        : 'the person is no longer a national admin of that state',
    );
  return user;
}

/** Both people, in every audit entry of an action that took two. */
const bothPeople = (request: DualControlRecord, approver: User): Record<string, string> => ({
  requestedBy: request.requestedBy,
  approvedBy: approver.id,
  dualControlId: request.id,
});

const activation = (deps: AccountsDeps): DualControlAction => ({
  async recheck(request) {
    checkActivation(await subjectOf(deps, request), request.payload.keyVersion ?? 0);
  },
  async carryOut(request, approver) {
    const user = await subjectOf(deps, request);
    const keyVersion = request.payload.keyVersion ?? 0;
    checkActivation(user, keyVersion);
    // The first person compared the safety number: the keys are verified by them.
    await applyActivation(deps, user, keyVersion, {
      verifiedBy: request.requestedBy,
      actorId: approver.id,
      also: bothPeople(request, approver),
    });
  },
});

const statusChange = (deps: AccountsDeps, change: StatusChangeName): DualControlAction => ({
  async recheck(request) {
    checkStatusChange(await subjectOf(deps, request), change);
  },
  async carryOut(request, approver) {
    const user = await subjectOf(deps, request);
    checkStatusChange(user, change);
    await applyStatusChange(deps, user, change, {
      actorId: approver.id,
      ...(request.payload.reason ? { reason: request.payload.reason } : {}),
      also: bothPeople(request, approver),
    });
  },
});

/** What a second approval carries out for each action on an admin that takes two people. */
export function nationalAdminActions(deps: AccountsDeps): Record<DualControlKind, DualControlAction> {
  return {
    'activate-national-admin': activation(deps),
    'suspend-national-admin': statusChange(deps, 'suspend'),
    'reactivate-national-admin': statusChange(deps, 'reactivate'),
    'remove-national-admin': statusChange(deps, 'remove'),
    'activate-secretariat-member': activation(deps),
    'suspend-secretariat-member': statusChange(deps, 'suspend'),
    'reactivate-secretariat-member': statusChange(deps, 'reactivate'),
    'remove-secretariat-member': statusChange(deps, 'remove'),
  };
}
