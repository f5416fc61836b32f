import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

const publicKeyFields = {
  identityKey: { type: String, required: true },
  encryptionKey: { type: String, required: true },
  encryptionKeySig: { type: String, required: true },
  keyVersion: { type: Number, required: true },
  createdAt: { type: Date, required: true },
  verifiedAt: { type: Date, default: null },
  verifiedBy: { type: Schema.Types.ObjectId, default: null },
} as const;

const PublicKeysSchema = new Schema(publicKeyFields, { _id: false });

/** A key set the person held before: kept so signatures made while it was current still verify. */
const PreviousKeysSchema = new Schema(
  {
    ...publicKeyFields,
    /** When the next key set replaced it: the end of its validity. */
    replacedAt: { type: Date, required: true },
  },
  { _id: false },
);

const UserSchema = new Schema(
  {
    username: { type: String, required: true, unique: true },
    displayName: { type: String, required: true },
    role: { type: String, required: true, enum: ['network-admin', 'national-admin', 'focal-point'] },
    state: { type: String, default: null },
    domains: { type: [String], default: [] },
    status: { type: String, required: true, enum: ['pending-verification', 'active', 'suspended', 'removed'] },
    // Secrets: never selected unless asked for, so they cannot be serialised by accident.
    /** argon2id of the password: only accounts made before OPAQUE, until their next sign-in upgrades them. */
    passwordHash: { type: String, default: null, select: false },
    /** OPAQUE registration record (RFC 9807): what the server keeps instead of a password hash. */
    opaqueRecord: { type: String, default: null, select: false },
    /** The argon2id cost the client registered the password with (it must use the same at login). */
    opaqueStretching: { type: Schema.Types.Mixed, default: null, select: false },
    totpSecret: { type: String, default: null, select: false },
    totpPendingSecret: { type: String, default: null, select: false },
    totpLastStep: { type: Number, default: 0, select: false },
    totpEnabled: { type: Boolean, default: false },
    requireTotp: { type: Boolean, default: false },
    keys: { type: PublicKeysSchema, default: null },
    /** Earlier key sets, oldest first (public keys only): appended by key rotation, never edited. */
    keyHistory: { type: [PreviousKeysSchema], default: [] },
    /** Private keys wrapped in the client (unreadable by the server): { exportKey, recovery } (before OPAQUE: { passphrase, recovery }). */
    wrappedKeys: { type: Schema.Types.Mixed, default: null, select: false },
    /** When the person last typed back their recovery key (at registration, on a new one, or by using it); null: never. */
    recoveryConfirmedAt: { type: Date, default: null },
    /** An outstanding password reset (issued by the responsible admin): its token's hash and end. */
    resetTokenHash: { type: String, default: null, select: false },
    resetExpiresAt: { type: Date, default: null, select: false },
    /** Bumped on suspension, removal and key rotation: every access token with an older value dies. */
    tokenVersion: { type: Number, default: 0 },
    invitedBy: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
UserSchema.index({ state: 1, role: 1, status: 1 });
UserSchema.index({ resetTokenHash: 1 });

export type UserDoc = InferSchemaType<typeof UserSchema>;
export type UserModel = Model<UserDoc>;
export const userModel = (connection: Connection): UserModel => connection.model<UserDoc>('User', UserSchema, 'users');
