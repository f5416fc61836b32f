import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * Hashes of perfect subtrees of the audit log (2^8 and 2^16 leaves), kept once a proof needed
 * them: `_id` is "<height>:<first leaf index>". Derived data: recomputable from the entries.
 */
const AuditLogNodeSchema = new Schema(
  {
    _id: { type: String, required: true },
    hash: { type: String, required: true },
  },
  { versionKey: false },
);

export type AuditLogNodeDoc = InferSchemaType<typeof AuditLogNodeSchema>;
export type AuditLogNodeModel = Model<AuditLogNodeDoc>;
export const auditLogNodeModel = (connection: Connection): AuditLogNodeModel =>
  connection.model<AuditLogNodeDoc>('AuditLogNode', AuditLogNodeSchema, 'audit_log_nodes');
