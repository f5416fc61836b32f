import { z } from 'zod';
import { PublicKeyBundle } from '../crypto/verify-key-bundle.js';
import { ExportKeyWrappedKeys, RecoveryWrappedKeys, StoredWrappedKeys } from '../crypto/wrapped-keys-format.js';
import {
  KeyStretching,
  OpaqueFinishLoginRequest,
  OpaqueRegistrationRecord,
  OpaqueRegistrationRequest,
  OpaqueServerMessage,
  OpaqueStartLoginRequest,
} from '../crypto/opaque-format.js';
import { DomainCode, MAX_DOMAINS, StateCode } from './labels.js';
import { AUDIT_EVENT_TYPES } from '../audit/event-types.js';

export const ROLES = ['network-admin', 'national-admin', 'focal-point'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const USER_STATUSES = ['pending-verification', 'active', 'suspended', 'removed'] as const;
export const UserStatus = z.enum(USER_STATUSES);
export type UserStatus = z.infer<typeof UserStatus>;

/** 24 hex characters (a database id). */
export const Id = z.string().regex(/^[0-9a-f]{24}$/, 'must be an id (24 hex characters)');

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, '3–64 characters: letters, digits, dot, dash, underscore');
export const DisplayName = z.string().trim().min(1).max(120);
/** Length is the only composition rule (NIST 800-63B); common passwords are refused separately. */
export const Password = z.string().min(12, 'at least 12 characters').max(256);
export const TotpCode = z.string().regex(/^\d{6}$/, '6 digits');
/** Opaque tokens: invitation and refresh tokens are 32 random bytes, base64url. */
export const OpaqueToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'malformed token');

// ── invitations ────────────────────────────────────────────────────────────
export const CreateInvitationRequest = z
  .object({
    /** A network admin (a further secretariat member) belongs to no state: `state` is then left out. */
    role: z.enum(['network-admin', 'national-admin', 'focal-point']),
    state: StateCode.optional(),
    domains: z.array(DomainCode).max(MAX_DOMAINS).default([]),
    displayName: DisplayName,
    /** How to reach the invitee to pass on the link; shown in the list, never used by the server. */
    note: z.string().trim().max(200).optional(),
    expiresInHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14)
      .default(72),
  })
  .strict();
export type CreateInvitationRequest = z.infer<typeof CreateInvitationRequest>;

export const INVITATION_STATUSES = ['open', 'used', 'revoked', 'expired'] as const;
export const InvitationView = z.object({
  id: Id,
  role: Role,
  state: StateCode.nullable(),
  domains: z.array(DomainCode),
  displayName: z.string(),
  note: z.string().nullable(),
  status: z.enum(INVITATION_STATUSES),
  createdBy: Id.nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  usedBy: Id.nullable(),
});
export type InvitationView = z.infer<typeof InvitationView>;

export const CreatedInvitation = z.object({ invitation: InvitationView, token: OpaqueToken, link: z.string() });
export type CreatedInvitation = z.infer<typeof CreatedInvitation>;

