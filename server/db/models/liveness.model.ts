import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

const LivenessCheckSchema = new Schema(
  {
    startedBy: { type: Schema.Types.ObjectId, required: true },
    scopeState: { type: String, default: null },
    scopeDomain: { type: String, default: null },
    startedAt: { type: Date, required: true },
    deadline: { type: Date, required: true },
    /** "network" or a state code when a schedule started it; with the period it ran for. */
    scheduleKey: { type: String, default: null },
    periodStart: { type: Date, default: null },
    remindAt: { type: Date, default: null },
  },
  { versionKey: false },
);
LivenessCheckSchema.index({ startedAt: -1 });
LivenessCheckSchema.index({ scheduleKey: 1, periodStart: -1 });
LivenessCheckSchema.index({ remindAt: 1 });

/** One prompted focal point of one check; its own document, so answers are single-document updates. */
const LivenessTargetSchema = new Schema(
  {
    checkId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    state: { type: String, required: true },
    nonce: { type: String, required: true },
    promptedAt: { type: Date, required: true },
    deadline: { type: Date, required: true },
    answeredAt: { type: Date, default: null },
  },
  { versionKey: false },
);
LivenessTargetSchema.index({ checkId: 1, userId: 1 }, { unique: true });
LivenessTargetSchema.index({ userId: 1, answeredAt: 1 });

export type LivenessCheckDoc = InferSchemaType<typeof LivenessCheckSchema>;
export type LivenessTargetDoc = InferSchemaType<typeof LivenessTargetSchema>;
export type LivenessCheckModel = Model<LivenessCheckDoc>;
export type LivenessTargetModel = Model<LivenessTargetDoc>;
export const livenessCheckModel = (c: Connection): LivenessCheckModel =>
  c.model<LivenessCheckDoc>('LivenessCheck', LivenessCheckSchema, 'liveness_checks');
export const livenessTargetModel = (c: Connection): LivenessTargetModel =>
  c.model<LivenessTargetDoc>('LivenessTarget', LivenessTargetSchema, 'liveness_targets');
