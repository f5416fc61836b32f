import { Schema, type Connection, type Model, type Types } from 'mongoose';

/**
 * One request case (metadata only): a request envelope to one focal point. Its _id is the
 * request message's id. `status`, `seq` and the timestamps are a projection of the case's
 * transitions (request_transitions), which are the source of truth.
 */
const RequestCaseSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    /** `KZ→RU-2026-0042`; the unique index is what makes each number one case's. */
    reference: { type: String, required: true, unique: true },
    kind: { type: String, required: true },
    domain: { type: String, required: true },
    category: { type: String, required: true },
    classification: { type: String, required: true },
    urgency: { type: String, required: true },
    threadId: { type: String, default: null },
    requesterId: { type: Schema.Types.ObjectId, required: true, index: true },
    requesterState: { type: String, required: true },
    requestedId: { type: Schema.Types.ObjectId, required: true, index: true },
    requestedState: { type: String, required: true },
    deputyIds: { type: [Schema.Types.ObjectId], default: [], index: true },
    status: { type: String, required: true },
    seq: { type: Number, required: true },
    /** The requested side still owes an answer (the sweeper's working set). */
    awaiting: { type: Boolean, required: true },
    submittedAt: { type: Date, required: true },
    deadline: { type: Date, required: true },
    acknowledgedAt: { type: Date, default: null },
    respondedAt: { type: Date, default: null },
    answered: { type: Boolean, default: false },
    overdue: { type: Boolean, default: false },
    overdueAt: { type: Date, default: null },
    remindersSent: { type: Number, default: 0 },
    originalCaseId: { type: Schema.Types.ObjectId, default: null, index: true },
    consent: { type: String, default: null },
  },
  { versionKey: false, minimize: false },
);
RequestCaseSchema.index({ requestedState: 1, overdue: 1 });
RequestCaseSchema.index({ awaiting: 1, deadline: 1 });

/** One lifecycle step; _id `<caseId>:<no>` is unique, so exactly one envelope takes each step. */
const RequestTransitionSchema = new Schema(
  {
    _id: { type: String, required: true },
    caseId: { type: Schema.Types.ObjectId, required: true, index: true },
    no: { type: Number, required: true },
    action: { type: String, required: true },
    side: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    at: { type: Date, required: true },
    messageId: { type: Schema.Types.ObjectId, required: true },
    actorId: { type: Schema.Types.ObjectId, required: true },
    reasonCode: { type: String, default: null },
    lateReason: { type: String, default: null },
    consent: { type: String, default: null },
    handling: { type: String, required: true },
    evaluation: { type: String, default: null },
  },
  { versionKey: false, minimize: false },
);

export interface RequestCaseDoc {
  _id: Types.ObjectId;
  reference: string;
  kind: string;
  domain: string;
  category: string;
  classification: string;
  urgency: string;
  threadId: string | null;
  requesterId: Types.ObjectId;
  requesterState: string;
  requestedId: Types.ObjectId;
  requestedState: string;
  deputyIds?: Types.ObjectId[];
  status: string;
  seq: number;
  awaiting: boolean;
  submittedAt: Date;
  deadline: Date;
  acknowledgedAt: Date | null;
  respondedAt: Date | null;
  answered: boolean;
  overdue: boolean;
  overdueAt: Date | null;
  remindersSent: number;
  originalCaseId: Types.ObjectId | null;
  consent: string | null;
}

export interface RequestTransitionDoc {
  _id: string;
  caseId: Types.ObjectId;
  no: number;
  action: string;
  side: string;
  from: string;
  to: string;
  at: Date;
  messageId: Types.ObjectId;
  actorId: Types.ObjectId;
  reasonCode: string | null;
  lateReason: string | null;
  consent: string | null;
  handling: string;
  evaluation: string | null;
}

/** One sequence of case references: _id `<from>→<to>:<year>`, `n` the last number handed out. */
const RequestReferenceCounterSchema = new Schema(
  { _id: { type: String, required: true }, n: { type: Number, required: true } },
  { versionKey: false },
);
export interface RequestReferenceCounterDoc {
  _id: string;
  n: number;
}

export type RequestCaseModel = Model<RequestCaseDoc>;
export type RequestTransitionModel = Model<RequestTransitionDoc>;
export const requestCaseModel = (c: Connection): RequestCaseModel =>
  c.model<RequestCaseDoc>('RequestCase', RequestCaseSchema, 'request_cases');
export const requestTransitionModel = (c: Connection): RequestTransitionModel =>
  c.model<RequestTransitionDoc>('RequestTransition', RequestTransitionSchema, 'request_transitions');
export type RequestReferenceCounterModel = Model<RequestReferenceCounterDoc>;
export const requestReferenceCounterModel = (c: Connection): RequestReferenceCounterModel =>
  c.model<RequestReferenceCounterDoc>(
    'RequestReferenceCounter',
    RequestReferenceCounterSchema,
    'request_reference_counters',
  );
