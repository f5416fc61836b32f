import type { InvitationView, UserView } from '../../../shared/schemas/accounts.js';
import type { Invitation } from './ports/invitations.js';
import type { User } from './ports/users.js';

/** The only shape in which a user leaves the server: no secrets, no token version. */
export function toUserView(user: User): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    state: user.state as UserView['state'],
    domains: user.domains as UserView['domains'],
    status: user.status,
    keys: user.keys
      ? {
          identityKey: user.keys.identityKey,
          encryptionKey: user.keys.encryptionKey,
          encryptionKeySig: user.keys.encryptionKeySig,
          keyVersion: user.keys.keyVersion,
          createdAt: user.keys.createdAt.toISOString(),
          verifiedAt: user.keys.verifiedAt?.toISOString() ?? null,
          verifiedBy: user.keys.verifiedBy,
        }
      : null,
    totpEnabled: user.totpEnabled,
    requireTotp: user.requireTotp,
    createdAt: user.createdAt.toISOString(),
    recoveryKeyConfirmed: user.recoveryConfirmedAt !== null,
  };
}

export function toInvitationView(invitation: Invitation, now: Date): InvitationView {
  const status = invitation.status === 'open' && invitation.expiresAt <= now ? 'expired' : invitation.status;
  return {
    id: invitation.id,
    role: invitation.role,
    state: invitation.state as InvitationView['state'],
    domains: invitation.domains as InvitationView['domains'],
    displayName: invitation.displayName,
    note: invitation.note,
    status,
    createdBy: invitation.createdBy,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    usedBy: invitation.usedBy,
  };
}
