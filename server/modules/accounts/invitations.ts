import { AppError } from '../../../shared/errors.js';
import { can, confinedState } from '../../../shared/authz/can.js';
import type {
  CreatedInvitation,
  CreateInvitationRequest,
  InvitationPreview,
  InvitationView,
} from '../../../shared/schemas/accounts.js';
import type { User } from './ports/users.js';
import type { AccountsDeps } from './accounts-deps.js';
import { authorize } from './authorize.js';
import { hashOpaqueToken, newOpaqueToken } from './opaque-tokens.js';
import { toInvitationView } from './user-view.js';
import { checkParticipating } from './check-participating.js';

type CreateInput = Required<Pick<CreateInvitationRequest, 'role' | 'displayName' | 'domains' | 'expiresInHours'>> & {
  state?: string | undefined;
  note?: string | undefined;
};

const HOUR_MS = 3_600_000;

function invitationLink(publicOrigin: string, token: string): string {
  // The token travels in the fragment: browsers never send it to a server or put it in logs.
  return `${publicOrigin.replace(/\/$/, '')}/invite#${token}`;
}

/** The invited person's state: every role has one but the secretariat's, which serves the whole network. */
async function invitedState(deps: AccountsDeps, input: CreateInput): Promise<string | null> {
  if (input.role === 'network-admin') {
    if (input.state === undefined) return null;
    throw new AppError('validation.failed', 'a network admin belongs to no state', [
      { path: ['body', 'state'], message: 'leave out for a network admin' },
    ]);
  }
  if (input.state === undefined) {
    throw new AppError('validation.failed', 'choose the state of the person invited', [
      { path: ['body', 'state'], message: 'required' },
    ]);
  }
  if (!(await deps.states.find(input.state)))
    throw new AppError('state.unknown', `${input.state} is not a member state`);
  return input.state;
}

/**
 * A network admin invites national admins and further network admins (the secretariat, who
 * register pending and are activated by another network admin, TOTP required like every admin);
 * a national admin invites focal points of their state.
 */
export async function createInvitation(
  deps: AccountsDeps,
  actor: User,
  input: CreateInput,
): Promise<CreatedInvitation> {
  const state = await invitedState(deps, input);
  authorize(actor, 'invitation:create', { role: input.role, state });
  if (input.role === 'focal-point') {
    if (input.domains.length === 0) {
      throw new AppError('validation.failed', 'a focal point serves at least one domain', [
        { path: ['body', 'domains'], message: 'choose at least one domain' },
      ]);
    }
    await checkParticipating(deps, state ?? '', input.domains);
  }
  const token = newOpaqueToken();
  const now = deps.clock.now();
  const invitation = await deps.invitations.create({
    tokenHash: hashOpaqueToken(token),
    role: input.role,
    state,
    domains: input.role === 'focal-point' ? [...new Set(input.domains)] : [],
    displayName: input.displayName,
    note: input.note ?? null,
    createdBy: actor.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + input.expiresInHours * HOUR_MS),
  });
  await deps.audit.append({
    type: 'invitation.created',
    actorId: actor.id,
    state,
    subjectId: invitation.id,
    data: { role: input.role, domains: invitation.domains, expiresAt: invitation.expiresAt.toISOString() },
  });
  return { invitation: toInvitationView(invitation, now), token, link: invitationLink(deps.publicOrigin, token) };
}

/**
 * The one path to the first network admin: allowed only while no network admin exists. Earlier
 * bootstrap links stop working when a new one is issued.
 */
export async function issueBootstrapInvitation(
  deps: AccountsDeps,
): Promise<{ token: string; link: string; expiresAt: Date }> {
  if ((await deps.users.countByRole('network-admin', ['active', 'pending-verification', 'suspended'])) > 0) {
    throw new AppError('auth.forbidden', 'a network admin exists already: the bootstrap invitation is closed');
  }
  await deps.invitations.revokeOpen('network-admin');
  const token = newOpaqueToken();
  const now = deps.clock.now();
  const invitation = await deps.invitations.create({
    tokenHash: hashOpaqueToken(token),
    role: 'network-admin',
    state: null,
    domains: [],
    displayName: 'Network administrator',
    note: 'bootstrap',
    createdBy: null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 72 * HOUR_MS),
  });
  await deps.audit.append({
    type: 'system.bootstrap-invitation',
    subjectId: invitation.id,
    data: { expiresAt: invitation.expiresAt.toISOString() },
  });
  return { token, link: invitationLink(deps.publicOrigin, token), expiresAt: invitation.expiresAt };
}

export async function listInvitations(deps: AccountsDeps, actor: User): Promise<InvitationView[]> {
  const state = confinedState(actor) ?? undefined;
  authorize(actor, 'invitation:list', { state: state ?? null });
  const now = deps.clock.now();
  const all = await deps.invitations.list(state ? { state } : {});
  return all
    .filter((invitation) => can(actor, 'invitation:list', { role: invitation.role, state: invitation.state }))
    .map((i) => toInvitationView(i, now));
}

export async function revokeInvitation(deps: AccountsDeps, actor: User, id: string): Promise<InvitationView> {
  const invitation = await deps.invitations.findById(id);
  if (!invitation) throw new AppError('invitation.not-found', 'no such invitation');
  authorize(actor, 'invitation:revoke', { role: invitation.role, state: invitation.state });
  if (!(await deps.invitations.revoke(id)))
    throw new AppError('user.invalid-transition', `the invitation is ${invitation.status}, not open`);
  await deps.audit.append({ type: 'invitation.revoked', actorId: actor.id, state: invitation.state, subjectId: id });
  return toInvitationView({ ...invitation, status: 'revoked' }, deps.clock.now());
}

/** What the registration page shows. Unknown, used, revoked and expired tokens answer alike. */
export async function previewInvitation(deps: AccountsDeps, token: string): Promise<InvitationPreview> {
  const invitation = await deps.invitations.findByTokenHash(hashOpaqueToken(token));
  if (!invitation || invitation.status !== 'open' || invitation.expiresAt <= deps.clock.now()) {
    throw new AppError(
      'invitation.invalid',
      'this invitation is not valid: it may have expired, been used or been revoked',
    );
  }
  return {
    role: invitation.role,
    state: invitation.state as InvitationPreview['state'],
    domains: invitation.domains as InvitationPreview['domains'],
    displayName: invitation.displayName,
    expiresAt: invitation.expiresAt.toISOString(),
  };
}
