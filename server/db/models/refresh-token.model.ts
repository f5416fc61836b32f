import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/** One refresh token of a session family; rotation marks it used and issues the next. */
const RefreshTokenSchema = new Schema(
  {
    tokenHash: { type: String, required: true, unique: true },
    familyId: { type: String, required: true, index: true },
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    status: { type: String, required: true, enum: ['active', 'used', 'revoked'] },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    /** The session's sign-in, carried through rotation, for the person's list of their sessions. */
    signedInAt: { type: Date, default: null },
    /** The browser or program that signed in (its User-Agent, shortened). */
    device: { type: String, default: null },
  },
  { versionKey: false },
);

export type RefreshTokenDoc = InferSchemaType<typeof RefreshTokenSchema>;
export type RefreshTokenModel = Model<RefreshTokenDoc>;
export const refreshTokenModel = (connection: Connection): RefreshTokenModel =>
  connection.model<RefreshTokenDoc>('RefreshToken', RefreshTokenSchema, 'refresh_tokens');
