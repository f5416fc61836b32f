import { AppError } from '../../../shared/errors.js';
import type { Role, SearchUsersQuery, UserStatus, UserView, UsersPage } from '../../../shared/schemas/accounts.js';
import type { User } from './ports/users.js';
import type { AuditEventType } from '../../../shared/audit/event-types.js';
import type { AccountsDeps } from './accounts-deps.js';
import { confinedState } from '../../../shared/authz/can.js';
import { authorize } from './authorize.js';
import { checkParticipating } from './check-participating.js';
import { toUserView } from './user-view.js';
import type { AwaitingSecondApproval, DualControlKind } from '../../../shared/schemas/dual-control.js';

async function load(deps: AccountsDeps, id: string): Promise<User> {
  const user = await deps.users.findById(id);
  if (!user || user.status === 'removed') throw new AppError('user.not-found', 'no such user');
  return user;
}

export async function getUser(deps: AccountsDeps, actor: User, id: string): Promise<UserView> {
  const user = await load(deps, id);
  authorize(actor, 'user:read', { id: user.id, role: user.role, state: user.state });
  return toUserView(user);
}

export async function listUsers(
  deps: AccountsDeps,
  actor: User,
  filter: { status?: UserStatus | undefined; state?: string | undefined; role?: Role | undefined },
): Promise<UserView[]> {
  const state = confinedState(actor) ?? filter.state;
  authorize(actor, 'user:list', { state: state ?? null });
  const users = await deps.users.list({
    ...(state ? { state } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.role ? { role: filter.role } : {}),
  });
  return users.filter((user) => user.status !== 'removed').map(toUserView);
}

