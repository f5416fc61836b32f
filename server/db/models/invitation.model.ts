import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

const InvitationSchema = new Schema(
  {
    /** SHA-256 of the token, hex: the token itself is shown once and never stored. */
    tokenHash: { type: String, required: true, unique: true, select: false },
    role: { type: String, required: true, enum: ['network-admin', 'national-admin', 'focal-point'] },
    state: { type: String, default: null },
    domains: { type: [String], default: [] },
    displayName: { type: String, required: true },
    note: { type: String, default: null },
    status: { type: String, required: true, enum: ['open', 'used', 'revoked'] },
    createdBy: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    usedBy: { type: Schema.Types.ObjectId, default: null },
    usedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
InvitationSchema.index({ state: 1, createdAt: -1 });

export type InvitationDoc = InferSchemaType<typeof InvitationSchema>;
export type InvitationModel = Model<InvitationDoc>;
export const invitationModel = (connection: Connection): InvitationModel =>
  connection.model<InvitationDoc>('Invitation', InvitationSchema, 'invitations');
