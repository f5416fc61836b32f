import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * Append-only, hash-chained. The sequence number is the _id: unique, so two nodes appending at
 * once cannot fork the chain, and reading entry n is a primary-key lookup (FerretDB on SQLite
 * uses no secondary index for sorts, so "find the head" by sorting costs a full scan).
 */
const AuditEntrySchema = new Schema(
  {
    _id: { type: Number, required: true },
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    type: { type: String, required: true },
    actorId: { type: String, default: null },
    state: { type: String, default: null },
    subjectId: { type: String, default: null },
    data: { type: Schema.Types.Mixed, default: {} },
    prevHash: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false, minimize: false },
);
AuditEntrySchema.index({ state: 1, seq: 1 });

export type AuditEntryDoc = InferSchemaType<typeof AuditEntrySchema>;
export type AuditEntryModel = Model<AuditEntryDoc>;
export const auditEntryModel = (connection: Connection): AuditEntryModel =>
  connection.model<AuditEntryDoc>('AuditEntry', AuditEntrySchema, 'audit_entries');