/** The People page: a national admin searches their own state, the secretariat the whole network. */
export async function searchUsers(deps: AccountsDeps, actor: User, query: SearchUsersQuery): Promise<UsersPage> {
  const state = confinedState(actor) ?? query.state;
  authorize(actor, 'user:list', { state: state ?? null });
  const { users, total } = await deps.users.search(
    {
      ...(state ? { state } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.role ? { role: query.role } : {}),
      ...(query.q ? { text: query.q } : {}),
    },
    { skip: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { total, page: query.page, pageSize: query.pageSize, users: users.map(toUserView) };
}

/**
 * Activation after the admin compared the safety number out of band. Bound to the key version
 * the admin saw: if the keys changed in between, the comparison proves nothing and is refused.
 * A national admin's activation takes a second person: this is then only the first step.
 */
export async function activateUser(
  deps: AccountsDeps,
  actor: User,
  id: string,
  keyVersion: number,
): Promise<UserView | AwaitingSecondApproval> {
  const user = await load(deps, id);
  authorize(actor, 'user:activate', { id: user.id, role: user.role, state: user.state });
  checkActivation(user, keyVersion);
  const kind =
    user.role === 'national-admin'
      ? 'activate-national-admin'
      : user.role === 'network-admin' && (await secretariatCanApprove(deps, actor, user))
        ? 'activate-secretariat-member'
        : undefined;
  if (kind)
    return deps.dualControl.request(actor, {
      kind,
      subject: user,
      payload: { keyVersion, safetyNumberCompared: true },
    });
  return applyActivation(deps, user, keyVersion, { verifiedBy: actor.id, actorId: actor.id });
}

/** Throws unless `user` waits for verification with the keys whose safety number was compared. */
export function checkActivation(user: User, keyVersion: number): void {
  if (user.status !== 'pending-verification')
    throw new AppError('user.invalid-transition', `the account is ${user.status}, not pending verification`);
  if (!user.keys || user.keys.keyVersion !== keyVersion)
    throw new AppError('keys.changed', 'the keys changed since you compared the safety number: compare again');
}

/** Activates a checked account; `verifiedBy` compared the safety number, `actorId` carried it out (and `also` says more). */
export async function applyActivation(
  deps: AccountsDeps,
  user: User,
  keyVersion: number,
  by: { verifiedBy: string; actorId: string; also?: Record<string, string> },
): Promise<UserView> {
  const now = deps.clock.now();
  if (!user.keys) throw new AppError('keys.changed', 'the account has no keys');
  const updated = await deps.users.update(
    user.id,
    { status: 'active', keys: { ...user.keys, verifiedAt: now, verifiedBy: by.verifiedBy } },
    { now },
  );
  if (!updated) throw new AppError('user.not-found', 'no such user');
  await deps.audit.append({
    type: 'user.activated',
    actorId: by.actorId,
    state: user.state,
    subjectId: user.id,
    data: { keyVersion, ...by.also },
  });
  await deps.directoryChanged();
  deps.people.updated(updated);
  return toUserView(updated);
}

interface StatusChange {
  action: 'user:suspend' | 'user:reactivate' | 'user:remove';
  from: UserStatus[];
  to: UserStatus;
  audit: AuditEventType;
}

export const STATUS_CHANGES = {
  suspend: {
    action: 'user:suspend',
    from: ['active', 'pending-verification'],
    to: 'suspended',
    audit: 'user.suspended',
  },
  reactivate: { action: 'user:reactivate', from: ['suspended'], to: 'active', audit: 'user.reactivated' },
  remove: {
    action: 'user:remove',
    from: ['active', 'pending-verification', 'suspended'],
    to: 'removed',
    audit: 'user.removed',
  },
} as const satisfies Record<string, StatusChange>;
export type StatusChangeName = keyof typeof STATUS_CHANGES;

/**
 * Suspending or removing a national admin takes a second person (issue #23); so does lifting a
 * suspension, or one person could undo alone what two decided and give the power back.
 */
const TWO_PEOPLE: Record<StatusChangeName, DualControlKind> = {
  suspend: 'suspend-national-admin',
  reactivate: 'reactivate-national-admin',
  remove: 'remove-national-admin',
};
const TWO_SECRETARIAT_MEMBERS: Record<StatusChangeName, DualControlKind> = {
  suspend: 'suspend-secretariat-member',
  reactivate: 'reactivate-secretariat-member',
  remove: 'remove-secretariat-member',
};

/**
 * Giving or taking a secretariat member's power takes two people too, once someone could be the
 * second: another active secretariat member besides the one who asks and the subject. The
 * founding member, alone, activates the second (after the bootstrap, nobody else exists).
 */
async function secretariatCanApprove(deps: AccountsDeps, actor: User, subject: User): Promise<boolean> {
  const members = await deps.users.list({ role: 'network-admin', status: 'active' });
  return members.some((member) => member.id !== actor.id && member.id !== subject.id);
}

/** Throws unless `user`'s status allows `change`. */
export function checkStatusChange(user: User, change: StatusChangeName): void {
  const spec: StatusChange = STATUS_CHANGES[change];
  if (!spec.from.includes(user.status))
    throw new AppError('user.invalid-transition', `cannot ${change} an account that is ${user.status}`);
}

/**
 * Suspension and removal take effect at once: every token issued so far stops working, refresh
 * tokens are revoked, and open sockets on every node are closed. For a national admin, this is
 * the first step and the second person's approval carries it out.
 */
export async function changeUserStatus(
  deps: AccountsDeps,
  actor: User,
  id: string,
  change: StatusChangeName,
  reason?: string,
): Promise<UserView | AwaitingSecondApproval> {
  const spec: StatusChange = STATUS_CHANGES[change];
  const user = await load(deps, id);
  authorize(actor, spec.action, { id: user.id, role: user.role, state: user.state });
  checkStatusChange(user, change);
  const kind =
    user.role === 'national-admin'
      ? TWO_PEOPLE[change]
      : user.role === 'network-admin' && (await secretariatCanApprove(deps, actor, user))
        ? TWO_SECRETARIAT_MEMBERS[change]
        : undefined;
  if (kind) return deps.dualControl.request(actor, { kind, subject: user, payload: reason ? { reason } : {} });
  return applyStatusChange(deps, user, change, { actorId: actor.id, ...(reason ? { reason } : {}) });
}

/** Changes a checked account's status; `also` names more people in the audit entry. */
export async function applyStatusChange(
  deps: AccountsDeps,
  user: User,
  change: StatusChangeName,
  by: { actorId: string; reason?: string; also?: Record<string, string> },
): Promise<UserView> {
  const spec: StatusChange = STATUS_CHANGES[change];
  const ending = spec.to !== 'active';
  // A reactivated account whose keys were never verified goes back to waiting for verification.
  const to: UserStatus = spec.to === 'active' && !user.keys?.verifiedAt ? 'pending-verification' : spec.to;
  const updated = await deps.users.update(user.id, { status: to }, { revokeTokens: ending, now: deps.clock.now() });
  if (!updated) throw new AppError('user.not-found', 'no such user');
  if (ending) {
    await deps.refreshTokens.revokeAllOfUser(user.id);
    deps.revocations.revokeUser(user.id);
  }
  await deps.audit.append({
    type: spec.audit,
    actorId: by.actorId,
    state: user.state,
    subjectId: user.id,
    data: { from: user.status, to, ...(by.reason ? { reason: by.reason } : {}), ...by.also },
  });
  await deps.directoryChanged();
  deps.people.updated(updated);
  return toUserView(updated);
}

export async function updateUser(
  deps: AccountsDeps,
  actor: User,
  id: string,
  patch: { displayName?: string | undefined; domains?: string[] | undefined; requireTotp?: boolean | undefined },
): Promise<UserView> {
  const user = await load(deps, id);
  authorize(actor, 'user:update', { id: user.id, role: user.role, state: user.state });
  if (patch.domains && user.role !== 'focal-point')
    throw new AppError('validation.failed', 'only focal points serve domains', [
      { path: ['body', 'domains'], message: 'not for this role' },
    ]);
  if (patch.domains) await checkParticipating(deps, user.state ?? '', patch.domains);
  const clean = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const updated = await deps.users.update(id, clean, { now: deps.clock.now() });
  if (!updated) throw new AppError('user.not-found', 'no such user');
  await deps.audit.append({
    type: 'user.updated',
    actorId: actor.id,
    state: user.state,
    subjectId: id,
    data: { fields: Object.keys(clean) },
  });
  await deps.directoryChanged();
  return toUserView(updated);
}
