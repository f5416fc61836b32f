import type { UserStatus, Role } from '../../../../shared/schemas/accounts.js';
import type { KeyStretching } from '../../../../shared/crypto/opaque-format.js';

export interface PublicKeys {
  identityKey: string;
  encryptionKey: string;
  encryptionKeySig: string;
  keyVersion: number;
  createdAt: Date;
  verifiedAt: Date | null;
  verifiedBy: string | null;
}

/** A key set replaced by a newer one: valid from `createdAt` until `replacedAt`. */
export interface PreviousKeys extends PublicKeys {
  replacedAt: Date;
}

/** A user as the modules see it: no password hash, no TOTP secret, no wrapped keys. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  state: string | null;
  domains: string[];
  status: UserStatus;
  totpEnabled: boolean;
  requireTotp: boolean;
  keys: PublicKeys | null;
  /** Earlier key sets, oldest first. */
  keyHistory: PreviousKeys[];
  tokenVersion: number;
  invitedBy: string | null;
  createdAt: Date;
  /** When the person last confirmed their recovery key by typing part of it back (null: never). */
  recoveryConfirmedAt: Date | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  state: string | null;
  domains: string[];
  status: UserStatus;
  opaque: OpaqueCredential;
  keys: Omit<PublicKeys, 'verifiedAt' | 'verifiedBy'> & { verifiedAt?: Date | null; verifiedBy?: string | null };
  wrappedKeys: unknown;
  invitedBy: string | null;
  recoveryConfirmedAt?: Date | null;
  now: Date;
}

/** What the server keeps of a password: an OPAQUE record and the client's argon2id cost (no hash, nothing that unwraps a key). */
export interface OpaqueCredential {
  record: string;
  stretching: KeyStretching;
}

export interface UserSecrets {
  /** Only accounts made before OPAQUE that have not signed in since. */
  passwordHash: string | null;
  opaque: OpaqueCredential | null;
  totpSecret: string | null;
  totpPendingSecret: string | null;
  totpLastStep: number;
}

export type UserPatch = Partial<Pick<User, 'displayName' | 'domains' | 'status' | 'requireTotp' | 'totpEnabled'>> & {
  keys?: PublicKeys | null;
  /** Appended to the key history in the same single-document write as the new `keys`. */
  retiredKeys?: PreviousKeys;
  wrappedKeys?: unknown;
  recoveryConfirmedAt?: Date | null;
  passwordHash?: null;
  opaque?: OpaqueCredential;
  totpSecret?: string | null;
  totpPendingSecret?: string | null;
  totpLastStep?: number;
};

/**
 * A username is unique: `create` throws this when the name is taken (also by a registration
 * racing with this one).
 */
export class UsernameTakenError extends Error {
  constructor(username: string) {
    super(`the username ${username} is taken`);
    this.name = 'UsernameTakenError';
  }
}

/** The accounts, as stored; the module never sees a password hash or secret outside `secrets`. */
export interface UserStore {
  /** Told after every write to a user (also a failed one, which may have landed): caches forget it. */
  onChange(listener: (userId: string) => void): void;
  /** Something the account's checks depend on changed elsewhere (a session ended): caches forget it. */
  changed(id: string): void;
  /** Throws UsernameTakenError when the username is taken. */
  create(input: NewUser): Promise<User>;
  findById(id: string): Promise<User | undefined>;
  findByUsername(username: string): Promise<User | undefined>;
  secrets(id: string): Promise<UserSecrets | undefined>;
  /** A sign-in's one read: the account and its secrets by username (one query whether or not it exists). */
  withSecretsByUsername(username: string): Promise<{ user: User; secrets: UserSecrets } | undefined>;
  wrappedKeys(id: string): Promise<unknown>;
  /** Replaces any earlier reset of this person: only the latest link works. */
  setPasswordReset(id: string, tokenHash: string, expiresAt: Date, now: Date): Promise<void>;
  findByResetToken(tokenHash: string): Promise<{ user: User; expiresAt: Date } | undefined>;
  /**
   * Finishes a reset: new password and wrapping, the token spent, every access token ended — in
   * one write that only the first caller with this token makes (false for any later one).
   */
  completePasswordReset(
    id: string,
    tokenHash: string,
    patch: { opaque: OpaqueCredential; wrappedKeys: unknown },
    now: Date,
  ): Promise<boolean>;
  list(filter: { state?: string; role?: Role; status?: UserStatus; roles?: Role[] }): Promise<User[]>;
  /** A page of people (never removed ones) sorted by name, whose name or username contains `text`, with the total. */
  search(
    filter: { state?: string; role?: Role; status?: UserStatus; text?: string },
    page: { skip: number; limit: number },
  ): Promise<{ users: User[]; total: number }>;
  /** Every active focal point: the directory index is built from these (no page limit). */
  activeFocalPoints(): Promise<User[]>;
  countByRole(role: Role, statuses: UserStatus[]): Promise<number>;
  /** Updates and, when asked, invalidates every token issued so far (tokenVersion + 1). */
  update(id: string, patch: UserPatch, options: { revokeTokens?: boolean; now: Date }): Promise<User | undefined>;
  /**
   * Accepts a TOTP time step once: it must be newer than the last one used, and a unique claim
   * settles two sign-ins racing with the same code.
   */
  claimTotpStep(id: string, step: number, now: Date): Promise<boolean>;
}
