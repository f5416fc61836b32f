import type { Role, UserStatus } from '../schemas/accounts.js';

/** Who is acting: only what authorization needs. */
export interface Actor {
  id: string;
  role: Role;
  state: string | null;
  status: UserStatus;
  /** Second factor enrolled: admins (and focal points whose state requires it) act only with one. */
  totpEnabled: boolean;
  requireTotp: boolean;
}

/** What is acted on: a person (or invitation) of a role in a state, or a state's records. */
export interface Target {
  role?: Role;
  state?: string | null;
  id?: string;
}

export const ACTIONS = [
  'invitation:create',
  'invitation:list',
  'invitation:revoke',
  'user:list',
  'user:read',
  'user:activate',
  'user:suspend',
  'user:reactivate',
  'user:remove',
  'user:update',
  'user:reset-password',
  'audit:read',
  'exchange:take-part',
  'directory:read',
  'directory:edit-entry',
  'state:manage-directory',
  'directory:settings',
  'liveness:start',
  'liveness:schedule-state',
  'policy:read-published',
  'policy:read',
  'policy:history',
  'policy:write',
  'approval:list',
  'approval:decide',
  'request:read-state',
  'request:statistics',
  'consensus:read',
  'consensus:propose',
  'consensus:respond',
  'review:read',
  'webhook:list',
  'webhook:manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The responsible admin for a person: the secretariat (network admins) for national admins and
 * for other network admins, the national admins of the same state for focal points.
 */
function responsibleFor(actor: Actor, target: Target): boolean {
  if (target.role === 'focal-point') return actor.role === 'national-admin' && actor.state === target.state;
  if (target.role === 'national-admin' || target.role === 'network-admin') return actor.role === 'network-admin';
  return false;
}

const isAdmin = (actor: Actor): boolean => actor.role === 'network-admin' || actor.role === 'national-admin';
const ownStateOrNetwork = (actor: Actor, target: Target): boolean =>
  actor.role === 'network-admin' || (actor.role === 'national-admin' && target.state === actor.state);
const nationalAdminOf = (actor: Actor, target: Target): boolean =>
  actor.role === 'national-admin' && target.state !== undefined && target.state === actor.state;

/**
 * The one state whose records an actor is confined to (lists, trails, directory fields), or null
 * for the secretariat, whose reach is the whole network. can() still decides each action.
 */
export function confinedState(actor: Pick<Actor, 'role' | 'state'>): string | null {
  return actor.role === 'network-admin' ? null : actor.state;
}

/**
 * Pure authorization: may `actor` do `action` to `target`? Only active accounts with their
 * required second factor act; nobody manages their own account through admin actions.
 */
export function can(actor: Actor, action: Action, target: Target = {}): boolean {
  if (actor.status !== 'active') return false;
  if ((actor.role !== 'focal-point' || actor.requireTotp) && !actor.totpEnabled) return false;
  const self = target.id !== undefined && target.id === actor.id;
  switch (action) {
    case 'invitation:create':
    case 'invitation:revoke':
      return responsibleFor(actor, target);
    case 'invitation:list':
      // The secretariat's own invitations (network admins) are for the secretariat only.
      return (
        isAdmin(actor) &&
        ownStateOrNetwork(actor, target) &&
        (target.role !== 'network-admin' || actor.role === 'network-admin')
      );
    case 'user:list':
    case 'audit:read':
      return isAdmin(actor) && ownStateOrNetwork(actor, target);
    case 'user:read':
      return self || (isAdmin(actor) && ownStateOrNetwork(actor, target));
    case 'user:activate':
    case 'user:reactivate':
    case 'user:remove':
    case 'user:update':
    case 'user:reset-password':
      return !self && responsibleFor(actor, target);
    case 'user:suspend':
      // The secretariat may suspend anyone at once (e.g. a compromised key), besides the responsible admin.
      return !self && target.role !== undefined && (responsibleFor(actor, target) || actor.role === 'network-admin');
    case 'exchange:take-part':
      // Messages, requests and their attachments pass between focal points; admins run the network, they do not exchange in it.
      return actor.role === 'focal-point';
    case 'directory:read':
      return true;
    case 'directory:edit-entry':
      // A focal point edits their own entry; national admins their state's.
      return self || (actor.role === 'national-admin' && target.role === 'focal-point' && target.state === actor.state);
    case 'state:manage-directory':
      // Participation, field visibility, stale-entry list: a state's own national admins.
      return actor.role === 'national-admin' && target.state === actor.state;
    case 'directory:settings':
      return actor.role === 'network-admin';
    case 'liveness:start':
      // The secretariat checks the whole network; a national admin their own state.
      return actor.role === 'network-admin' || (actor.role === 'national-admin' && target.state === actor.state);
    case 'liveness:schedule-state':
      // A state's own schedule is its national admins' business; the network's is adopted by consensus.
      return actor.role === 'national-admin' && target.state === actor.state;
    // Disclosure policies apply national law, a state's own business: the full policy (with its
    // unpublished rules) is for that state's people only; everyone else, the secretariat
    // included, sees the published rules. Only the state's national admins write it.
    case 'policy:read-published':
      return true;
    case 'policy:read':
      return actor.role !== 'network-admin' && target.state !== undefined && target.state === actor.state;
    case 'policy:history':
    case 'policy:write':
    case 'approval:list':
      return nationalAdminOf(actor, target);
    case 'approval:decide':
      // Four eyes: an admin who sent the held exchange (target.id) cannot release it.
      return !self && nationalAdminOf(actor, target);
    // Request metadata of a state's cases (overdue list, case history): its national admins.
    case 'request:read-state':
      return nationalAdminOf(actor, target);
    // Statistics without content: a state's own for its national admins, all for the secretariat.
    // The annual implementation review likewise: metadata counts only.
    case 'request:statistics':
    case 'review:read':
      return ownStateOrNetwork(actor, target);
    // Network-wide decisions by consensus: the secretariat proposes, each state's national admins
    // give its position; every admin follows them.
    case 'consensus:read':
      return isAdmin(actor);
    case 'consensus:propose':
      return actor.role === 'network-admin';
    case 'consensus:respond':
      return nationalAdminOf(actor, target);
    // Webhooks reach a state's national systems: its national admins register them; the
    // secretariat may see which exist (never their secrets), to help when deliveries fail.
    case 'webhook:list':
      return ownStateOrNetwork(actor, target);
    case 'webhook:manage':
      return nationalAdminOf(actor, target);
  }
}
