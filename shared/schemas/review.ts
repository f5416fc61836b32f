import { z } from 'zod';
import { DomainCode, StateCode } from './labels.js';

/**
 * The annual implementation review (action plan: "reviewed every year by the Special Working
 * Group and Senior Officials Committee"), built from the audit trail: metadata counts only.
 */
export const ReviewQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    /** Network admins: one state, or the whole network when omitted. National admins: their own. */
    state: StateCode.optional(),
  })
  .strict();
export type ReviewQuery = z.infer<typeof ReviewQuery>;

const count = z.number().int().nonnegative();

/** Policy decisions on exchanges from one state to another in one domain, by effect. */
export const ExchangeRow = z.object({
  fromState: StateCode,
  toState: StateCode,
  domain: DomainCode,
  allowed: count,
  withConditions: count,
  held: count,
  denied: count,
});
export type ExchangeRow = z.infer<typeof ExchangeRow>;

/** Envelopes stored (relayed) by a sending state in one domain. */
export const TrafficRow = z.object({ state: StateCode, domain: DomainCode, messages: count, requestSteps: count });
export type TrafficRow = z.infer<typeof TrafficRow>;

/** Requests between two states in one domain: made, answered (fully or partly), declined, overdue. */
export const RequestRow = z.object({
  requesterState: StateCode,
  requestedState: StateCode,
  domain: DomainCode,
  submitted: count,
  answered: count,
  declined: count,
  overdue: count,
});
export type RequestRow = z.infer<typeof RequestRow>;

/** A state's network upkeep: accounts activated (after key verification) and suspended, entries confirmed, liveness checks and answers, policy versions. */
export const UpkeepRow = z.object({
  state: StateCode,
  accountsActivated: count,
  suspensions: count,
  keyRotations: count,
  entriesConfirmed: count,
  /** Liveness checks that prompted the state's focal points (network-wide ones count for each state they prompted)… */
  livenessChecks: count,
  /** …of which started by a schedule (the network's or the state's own), not by hand. */
  livenessScheduledChecks: count,
  /** Prompts sent to the state's focal points by those checks. */
  livenessPrompted: count,
  livenessAnswered: count,
  livenessMedianResponseMs: z.number().nonnegative().nullable(),
  policyVersions: count,
});
export type UpkeepRow = z.infer<typeof UpkeepRow>;

/** An organiser: a member state, or the secretariat (null). */
const Organiser = StateCode.nullable();

/** Events held in the year (ended, not cancelled), per domain and host: an event of two domains counts in each. */
export const EventRow = z.object({
  hostState: Organiser,
  domain: DomainCode,
  events: count,
  /** States with at least one participant registered, summed over the events. */
  participatingStates: count,
  participants: count,
});
export type EventRow = z.infer<typeof EventRow>;

/** A state's attendance at the events held in the year, per domain. */
export const AttendanceRow = z.object({ state: StateCode, domain: DomainCode, events: count, participants: count });
export type AttendanceRow = z.infer<typeof AttendanceRow>;

/** Circulars sent in the year, per sender (a state's admins or the secretariat) and domain ("" for a circular to admins or everyone). */
export const CircularRow = z.object({
  senderState: Organiser,
  domain: z.union([DomainCode, z.literal('')]),
  sent: count,
  recipients: count,
  /** Recipient states, summed over the circulars… */
  statesReached: count,
  /** …of which at least one recipient read it. */
  statesRead: count,
  /** States left out by a disclosure policy, summed over the circulars. */
  statesLeftOut: count,
});
export type CircularRow = z.infer<typeof CircularRow>;

/** Documents for comment: circulated, revised, commented and objected to, and how their procedures ended. */
export const DocumentFigures = z.object({
  circulated: count,
  revisions: count,
  comments: count,
  objections: count,
  adopted: count,
  endedByObjection: count,
});
export type DocumentFigures = z.infer<typeof DocumentFigures>;

/** Library items published in the year per domain ("" for a shelf of admins or everyone) and kind; new versions apart. */
export const LibraryRow = z.object({
  domain: z.union([DomainCode, z.literal('')]),
  kind: z.string(),
  items: count,
  newVersions: count,
});
export type LibraryRow = z.infer<typeof LibraryRow>;

/** Training requests between two states in one domain: made, accepted, declined, turned into an event. */
export const TrainingRow = z.object({
  requesterState: StateCode,
  hostState: StateCode,
  domain: DomainCode,
  requested: count,
  accepted: count,
  declined: count,
  planned: count,
});
export type TrainingRow = z.infer<typeof TrainingRow>;

/**
 * Lost and stolen travel documents per state and month (UTC "YYYY-MM"): entries listed and
 * withdrawn, documents screened and hits. Counts only: the server never knows which documents.
 */
export const TravelDocumentRow = z.object({
  state: StateCode,
  month: z.string(),
  listed: count,
  withdrawn: count,
  screened: count,
  hits: count,
});
export type TravelDocumentRow = z.infer<typeof TravelDocumentRow>;

/** The action plan's activities beside the exchanges: events, circulars, documents, library, training. */
export const ActivityFigures = z.object({
  events: z.array(EventRow),
  attendance: z.array(AttendanceRow),
  circulars: z.array(CircularRow),
  documents: DocumentFigures,
  library: z.array(LibraryRow),
  training: z.array(TrainingRow),
  travelDocuments: z.array(TravelDocumentRow),
});
export type ActivityFigures = z.infer<typeof ActivityFigures>;

export const ImplementationReview = z.object({
  year: z.number().int(),
  state: StateCode.nullable(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  exchanges: z.array(ExchangeRow),
  traffic: z.array(TrafficRow),
  requests: z.array(RequestRow),
  upkeep: z.array(UpkeepRow),
  /** Network decisions ended in the year (the same for every state: they bind the whole network). */
  decisions: z.object({ proposed: count, adopted: count, rejected: count, withdrawn: count }),
  activities: ActivityFigures,
  /**
   * The audit trail the review was computed from, checked entry by entry: `verified` false names
   * the first entry that does not hold, and the figures cannot be trusted beyond it.
   */
  trail: z.object({
    verified: z.boolean(),
    entriesChecked: count,
    headSeq: count,
    headHash: z.string(),
    firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
  }),
  generatedAt: z.iso.datetime(),
});
export type ImplementationReview = z.infer<typeof ImplementationReview>;
