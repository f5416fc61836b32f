import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type {
  CentreContact,
  Period,
  TrainingFormat,
  TrainingKind,
  TrainingStatus,
} from '../../../shared/schemas/training.js';

/** A Centre of Excellence: public to everyone signed in, so nothing in it is sealed. */
const CentreSchema = new Schema(
  {
    name: { type: Schema.Types.Mixed, required: true },
    state: { type: String, required: true },
    domains: { type: [String], required: true },
    subjects: { type: [String], required: true },
    /** Lower-cased subjects, for matching without regard to case. */
    subjectKeys: { type: [String], required: true },
    languages: { type: [String], required: true },
    contact: { type: Schema.Types.Mixed, required: true },
    formats: { type: [String], required: true },
    hostsForeignParticipants: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    lastConfirmedAt: { type: Date, required: true },
  },
  { versionKey: false, minimize: false },
);
CentreSchema.index({ state: 1 });

export interface CentreDoc {
  _id: Types.ObjectId;
  name: { en: string; ru?: string };
  state: string;
  domains: string[];
  subjects: string[];
  subjectKeys: string[];
  languages: string[];
  contact: CentreContact;
  formats: TrainingFormat[];
  hostsForeignParticipants: boolean;
  createdAt: Date;
  updatedAt: Date;
  lastConfirmedAt: Date;
}
export type CentreModel = Model<CentreDoc>;
export const centreModel = (connection: Connection): CentreModel =>
  connection.model<CentreDoc>('TrainingCentre', CentreSchema, 'training_centres');

/**
 * A training request between two states: an administrative exchange, stored in clear (see
 * docs/security.md), read only by the two states' admins and the secretariat.
 */
const TrainingRequestSchema = new Schema(
  {
    requestingState: { type: String, required: true },
    hostState: { type: String, required: true },
    centreId: { type: Schema.Types.ObjectId, default: null },
    domain: { type: String, required: true },
    subject: { type: String, required: true },
    kind: { type: String, required: true },
    period: { type: Schema.Types.Mixed, required: true },
    languages: { type: [String], required: true },
    participants: { type: Number, required: true },
    notes: { type: String, default: null },
    status: { type: String, required: true },
    requestedBy: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
    answeredBy: { type: Schema.Types.ObjectId, default: null },
    answeredAt: { type: Date, default: null },
    proposedPeriod: { type: Schema.Types.Mixed, default: null },
    format: { type: String, default: null },
    declineReason: { type: String, default: null },
    eventId: { type: Schema.Types.ObjectId, default: null },
    plannedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
TrainingRequestSchema.index({ requestingState: 1, createdAt: -1 });
TrainingRequestSchema.index({ hostState: 1, createdAt: -1 });

export interface TrainingRequestDoc {
  _id: Types.ObjectId;
  requestingState: string;
  hostState: string;
  centreId: Types.ObjectId | null;
  domain: string;
  subject: string;
  kind: TrainingKind;
  period: Period;
  languages: string[];
  participants: number;
  notes: string | null;
  status: TrainingStatus;
  requestedBy: Types.ObjectId;
  createdAt: Date;
  answeredBy: Types.ObjectId | null;
  answeredAt: Date | null;
  proposedPeriod: Period | null;
  format: TrainingFormat | null;
  declineReason: string | null;
  eventId: Types.ObjectId | null;
  plannedAt: Date | null;
}
export type TrainingRequestModel = Model<TrainingRequestDoc>;
export const trainingRequestModel = (connection: Connection): TrainingRequestModel =>
  connection.model<TrainingRequestDoc>('TrainingRequest', TrainingRequestSchema, 'training_requests');
