import { Types } from 'mongoose';
import type { UserStatus, Role } from '../../../shared/schemas/accounts.js';
import type { KeyStretching } from '../../../shared/crypto/opaque-format.js';
import type { UserModel } from '../models/user.model.js';
import type { ClaimsRepository } from './claims.repository.js';
import {
  UsernameTakenError,
  type NewUser,
  type OpaqueCredential,
  type PublicKeys,
  type User,
  type UserPatch,
  type UserSecrets,
  type UserStore,
} from '../../modules/accounts/ports/users.js';
import { isDuplicateKey } from '../database-errors.js';

const SECRET_FIELDS = '+passwordHash +opaqueRecord +opaqueStretching +totpSecret +totpPendingSecret +totpLastStep';

interface SecretsLean {
  passwordHash?: string | null;
  opaqueRecord?: string | null;
  opaqueStretching?: unknown;
  totpSecret?: string | null;
  totpPendingSecret?: string | null;
  totpLastStep?: number | null;
}

function toSecrets(doc: SecretsLean): UserSecrets {
  const opaque = doc.opaqueRecord
    ? { record: doc.opaqueRecord, stretching: doc.opaqueStretching as KeyStretching }
    : null;
  return {
    passwordHash: doc.passwordHash ?? null,
    opaque,
    totpSecret: doc.totpSecret ?? null,
    totpPendingSecret: doc.totpPendingSecret ?? null,
    totpLastStep: doc.totpLastStep ?? 0,
  };
}

// A new OPAQUE record retires any password hash left from before OPAQUE.
const opaqueFields = (opaque: OpaqueCredential): Record<string, unknown> => ({
  opaqueRecord: opaque.record,
  opaqueStretching: opaque.stretching,
  passwordHash: null,
});

const validId = (id: string): boolean => Types.ObjectId.isValid(id) && /^[0-9a-f]{24}$/.test(id);

export class UsersRepository implements UserStore {
  private readonly changeListeners: Array<(userId: string) => void> = [];

  constructor(
    private readonly model: UserModel,
    private readonly claims: ClaimsRepository,
  ) {}

  /** Told after every write to a user (also a failed one, which may have landed): caches forget it. */
  onChange(listener: (userId: string) => void): void {
    this.changeListeners.push(listener);
  }

  /** Something the account's checks depend on changed elsewhere (a session ended): caches forget it. */
  changed(id: string): void {
    for (const listener of this.changeListeners) listener(id);
  }

  async create(input: NewUser): Promise<User> {
    const { now, invitedBy, keys, opaque, ...rest } = input;
    try {
      const doc = await this.model.create({
        ...rest,
        opaqueRecord: opaque.record,
        opaqueStretching: opaque.stretching,
        keys: {
          ...keys,
          verifiedAt: keys.verifiedAt ?? null,
          verifiedBy: keys.verifiedBy ? new Types.ObjectId(keys.verifiedBy) : null,
        },
        invitedBy: invitedBy ? new Types.ObjectId(invitedBy) : null,
        createdAt: now,
        updatedAt: now,
      });
      return toUser(doc.toObject());
    } catch (error) {
      // The username is the only unique field besides _id.
      if (isDuplicateKey(error)) throw new UsernameTakenError(input.username);
      throw error;
    }
  }

  async findById(id: string): Promise<User | undefined> {
    if (!validId(id)) return undefined;
    const doc = await this.model.findById(id).lean();
    return doc ? toUser(doc) : undefined;
  }

  async findByUsername(username: string): Promise<User | undefined> {
    const doc = await this.model.findOne({ username }).lean();
    return doc ? toUser(doc) : undefined;
  }

  async secrets(id: string): Promise<UserSecrets | undefined> {
    const doc = await this.model.findById(id).select(SECRET_FIELDS).lean();
    return doc ? toSecrets(doc) : undefined;
  }

