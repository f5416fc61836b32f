import { z } from 'zod';
import {
  IssuedPasswordReset,
  UserView,
  UsersPage,
  type Role,
  type UserStatus,
} from '../../../shared/schemas/accounts.js';
import { AwaitingSecondApproval } from '../../../shared/schemas/dual-control.js';
import type { DomainCode } from '../../../shared/schemas/labels.js';
import type { SessionManager } from '../session-manager.js';

export interface ListUsersFilter {
  status?: UserStatus;
  state?: string;
  role?: Role;
}

/** The People page's query: text in the name or username, filters, and which page (25 per page unless told). */
export interface SearchUsersFilter {
  q?: string;
  status?: Exclude<UserStatus, 'removed'>;
  state?: string;
  role?: Role;
  page?: number;
  pageSize?: number;
}

export interface UserPatch {
  displayName?: string;
  domains?: DomainCode[];
  requireTotp?: boolean;
}

export interface UsersApi {
  list(filter?: ListUsersFilter): Promise<UserView[]>;
  /** A page of people matching the search, sorted by name, with the total across pages. */
  search(filter?: SearchUsersFilter): Promise<UsersPage>;
  get(id: string): Promise<UserView>;
  update(id: string, patch: UserPatch): Promise<UserView>;
  /**
   * `keyVersion`: the key version whose safety number was compared; refused (keys.changed) if it
   * moved on. For a national admin (as for their suspension, reactivation and removal) the answer
   * is the first step only: `awaiting-second-approval`, until a second person approves.
   */
  activate(id: string, comparison: { keyVersion: number; safetyNumberCompared: true }): Promise<UserOrSecondStep>;
  suspend(id: string, reason: string): Promise<UserOrSecondStep>;
  reactivate(id: string): Promise<UserOrSecondStep>;
  /** A single-use link for a person who forgot their password (shown once; finishing it needs their recovery key). */
  issuePasswordReset(id: string): Promise<IssuedPasswordReset>;
  remove(id: string): Promise<UserOrSecondStep>;
}

const UserOrSecondStep = z.union([UserView, AwaitingSecondApproval]);
export type UserOrSecondStep = z.infer<typeof UserOrSecondStep>;

export function usersApi(session: SessionManager): UsersApi {
  const path = (id: string, action = ''): string => `/api/users/${encodeURIComponent(id)}${action}`;
  return {
    list: (filter = {}) =>
      session.authed({ method: 'GET', path: '/api/users', query: { ...filter }, schema: z.array(UserView) }),
    search: (filter = {}) =>
      session.authed({ method: 'GET', path: '/api/users/search', query: { ...filter }, schema: UsersPage }),
    get: (id) => session.authed({ method: 'GET', path: path(id), schema: UserView }),
    update: (id, patch) => session.authed({ method: 'PATCH', path: path(id), body: patch, schema: UserView }),
    activate: (id, comparison) =>
      session.authed({ method: 'POST', path: path(id, '/activate'), body: comparison, schema: UserOrSecondStep }),
    suspend: (id, reason) =>
      session.authed({ method: 'POST', path: path(id, '/suspend'), body: { reason }, schema: UserOrSecondStep }),
    reactivate: (id) => session.authed({ method: 'POST', path: path(id, '/reactivate'), schema: UserOrSecondStep }),
    issuePasswordReset: (id) =>
      session.authed({ method: 'POST', path: path(id, '/password-reset'), schema: IssuedPasswordReset }),
    remove: (id) => session.authed({ method: 'DELETE', path: path(id), schema: UserOrSecondStep }),
  };
}
