import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * National admins' co-signatures of the log's heads (witnesses): one per admin and head size,
 * `_id` "<userId>:<size>", so co-signing the same head twice stores it once.
 */
const AuditLogWitnessSchema = new Schema(
  {
    _id: { type: String, required: true },
    state: { type: String, required: true },
    userId: { type: String, required: true },
    size: { type: Number, required: true },
    root: { type: String, required: true },
    at: { type: String, required: true },
    signature: { type: String, required: true },
    signedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
AuditLogWitnessSchema.index({ userId: 1, size: -1 });
AuditLogWitnessSchema.index({ state: 1, size: -1 });

export type AuditLogWitnessDoc = InferSchemaType<typeof AuditLogWitnessSchema>;
export type AuditLogWitnessModel = Model<AuditLogWitnessDoc>;
export const auditLogWitnessModel = (connection: Connection): AuditLogWitnessModel =>
  connection.model<AuditLogWitnessDoc>('AuditLogWitness', AuditLogWitnessSchema, 'audit_log_witnesses');