  /** A sign-in's one read: the account and its secrets by username (one query whether or not it exists). */
  async withSecretsByUsername(username: string): Promise<{ user: User; secrets: UserSecrets } | undefined> {
    const doc = await this.model.findOne({ username }).select(SECRET_FIELDS).lean();
    return doc ? { user: toUser(doc), secrets: toSecrets(doc) } : undefined;
  }

  async wrappedKeys(id: string): Promise<unknown> {
    const doc = await this.model.findById(id).select('+wrappedKeys').lean();
    return doc?.wrappedKeys ?? null;
  }

  /** Replaces any earlier reset of this person: only the latest link works. */
  async setPasswordReset(id: string, tokenHash: string, expiresAt: Date, now: Date): Promise<void> {
    await this.model.updateOne(
      { _id: id },
      { $set: { resetTokenHash: tokenHash, resetExpiresAt: expiresAt, updatedAt: now } },
    );
  }

  async findByResetToken(tokenHash: string): Promise<{ user: User; expiresAt: Date } | undefined> {
    const doc = await this.model
      .findOne({ resetTokenHash: tokenHash })
      .select('+resetTokenHash +resetExpiresAt')
      .lean();
    return doc?.resetExpiresAt ? { user: toUser(doc), expiresAt: doc.resetExpiresAt } : undefined;
  }

  /**
   * Finishes a reset: new password and wrapping, the token spent, every access token ended — in
   * one write that only the first caller with this token makes (false for any later one).
   */
  async completePasswordReset(
    id: string,
    tokenHash: string,
    patch: { opaque: OpaqueCredential; wrappedKeys: unknown },
    now: Date,
  ): Promise<boolean> {
    try {
      const result = await this.model.updateOne(
        { _id: id, resetTokenHash: tokenHash },
        // Finishing a reset took the recovery key: it is confirmed as held.
        {
          $set: {
            ...opaqueFields(patch.opaque),
            wrappedKeys: patch.wrappedKeys,
            recoveryConfirmedAt: now,
            resetTokenHash: null,
            resetExpiresAt: null,
            updatedAt: now,
          },
          $inc: { tokenVersion: 1 },
        },
      );
      return result.modifiedCount === 1;
    } finally {
      for (const listener of this.changeListeners) listener(id);
    }
  }

  async list(filter: { state?: string; role?: Role; status?: UserStatus; roles?: Role[] }): Promise<User[]> {
    const query: Record<string, unknown> = {};
    if (filter.state) query.state = filter.state;
    if (filter.status) query.status = filter.status;
    if (filter.role) query.role = filter.role;
    else if (filter.roles) query.role = { $in: filter.roles };
    const docs = await this.model.find(query).sort({ createdAt: 1 }).limit(1000).lean();
    return docs.map(toUser);
  }

