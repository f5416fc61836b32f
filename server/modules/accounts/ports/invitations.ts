import type { Role } from '../../../../shared/schemas/accounts.js';

export interface Invitation {
  id: string;
  role: Role;
  state: string | null;
  domains: string[];
  displayName: string;
  note: string | null;
  status: 'open' | 'used' | 'revoked';
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedBy: string | null;
}

export type NewInvitation = Omit<Invitation, 'id' | 'status' | 'usedBy'> & { tokenHash: string };

export interface InvitationStore {
  create(input: NewInvitation): Promise<Invitation>;
  findByTokenHash(tokenHash: string): Promise<Invitation | undefined>;
  findById(id: string): Promise<Invitation | undefined>;
  list(filter: { state?: string }): Promise<Invitation[]>;
  /**
   * Marks an open, unexpired invitation used by `userId`: of two registrations racing with the
   * same token exactly one wins (a unique claim), and a revoked one cannot be claimed.
   */
  claim(id: string, userId: string, now: Date): Promise<boolean>;
  revoke(id: string): Promise<boolean>;
  /** Revokes every open invitation of a role (used when a new bootstrap link replaces the old). */
  revokeOpen(role: Role): Promise<void>;
}
