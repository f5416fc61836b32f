import { z } from 'zod';
import { ConsentOutcome, DeclineReason, LateReason, RequestAction, Urgency } from '../requests/header-fields.js';
import { REQUEST_STATUSES } from '../requests/lifecycle.js';
import { REQUEST_KINDS } from '../requests/templates.js';
import { Id } from './accounts.js';
import { BilingualText, ENTRY_KINDS } from './directory.js';
import { CategoryCode, Classification, DomainCode, EvaluationCode, HandlingCode, StateCode } from './labels.js';

/** API shapes of information-exchange requests: metadata only, never content. */

export const RequestStatus = z.enum(REQUEST_STATUSES);
export const RequestKind = z.enum(REQUEST_KINDS);

/**
 * One side of a case: the focal point and, while they are in the directory, who they are (name,
 * authority, person or duty desk: fields no state withholds), so the other side can call back.
 */
export const RequestParty = z.object({
  userId: Id,
  state: StateCode,
  name: BilingualText.optional(),
  authority: BilingualText.optional(),
  kind: z.enum(ENTRY_KINDS).optional(),
});
export type RequestParty = z.infer<typeof RequestParty>;

/** One step of a case: the signed envelope that made it is the message `messageId`. */
export const RequestTransitionView = z.object({
  no: z.number().int().positive(),
  action: RequestAction,
  side: z.enum(['requester', 'requested']),
  /** Who took the step when it was a deputy acting for the requested focal point. */
  byDeputy: Id.optional(),
  from: RequestStatus,
  to: RequestStatus,
  at: z.iso.datetime(),
  messageId: Id,
  reasonCode: DeclineReason.optional(),
  lateReason: LateReason.optional(),
  consent: ConsentOutcome.optional(),
  handling: HandlingCode,
  evaluation: EvaluationCode.optional(),
});
export type RequestTransitionView = z.infer<typeof RequestTransitionView>;

/**
 * One request case: one requester, one requested focal point. Its id is the server id of the
 * request message (the envelope to decrypt for the fields); a request to N states is N cases
 * sharing a threadId.
 */
export const RequestCaseView = z.object({
  id: Id,
  /** The human reference officers quote: `KZ→RU-2026-0042` (requesting → requested state, year, number). */
  reference: z.string().min(1).max(40),
  kind: RequestKind,
  domain: DomainCode,
  category: CategoryCode,
  classification: Classification,
  urgency: Urgency,
  threadId: z.string().optional(),
  requester: RequestParty,
  requested: RequestParty,
  /** Deputies the request was also sealed to (the requested focal point was away): they may act for the requested side. */
  deputies: z.array(RequestParty).optional(),
  status: RequestStatus,
  submittedAt: z.iso.datetime(),
  deadline: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().optional(),
  /** First answer (full or partial) or decline. */
  respondedAt: z.iso.datetime().optional(),
  /** Past the deadline without an answer, flagged by the server (stays true as history). */
  overdue: z.boolean(),
  overdueAt: z.iso.datetime().optional(),
  /** The case id whose answer a consent request concerns. */
  originalCaseId: Id.optional(),
  /** Consent requests: the providing state's decision once answered. */
  consent: ConsentOutcome.optional(),
  /** Number of transitions so far. */
  transitions: z.number().int().nonnegative(),
});
export type RequestCaseView = z.infer<typeof RequestCaseView>;

export const RequestCaseDetail = RequestCaseView.extend({ history: z.array(RequestTransitionView) });
export type RequestCaseDetail = z.infer<typeof RequestCaseDetail>;

export const RequestParams = z.object({ id: Id }).strict();

export const ListRequestsQuery = z
  .object({
    box: z.enum(['inbox', 'outbox']).default('inbox'),
    status: RequestStatus.optional(),
    overdue: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    domain: DomainCode.optional(),
    /** Consent requests about one original case. */
    originalCaseId: Id.optional(),
    /** A case reference or its beginning (`KZ→RU-2026-0042`, `kz->ru-2026`): exact or prefix match. */
    reference: z.string().trim().min(1).max(40).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(100),
  })
  .strict();
export type ListRequestsQuery = z.input<typeof ListRequestsQuery>;

export const StatisticsQuery = z.object({ state: StateCode.optional(), domain: DomainCode.optional() }).strict();
export type StatisticsQuery = z.input<typeof StatisticsQuery>;

/** Per state and domain, computed from stored metadata only. Times in ms; null when nothing to measure. */
export const RequestStatisticsRow = z.object({
  state: StateCode,
  domain: DomainCode,
  sent: z.number().int().nonnegative(),
  received: z.number().int().nonnegative(),
  /** Over received cases: how fast this state's focal points acknowledged / answered (or declined). */
  medianAcknowledgeMs: z.number().nonnegative().nullable(),
  medianAnswerMs: z.number().nonnegative().nullable(),
  /** Received cases flagged overdue. */
  overdue: z.number().int().nonnegative(),
});
export type RequestStatisticsRow = z.infer<typeof RequestStatisticsRow>;
export const RequestStatistics = z.object({ rows: z.array(RequestStatisticsRow), at: z.iso.datetime() });
export type RequestStatistics = z.infer<typeof RequestStatistics>;

/** Pushed to the requested focal point before the deadline. */
export const RequestReminderEvent = z.object({ case: RequestCaseView, remainingMs: z.number().int().nonnegative() });
export type RequestReminderEvent = z.infer<typeof RequestReminderEvent>;
/** Pushed to the requested focal point and their state's national admins once past the deadline. */
export const RequestOverdueEvent = z.object({ case: RequestCaseView });
export type RequestOverdueEvent = z.infer<typeof RequestOverdueEvent>;

const Localized = z.object({ en: z.string(), ru: z.string() });
/** The request templates (shared/requests/templates.ts), served for clients that do not bundle them. */
export const RequestTemplateView = z.object({
  kind: RequestKind,
  title: Localized,
  domains: z.array(DomainCode),
  inNewDomains: z.boolean(),
  defaultCategory: CategoryCode,
  fields: z.array(
    z.object({
      name: z.string(),
      type: z.enum(['text', 'long-text', 'date', 'state', 'states', 'select']),
      required: z.boolean(),
      label: Localized,
      options: z.array(z.object({ value: z.string(), label: Localized })).optional(),
      maxLength: z.number().int().optional(),
    }),
  ),
});