  async search(
    filter: { state?: string; role?: Role; status?: UserStatus; text?: string },
    page: { skip: number; limit: number },
  ): Promise<{ users: User[]; total: number }> {
    const query: Record<string, unknown> = { status: filter.status ?? { $ne: 'removed' } };
    if (filter.status === 'removed') return { users: [], total: 0 };
    if (filter.state) query.state = filter.state;
    if (filter.role) query.role = filter.role;
    if (filter.text) {
      // The text is matched literally: regex metacharacters a person types mean themselves.
      const literal = new RegExp(filter.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
      query.$or = [{ displayName: literal }, { username: literal }];
    }
    const [docs, total] = await Promise.all([
      this.model.find(query).sort({ displayName: 1, _id: 1 }).skip(page.skip).limit(page.limit).lean(),
      this.model.countDocuments(query),
    ]);
    return { users: docs.map(toUser), total };
  }

  /** Every active focal point: the directory index is built from these (no page limit). */
  async activeFocalPoints(): Promise<User[]> {
    const docs = await this.model.find({ role: 'focal-point', status: 'active' }).lean();
    return docs.map(toUser);
  }

  async countByRole(role: Role, statuses: UserStatus[]): Promise<number> {
    return this.model.countDocuments({ role, status: { $in: statuses } });
  }

  /** Updates and, when asked, invalidates every token issued so far (tokenVersion + 1). */
  async update(
    id: string,
    patch: UserPatch,
    options: { revokeTokens?: boolean; now: Date },
  ): Promise<User | undefined> {
    const { retiredKeys, opaque, ...fields } = patch;
    const set: Record<string, unknown> = { ...fields, ...(opaque ? opaqueFields(opaque) : {}), updatedAt: options.now };
    if (patch.keys?.verifiedBy) set.keys = { ...patch.keys, verifiedBy: new Types.ObjectId(patch.keys.verifiedBy) };
    const push = retiredKeys
      ? {
          $push: {
            keyHistory: {
              ...retiredKeys,
              verifiedBy: retiredKeys.verifiedBy ? new Types.ObjectId(retiredKeys.verifiedBy) : null,
            },
          },
        }
      : {};
    // updateOne + read, not findOneAndUpdate: FerretDB 1.24 cannot project in findAndModify,
    // and the secret fields' select:false makes mongoose send a projection.
    let result;
    try {
      result = await this.model.updateOne(
        { _id: id },
        { $set: set, ...push, ...(options.revokeTokens ? { $inc: { tokenVersion: 1 } } : {}) },
      );
    } finally {
      for (const listener of this.changeListeners) listener(id);
    }
    return result.matchedCount === 1 ? this.findById(id) : undefined;
  }

  /**
   * Accepts a TOTP time step once: it must be newer than the last one used, and a unique claim
   * settles two sign-ins racing with the same code.
   */
  async claimTotpStep(id: string, step: number, now: Date): Promise<boolean> {
    const secrets = await this.secrets(id);
    if (!secrets || step <= secrets.totpLastStep) return false;
    if (!(await this.claims.claim(`totp:${id}:${step}`, now, new Date(now.getTime() + 10 * 60_000)))) return false;
    await this.model.updateOne({ _id: id }, { $max: { totpLastStep: step } });
    return true;
  }
}

interface KeysLean {
  identityKey: string;
  encryptionKey: string;
  encryptionKeySig: string;
  keyVersion: number;
  createdAt: Date;
  verifiedAt?: Date | null;
  verifiedBy?: Types.ObjectId | null;
}

const toPublicKeys = (keys: KeysLean): PublicKeys => ({
  identityKey: keys.identityKey,
  encryptionKey: keys.encryptionKey,
  encryptionKeySig: keys.encryptionKeySig,
  keyVersion: keys.keyVersion,
  createdAt: keys.createdAt,
  verifiedAt: keys.verifiedAt ?? null,
  verifiedBy: keys.verifiedBy ? keys.verifiedBy.toHexString() : null,
});

interface UserLean {
  _id: Types.ObjectId;
  username: string;
  displayName: string;
  role: string;
  state?: string | null;
  domains?: string[];
  status: string;
  totpEnabled?: boolean;
  requireTotp?: boolean;
  keys?: KeysLean | null;
  keyHistory?: Array<KeysLean & { replacedAt: Date }> | null;
  tokenVersion?: number;
  invitedBy?: Types.ObjectId | null;
  createdAt: Date;
  recoveryConfirmedAt?: Date | null;
}

/** The one place a stored user becomes a domain object. */
function toUser(doc: UserLean): User {
  return {
    id: doc._id.toHexString(),
    username: doc.username,
    displayName: doc.displayName,
    role: doc.role as Role,
    state: doc.state ?? null,
    domains: doc.domains ?? [],
    status: doc.status as UserStatus,
    totpEnabled: doc.totpEnabled ?? false,
    requireTotp: doc.requireTotp ?? false,
    keys: doc.keys ? toPublicKeys(doc.keys) : null,
    keyHistory: (doc.keyHistory ?? []).map((old) => ({ ...toPublicKeys(old), replacedAt: old.replacedAt })),
    tokenVersion: doc.tokenVersion ?? 0,
    invitedBy: doc.invitedBy ? doc.invitedBy.toHexString() : null,
    createdAt: doc.createdAt,
    recoveryConfirmedAt: doc.recoveryConfirmedAt ?? null,
  };
}
