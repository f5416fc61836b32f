import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** One liveness schedule per key ("network" or a state code): replacing it is one document's write. */
const LivenessScheduleSchema = new Schema(
  {
    _id: { type: String, required: true },
    state: { type: String, default: null },
    everyMonths: { type: Number, required: true },
    answerHours: { type: Number, required: true },
    firstRunAt: { type: Date, required: true },
    setBy: { type: Schema.Types.ObjectId, required: true },
    setAt: { type: Date, required: true },
    proposalId: { type: Schema.Types.ObjectId, default: null },
  },
  { versionKey: false },
);

export interface LivenessScheduleDoc {
  _id: string;
  state: string | null;
  everyMonths: number;
  answerHours: number;
  firstRunAt: Date;
  setBy: Types.ObjectId;
  setAt: Date;
  proposalId: Types.ObjectId | null;
}
export type LivenessScheduleModel = Model<LivenessScheduleDoc>;
export const livenessScheduleModel = (connection: Connection): LivenessScheduleModel =>
  connection.model<LivenessScheduleDoc>('LivenessSchedule', LivenessScheduleSchema, 'liveness_schedules');