export const InvitationPreviewRequest = z.object({ token: OpaqueToken }).strict();
export const InvitationPreview = z.object({
  role: Role,
  state: StateCode.nullable(),
  domains: z.array(DomainCode),
  displayName: z.string(),
  expiresAt: z.iso.datetime(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

// ── OPAQUE (RFC 9807): the password never leaves the client ────────────────
/** A flow between an OPAQUE step's start and its finish: sealed server state, single use; 2 minutes for a login, 30 for a registration. */
export const FlowId = z.string().regex(/^[A-Za-z0-9_-]{40,4000}$/, 'malformed flow id');

/** What the client made of a new password: the record the server keeps, and the argon2id cost it used. */
export const NewOpaqueRegistration = z
  .object({
    flowId: FlowId,
    registrationRecord: OpaqueRegistrationRecord,
    stretching: KeyStretching,
  })
  .strict();

export const RegistrationStartResponse = z.object({ flowId: FlowId, registrationResponse: OpaqueServerMessage });
export type RegistrationStartResponse = z.infer<typeof RegistrationStartResponse>;

export const SignInStartRequest = z
  .object({
    username: Username,
    startLoginRequest: OpaqueStartLoginRequest,
  })
  .strict();
export type SignInStartRequest = z.infer<typeof SignInStartRequest>;

export const SignInStartResponse = z.object({
  flowId: FlowId,
  loginResponse: OpaqueServerMessage,
  /** The argon2id cost this account's password was registered with. */
  stretching: KeyStretching,
  /** Only for an account made before OPAQUE: sign in once by password (`/api/auth/sign-in`), which upgrades it. */
  upgrade: z.literal(true).optional(),
});
export type SignInStartResponse = z.infer<typeof SignInStartResponse>;

export const SignInFinishRequest = z
  .object({
    flowId: FlowId,
    finishLoginRequest: OpaqueFinishLoginRequest,
    totp: TotpCode.optional(),
  })
  .strict();
export type SignInFinishRequest = z.infer<typeof SignInFinishRequest>;

/** Signed in, keys locked (a reload without "this browser remembers"): prove the password again to unlock them. */
export const UnlockStartRequest = z.object({ startLoginRequest: OpaqueStartLoginRequest }).strict();
export const UnlockFinishRequest = z.object({ flowId: FlowId, finishLoginRequest: OpaqueFinishLoginRequest }).strict();

// ── registration ───────────────────────────────────────────────────────────
export const RegistrationStartRequest = z
  .object({
    token: OpaqueToken,
    username: Username,
    registrationRequest: OpaqueRegistrationRequest,
  })
  .strict();
export type RegistrationStartRequest = z.infer<typeof RegistrationStartRequest>;

export const RegisterRequest = z
  .object({
    token: OpaqueToken,
    username: Username,
    displayName: DisplayName.optional(),
    opaque: NewOpaqueRegistration,
    keys: PublicKeyBundle,
    wrappedKeys: StoredWrappedKeys,
    /** The newcomer typed back part of the recovery key before registering (the client checks it; the server cannot). */
    recoveryKeyConfirmed: z.boolean().default(false),
  })
  .strict();
export type RegisterRequest = z.infer<typeof RegisterRequest>;

export const PublicKeysView = PublicKeyBundle.extend({
  keyVersion: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  verifiedAt: z.iso.datetime().nullable(),
  verifiedBy: Id.nullable(),
});

export const UserView = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  state: StateCode.nullable(),
  domains: z.array(DomainCode),
  status: UserStatus,
  keys: PublicKeysView.nullable(),
  totpEnabled: z.boolean(),
  requireTotp: z.boolean(),
  createdAt: z.iso.datetime(),
  /** Whether the person typed back part of their current recovery key (at registration or on making a new one). */
  recoveryKeyConfirmed: z.boolean(),
});
export type UserView = z.infer<typeof UserView>;

export const UsersPage = z.object({
  /** How many people match the search and filters, across every page. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  users: z.array(UserView),
});
export type UsersPage = z.infer<typeof UsersPage>;

/** Who will compare safety numbers with a newly registered person. */
export const Verifier = z.object({ id: Id, displayName: z.string(), role: Role, identityKey: z.string() });
export const RegisterResponse = z.object({ user: UserView, verifiers: z.array(Verifier) });
export type RegisterResponse = z.infer<typeof RegisterResponse>;

// ── sessions ───────────────────────────────────────────────────────────────
/** The route accounts made before OPAQUE use once, at their next sign-in, to be upgraded. */
export const SignInRequest = z
  .object({
    username: Username,
    password: z.string().min(1).max(256),
    totp: TotpCode.optional(),
  })
  .strict();
export type SignInRequest = z.infer<typeof SignInRequest>;

export const Session = z.object({
  accessToken: z.string(),
  refreshToken: OpaqueToken,
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  user: UserView,
});
export type Session = z.infer<typeof Session>;

export const RefreshRequest = z.object({ refreshToken: OpaqueToken }).strict();
export const SignOutRequest = RefreshRequest;

/**
 * Proof that whoever holds this session knows the password now (an OPAQUE login begun at
 * /api/me/unlock/start) and, once enrolled, the current authenticator code: asked before the
 * second factor or the keys are replaced, which an access token alone must not be able to do.
 */
export const Reauthentication = z.object({ proof: UnlockFinishRequest, totp: TotpCode.optional() }).strict();
export type Reauthentication = z.infer<typeof Reauthentication>;

export const TotpSetupRequest = z.object({ reauth: Reauthentication }).strict();
export const TotpSetupResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const TotpConfirmRequest = z.object({ code: TotpCode }).strict();

export const RotateKeysRequest = z
  .object({ keys: PublicKeyBundle, wrappedKeys: StoredWrappedKeys, reauth: Reauthentication })
  .strict();

/** A new recovery key (the old one stops working): the private keys wrapped under it, confirmed by typing part of it back. */
export const NewRecoveryKeyRequest = z.object({ recovery: RecoveryWrappedKeys, confirmed: z.literal(true) }).strict();

/** An account made before OPAQUE, signed in once by password: its OPAQUE record and keys re-wrapped under the export key. */
export const UpgradeRequest = z.object({ opaque: NewOpaqueRegistration, wrappedKeys: ExportKeyWrappedKeys }).strict();
export const UpgradeStartRequest = z.object({ registrationRequest: OpaqueRegistrationRequest }).strict();

/** A password change starts with a login (the current password) and a registration (the new one) at once. */
export const ChangePasswordStartRequest = z
  .object({
    startLoginRequest: OpaqueStartLoginRequest,
    registrationRequest: OpaqueRegistrationRequest,
  })
  .strict();
export const ChangePasswordStartResponse = z.object({
  flowId: FlowId,
  loginResponse: OpaqueServerMessage,
  stretching: KeyStretching,
  registrationResponse: OpaqueServerMessage,
});
export type ChangePasswordStartResponse = z.infer<typeof ChangePasswordStartResponse>;

/** The current password proven (OPAQUE login finish), the new one's record, and the keys wrapped under its export key. */
export const ChangePasswordRequest = z
  .object({
    flowId: FlowId,
    finishLoginRequest: OpaqueFinishLoginRequest,
    registrationRecord: OpaqueRegistrationRecord,
    stretching: KeyStretching,
    wrappedKeys: ExportKeyWrappedKeys,
    /** Once the second factor is enrolled: the current authenticator code. */
    totp: TotpCode.optional(),
  })
  .strict();
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** One of my sessions (a refresh-token family that can still be renewed). */
export const SessionView = z.object({
  id: z.string(),
  /** First 16 hex digits of the SHA-256 of the session's live refresh token: a client finds its own by it. */
  tokenHint: z.string(),
  signedInAt: z.iso.datetime().nullable(),
  lastRefreshedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  device: z.string().nullable(),
});
export type SessionView = z.infer<typeof SessionView>;
export const SessionIdParams = z.object({ id: z.uuid() });

/** A single-use link (72 h) an admin gives a person who forgot their password. */
export const IssuedPasswordReset = z.object({ token: OpaqueToken, link: z.string(), expiresAt: z.iso.datetime() });
export type IssuedPasswordReset = z.infer<typeof IssuedPasswordReset>;

export const PasswordResetToken = z.object({ token: OpaqueToken }).strict();

/** What the reset page needs: whose account, and the keys wrapped under the recovery key (useless without it). */
export const PasswordResetPreview = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  identityKey: z.string(),
  recovery: RecoveryWrappedKeys,
  expiresAt: z.iso.datetime(),
});
export type PasswordResetPreview = z.infer<typeof PasswordResetPreview>;

export const PasswordResetStartRequest = z
  .object({ token: OpaqueToken, registrationRequest: OpaqueRegistrationRequest })
  .strict();

/** The new password's OPAQUE record, the keys re-wrapped under its export key, and the identity key's signature proving the recovery key was used. */
export const CompletePasswordReset = z
  .object({
    token: OpaqueToken,
    opaque: NewOpaqueRegistration,
    wrappedKeys: ExportKeyWrappedKeys,
    signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'an Ed25519 signature, base64url'),
  })
  .strict();
