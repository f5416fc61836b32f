import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * The audit log, one document per group commit (a segment): its entries, the tree's right edge
 * after them, the root and the server's signature over the head. The segment number is the _id:
 * numbers are dense, so two nodes appending at once collide on one number and exactly one wins,
 * and reading segment n is a primary-key lookup (FerretDB on SQLite sorts and ranges by scanning).
 */
const AuditLogEntrySchema = new Schema(
  {
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    type: { type: String, required: true },
    actorId: { type: String, default: null },
    state: { type: String, default: null },
    alsoStates: { type: [String], default: undefined },
    subjectId: { type: String, default: null },
    data: { type: Schema.Types.Mixed, default: {} },
  },
  { _id: false, versionKey: false, minimize: false },
);

const AuditLogSegmentSchema = new Schema(
  {
    _id: { type: Number, required: true },
    firstSeq: { type: Number, required: true },
    size: { type: Number, required: true },
    entries: { type: [AuditLogEntrySchema], required: true },
    frontier: { type: [String], required: true },
    root: { type: String, required: true },
    at: { type: Date, required: true },
    signature: { type: String, required: true },
    // Which request appended which entry (seq → X-Request-Id or socket event id): beside the entries, not signed.
    requests: { type: [{ _id: false, seq: Number, requestId: String }], default: undefined },
  },
  { versionKey: false, minimize: false },
);
// MongoDB answers a state's or a type's sparse trail from these; FerretDB reads by key instead.
AuditLogSegmentSchema.index({ 'entries.state': 1, _id: 1 });
AuditLogSegmentSchema.index({ 'entries.alsoStates': 1, _id: 1 });
// `audit:find --request-id`: from a log line's request id to its entries (sparse: older segments have none).
AuditLogSegmentSchema.index({ 'requests.requestId': 1 }, { sparse: true });

export type AuditLogSegmentDoc = InferSchemaType<typeof AuditLogSegmentSchema>;
export type AuditLogModel = Model<AuditLogSegmentDoc>;
export const auditLogModel = (connection: Connection): AuditLogModel =>
  connection.model<AuditLogSegmentDoc>('AuditLogSegment', AuditLogSegmentSchema, 'audit_log');
