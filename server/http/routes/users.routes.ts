import type { Response } from 'express';
import { z } from 'zod';
import {
  ActivateRequest,
  Id,
  IssuedPasswordReset,
  ListUsersQuery,
  SearchUsersQuery,
  SuspendRequest,
  UpdateUserRequest,
  UserView,
  UsersPage,
} from '../../../shared/schemas/accounts.js';
import { issuePasswordReset } from '../../modules/accounts/password-reset.js';
import {
  activateUser,
  changeUserStatus,
  getUser,
  listUsers,
  searchUsers,
  updateUser,
} from '../../modules/accounts/manage-users.js';
import { AwaitingSecondApproval } from '../../../shared/schemas/dual-control.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

const IdParams = z.object({ id: Id });

/** A national admin's activation, suspension or removal is answered 202: it waits for a second person. */
function answer<T extends object>(res: Response, result: T): T {
  if ('status' in result && result.status === 'awaiting-second-approval') res.status(202).json(result);
  return result;
}
const SECOND_STEP = { 202: AwaitingSecondApproval };
const UserOrSecondStep = z.union([UserView, AwaitingSecondApproval]);

export function userRoutes({ router, registry, accounts, authn }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/users',
    auth: authn,
    tag: 'users',
    summary: 'People you administer (national admins: your state), e.g. those pending verification.',
    query: ListUsersQuery,
    response: z.array(UserView),
    errors: [400, 401, 403],
    handler: async ({ query, req }) => listUsers(accounts, await authn.actor(req), query),
  });

  // Registered before /api/users/:id, which would otherwise take "search" for an id.
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/users/search',
    auth: authn,
    tag: 'users',
    summary:
      'People you administer, a page at a time: name or username containing `q`, filters by state, role and status, sorted by name, with the total.',
    query: SearchUsersQuery,
    response: UsersPage,
    errors: [400, 401, 403],
    handler: async ({ query, req }) => searchUsers(accounts, await authn.actor(req), query),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/users/:id',
    auth: authn,
    tag: 'users',
    summary: 'One person, with public keys and verification state.',
    params: IdParams,
    response: UserView,
    errors: [401, 403, 404],
    handler: async ({ params, req }) => getUser(accounts, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'patch',
    path: '/api/users/:id',
    auth: authn,
    tag: 'users',
    summary: 'Change display name, domains or the TOTP requirement. Role, state and status cannot be set here.',
    params: IdParams,
    body: UpdateUserRequest,
    response: UserView,
    errors: [400, 401, 403, 404, 409],
    handler: async ({ params, body, req }) => updateUser(accounts, await authn.actor(req), params.id, body),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/users/:id/activate',
    auth: authn,
    tag: 'users',
    summary:
      'Activate after comparing the safety number out of band (bound to the key version compared). A national admin: 202, a second person approves (POST /api/dual-control/{id}/approve).',
    params: IdParams,
    body: ActivateRequest,
    response: UserOrSecondStep,
    alsoSucceeds: SECOND_STEP,
    errors: [400, 401, 403, 404, 409],
    handler: async ({ params, body, req, res }) =>
      answer(res, await activateUser(accounts, await authn.actor(req), params.id, body.keyVersion)),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/users/:id/suspend',
    auth: authn,
    tag: 'users',
    summary:
      'Suspend at once: tokens stop working and open sockets close. A national admin: 202, a second person approves.',
    params: IdParams,
    body: SuspendRequest,
    response: UserOrSecondStep,
    alsoSucceeds: SECOND_STEP,
    errors: [400, 401, 403, 404, 409],
    handler: async ({ params, body, req, res }) =>
      answer(res, await changeUserStatus(accounts, await authn.actor(req), params.id, 'suspend', body.reason)),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/users/:id/password-reset',
    auth: authn,
    tag: 'users',
    summary:
      'A single-use link (72 h) for a person who forgot their password; finishing it needs their recovery key. A newer link replaces an older one.',
    params: IdParams,
    response: IssuedPasswordReset,
    status: 201,
    errors: [401, 403, 404, 409],
    handler: async ({ params, req }) => issuePasswordReset(accounts, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/users/:id/reactivate',
    auth: authn,
    tag: 'users',
    summary: 'Lift a suspension. A national admin: 202, a second person approves.',
    params: IdParams,
    response: UserOrSecondStep,
    alsoSucceeds: SECOND_STEP,
    errors: [401, 403, 404, 409],
    handler: async ({ params, req, res }) =>
      answer(res, await changeUserStatus(accounts, await authn.actor(req), params.id, 'reactivate')),
  });

  defineRoute(router, registry, {
    method: 'delete',
    path: '/api/users/:id',
    auth: authn,
    tag: 'users',
    summary:
      'Remove a person from the network (the record stays for the audit trail). A national admin: 202, a second person approves.',
    params: IdParams,
    response: UserOrSecondStep,
    alsoSucceeds: SECOND_STEP,
    errors: [401, 403, 404, 409],
    handler: async ({ params, req, res }) =>
      answer(res, await changeUserStatus(accounts, await authn.actor(req), params.id, 'remove')),
  });
}