export type CompletePasswordReset = z.infer<typeof CompletePasswordReset>;

// ── administration ─────────────────────────────────────────────────────────
export const ListUsersQuery = z
  .object({
    status: UserStatus.optional(),
    state: StateCode.optional(),
    role: Role.optional(),
  })
  .strict();

/** Statuses a list can be filtered by: removed accounts stay for the audit trail, never in lists. */
export const LISTED_USER_STATUSES = ['pending-verification', 'active', 'suspended'] as const;

/** The People page: search by name or username, filters, and a page of a sorted list with its total. */
export const SearchUsersQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    status: z.enum(LISTED_USER_STATUSES).optional(),
    state: StateCode.optional(),
    role: Role.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type SearchUsersQuery = z.infer<typeof SearchUsersQuery>;

export const ActivateRequest = z
  .object({
    /** The key version whose safety number the admin compared: a key changed since is refused. */
    keyVersion: z.number().int().positive(),
    safetyNumberCompared: z.literal(true),
  })
  .strict();

export const SuspendRequest = z.object({ reason: z.string().trim().min(1).max(500) }).strict();

/** Only these fields can be changed by PATCH; role, state, status and tokens never. */
export const UpdateUserRequest = z
  .object({
    displayName: DisplayName.optional(),
    domains: z.array(DomainCode).max(MAX_DOMAINS).optional(),
    requireTotp: z.boolean().optional(),
  })
  .strict();

// ── audit ──────────────────────────────────────────────────────────────────
export const AuditEntryView = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  type: z.string(),
  actorId: Id.nullable(),
  state: StateCode.nullable(),
  /** Other states whose trail shows the entry (a decision by their rule); absent when none. */
  alsoStates: z.array(StateCode).optional(),
  subjectId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  /** The entry's leaf hash in the audit log (RFC 9162, SHA-256), base64url. */
  leafHash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const ListAuditQuery = z
  .object({
    state: StateCode.optional(),
    /** Only events of this type (e.g. `auth.sign-in-failed`). */
    type: z.enum(AUDIT_EVENT_TYPES).optional(),
    /** Only what this person did or what concerns them (their account, keys, sessions). */
    person: Id.optional(),
    /** `asc` (default): oldest first, pages follow `afterSeq`; `desc`: newest first, pages follow `beforeSeq`. */
    order: z.enum(['asc', 'desc']).default('asc'),
    afterSeq: z.coerce.number().int().min(0).optional(),
    beforeSeq: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

/**
 * Pushed to the admins responsible for a person (their state's national admins for a focal point,
 * the secretariat for an admin) when the person registers, changes keys, or their status changes:
 * the verification queue and the people list follow.
 */
export const PersonUpdatedEvent = z.object({ id: Id, status: UserStatus }).strict();
export type PersonUpdatedEvent = z.infer<typeof PersonUpdatedEvent>;
