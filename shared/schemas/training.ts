import { z } from 'zod';
import { Id } from './accounts.js';
import { LanguageCode } from './directory.js';
import { DomainCode, MAX_DOMAINS, StateCode } from './labels.js';

/** How a centre can train: at the centre, online, or by travelling to the requesting state. */
export const TRAINING_FORMATS = ['on-site', 'online', 'at-requesting-state'] as const;
export const TrainingFormat = z.enum(TRAINING_FORMATS);
export type TrainingFormat = z.infer<typeof TrainingFormat>;

/** What the action plan asks of Centres of Excellence. */
export const TRAINING_KINDS = ['seminar', 'training-of-trainers', 'needs-assessment', 'experts-meeting'] as const;
export const TrainingKind = z.enum(TRAINING_KINDS);
export type TrainingKind = z.infer<typeof TrainingKind>;

/** `sent` → `accepted` | `declined` | `withdrawn`; `accepted` → `planned` once an event exists. */
export const TRAINING_STATUSES = ['sent', 'accepted', 'declined', 'withdrawn', 'planned'] as const;
export const TrainingStatus = z.enum(TRAINING_STATUSES);
export type TrainingStatus = z.infer<typeof TrainingStatus>;

/** More than any seminar room holds: a larger number is a typo. */
export const MAX_PARTICIPANTS = 500;
const MAX_SUBJECTS = 30;

const Text = (max: number) => z.string().trim().min(1).max(max);
/** A free tag such as "document forgery": kept as typed, matched without regard to case. */
export const SubjectTag = Text(80);

export const CentreContact = z
  .object({
    address: z.string().trim().max(500).optional(),
    phone: z.string().trim().max(60).optional(),
    email: z.email().max(200).optional(),
    website: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
  })
  .strict();
export type CentreContact = z.infer<typeof CentreContact>;

/** A state's training institution, as its national admins describe it. */
export const CentreInput = z
  .object({
    name: z.object({ en: Text(200), ru: Text(200).optional() }).strict(),
    state: StateCode,
    domains: z.array(DomainCode).min(1).max(MAX_DOMAINS),
    subjects: z.array(SubjectTag).min(1).max(MAX_SUBJECTS),
    languages: z.array(LanguageCode).min(1).max(12),
    contact: CentreContact,
    formats: z.array(TrainingFormat).min(1).max(TRAINING_FORMATS.length),
    hostsForeignParticipants: z.boolean(),
  })
  .strict();
export type CentreInput = z.infer<typeof CentreInput>;

export const CentreView = CentreInput.extend({
  id: Id,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Last saved or confirmed as current by the state's admins. */
  lastConfirmedAt: z.iso.datetime(),
  /** Not confirmed within the network's freshness period (as focal point entries). */
  stale: z.boolean(),
});
export type CentreView = z.infer<typeof CentreView>;

export const CentreQuery = z
  .object({
    domain: DomainCode.optional(),
    subject: z.string().trim().max(80).optional(),
    language: LanguageCode.optional(),
    state: StateCode.optional(),
  })
  .strict();
export type CentreQuery = z.infer<typeof CentreQuery>;

export const CentreList = z.object({ centres: z.array(CentreView), freshnessDays: z.number().int() });
export type CentreList = z.infer<typeof CentreList>;

/** A calendar period, both days included (UTC dates). */
export const Period = z.object({ from: z.iso.date(), to: z.iso.date() }).strict();
export type Period = z.infer<typeof Period>;

/** A national admin asks another state to host a training. Administrative, not case content: stored in clear. */
export const TrainingRequestInput = z
  .object({
    hostState: StateCode,
    centreId: Id.optional(),
    domain: DomainCode,
    subject: Text(200),
    kind: TrainingKind,
    period: Period,
    languages: z.array(LanguageCode).min(1).max(12),
    participants: z.number().int().min(1).max(MAX_PARTICIPANTS),
    notes: z.string().trim().max(2000).optional(),
  })
  .strict();
export type TrainingRequestInput = z.infer<typeof TrainingRequestInput>;

export const AcceptTrainingInput = z
  .object({ proposedPeriod: Period.optional(), format: TrainingFormat.optional() })
  .strict();
export type AcceptTrainingInput = z.infer<typeof AcceptTrainingInput>;

export const DeclineTrainingInput = z.object({ reason: Text(1000) }).strict();
export type DeclineTrainingInput = z.infer<typeof DeclineTrainingInput>;

export const PlannedEventInput = z.object({ eventId: Id }).strict();
export type PlannedEventInput = z.infer<typeof PlannedEventInput>;

export const TrainingRequestView = TrainingRequestInput.extend({
  id: Id,
  requestingState: StateCode,
  status: TrainingStatus,
  requestedBy: Id,
  createdAt: z.iso.datetime(),
  answeredBy: Id.nullable(),
  answeredAt: z.iso.datetime().nullable(),
  /** The host's answer: a proposed period or format when accepting, the reason when declining. */
  proposedPeriod: Period.nullable(),
  format: TrainingFormat.nullable(),
  declineReason: z.string().nullable(),
  eventId: Id.nullable(),
  plannedAt: z.iso.datetime().nullable(),
});
export type TrainingRequestView = z.infer<typeof TrainingRequestView>;

export const TrainingBox = z.enum(['incoming', 'outgoing', 'all']);
export type TrainingBox = z.infer<typeof TrainingBox>;
export const TrainingRequestQuery = z.object({ box: TrainingBox.default('all') }).strict();
export const TrainingRequestList = z.object({ requests: z.array(TrainingRequestView) });
export type TrainingRequestList = z.infer<typeof TrainingRequestList>;
