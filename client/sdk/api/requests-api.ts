import { z } from 'zod';
import type { JsonValue } from '../../../shared/crypto/canonical-json.js';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import { sealEnvelope, type SealRecipient } from '../../../shared/crypto/envelope-seal.js';
import type {
  DeclineReason,
  LateReason,
  RequestAction,
  Urgency,
  ConsentOutcome,
} from '../../../shared/requests/header-fields.js';
import { allowedActions } from '../../../shared/requests/lifecycle.js';
import { requestFieldsSchema, type RequestKind } from '../../../shared/requests/templates.js';
import type { Labels, StateCode } from '../../../shared/schemas/labels.js';
import { SendMessageResult } from '../../../shared/schemas/messaging.js';
import {
  RequestCaseDetail,
  RequestCaseView,
  RequestStatistics,
  RequestTemplateView,
  type ListRequestsQuery,
  type StatisticsQuery,
} from '../../../shared/schemas/requests.js';
import { ApiError, isApiError } from '../api-error.js';
import type { KeyStore } from '../key-store.js';
import { sendHeldAware, type SealWithApprovers } from '../messaging/send-held-aware.js';
import type { SessionManager } from '../session-manager.js';
import type { DirectoryApi } from './directory-api.js';
import type { ContactKeyring } from '../messaging/contact-keys.js';
import { resolveRecipients } from '../messaging/seal-outgoing.js';
import { deputyCoverage, type AwayNotice } from '../duty/deputy-coverage.js';

export interface SubmitRequestInput {
  kind: RequestKind;
  labels: Labels;
  urgency: Urgency;
  /** ms since the epoch; default: the urgency's (8 h, 7 days, 14 days). */
  deadline?: number;
  /** The template's fields: checked against it here, then encrypted. */
  fields: Record<string, unknown>;
  /**
   * One case per recipient (keys from verified directory bundles); each state's policy decides apart.
   * `msgId` (from newMsgId) makes a repeat after a lost answer return the same case; default: fresh.
   */
  recipients: readonly (SealRecipient & { msgId?: string })[];
  /** Shared by the per-recipient envelopes; default: a fresh one when there are several. */
  threadId?: string;
  /** Consent requests: the case whose answer they concern. */
  requestRef?: string;
  /** Also seal each request to the deputy of a recipient who is away (default true). */
  alsoToDeputies?: boolean;
}

/** Told with each outcome: the recipient was away; whose deputy also received it, or why not. */
interface AwayOutcome {
  away?: AwayNotice;
  /** Deputies the request was also sealed to: they may read and answer it. */
  deputies?: string[];
}

/** What became of the envelope to one recipient: a case (possibly held for approval) or a refusal. */
export type SubmitOutcome =
  | ({
      userId: string;
      state: StateCode;
      ok: true;
      caseId: string;
      status: 'accepted' | 'held';
      approvalId?: string;
    } & AwayOutcome)
  | ({ userId: string; state: StateCode; ok: false; error: ApiError } & AwayOutcome);

export interface TransitionInput {
  caseId: string;
  /** The other side of the case. */
  to: SealRecipient;
  /** The case's other people who should read this step too (see `copiesFor`). */
  copyTo?: readonly SealRecipient[];
  action: RequestAction;
  /** The case's domain; answers carry handling and evaluation codes here. */
  labels: Labels;
  /** Encrypted: the answer, the clarification, the decline explanation, consent conditions. */
  content?: JsonValue;
  reasonCode?: DeclineReason;
  lateReason?: LateReason;
  consent?: ConsentOutcome;
  /** Pass the first attempt's id (from newMsgId) to repeat a step without taking it twice; default: fresh. */
  msgId?: string;
  threadId?: string;
}

export interface RequestsApi {
  submit(input: SubmitRequestInput): Promise<SubmitOutcome[]>;
  /** Asks the state that provided an answer for consent to pass it on or use it as evidence. */
  askConsent(
    input: Omit<SubmitRequestInput, 'kind' | 'recipients' | 'requestRef' | 'threadId'> & {
      originalCaseId: string;
      to: SealRecipient;
    },
  ): Promise<SubmitOutcome>;
  transition(input: TransitionInput): Promise<SendMessageResult>;
  list(query?: ListRequestsQuery): Promise<RequestCaseView[]>;
  get(id: string): Promise<RequestCaseDetail>;
  /** National admins: requests to their state past the deadline. */
  overdue(): Promise<RequestCaseView[]>;
  statistics(query?: StatisticsQuery): Promise<RequestStatistics>;
  templates(): Promise<z.infer<typeof RequestTemplateView>[]>;
  /** What I may do next on this case (for buttons); a deputy on the case acts for the requested side. */
  allowedActions(view: RequestCaseView): RequestAction[];
  /** The case's people besides me and `to` (the requested focal point, their deputies): a step is sealed to them too. */
  copiesFor(view: RequestCaseView): string[];
}

/** What submitting needs to add the deputies of away recipients. */
export interface DutyLookup {
  directory: DirectoryApi;
  keyring: ContactKeyring;
}

const randomThreadId = (): string => globalThis.crypto.randomUUID();

/** Answers meaning "not stored, try again": no connection, database away, rate limit. */
const RETRYABLE: ReadonlySet<string> = new Set(['client.network', 'db.unavailable', 'server.draining', 'rate.limited']);
const MAX_ATTEMPTS = 6;
const RETRY_DELAY_MS = 250;

export function requestsApi(
  session: SessionManager,
  keyStore: KeyStore,
  now: () => number = Date.now,
  duty?: DutyLookup,
): RequestsApi {
  const sideOf = (view: RequestCaseView): 'requester' | 'requested' | undefined => {
    const userId = session.current()?.user.id;
    if (userId === view.requester.userId) return 'requester';
    if (userId === view.requested.userId || view.deputies?.some((d) => d.userId === userId)) return 'requested';
    return undefined;
  };
  /** The deputy standing in for `recipient` now, sealed to as well. */
  const withDeputy = async (
    recipient: SealRecipient,
    domain: string,
  ): Promise<{ seals: SealRecipient[]; away?: AwayNotice }> => {
    if (!duty) return { seals: [] };
    const coverage = await deputyCoverage(duty.directory, [recipient.userId], domain);
    const seals = await resolveRecipients(duty.keyring, coverage.deputies);
    const away = coverage.away[0];
    return { seals, ...(away ? { away } : {}) };
  };
  const me = () => {
    const user = session.current()?.user;
    const unlocked = keyStore.get();
    if (!user?.state) throw new ApiError(401, 'auth.unauthenticated', 'sign in as a focal point first');
    if (!unlocked || unlocked.username !== user.username)
      throw new ApiError(0, 'client.keys-locked', 'unlock your keys first');
    return { from: { userId: user.id, state: user.state }, keys: unlocked.keys };
  };
  /**
   * The same sealed envelope (so the same msgId) until the server answers: a repeat of a stored
   * envelope returns the first answer, so a retry after a lost answer never opens a second case.
   */
  const post = async (envelope: Envelope): Promise<SendMessageResult> => {
    let delay = RETRY_DELAY_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await session.authed({
          method: 'POST',
          path: '/api/messages',
          body: { envelope },
          schema: SendMessageResult,
        });
      } catch (error) {
        if (!isApiError(error) || !RETRYABLE.has(error.code) || attempt >= MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 5_000);
      }
    }
  };

  async function submit(input: SubmitRequestInput): Promise<SubmitOutcome[]> {
    const fields = requestFieldsSchema(input.kind).safeParse(input.fields);
    if (!fields.success) {
      throw new ApiError(
        400,
        'validation.failed',
        'the request fields do not match the template',
        fields.error.issues.map((i) => ({ path: ['fields', ...i.path.map(String)], message: i.message })),
      );
    }
    const { from, keys } = me();
    const threadId = input.threadId ?? (input.recipients.length > 1 ? randomThreadId() : undefined);
    const outcomes: SubmitOutcome[] = [];
    for (const { msgId, ...recipient } of input.recipients) {
      const covered = input.alsoToDeputies === false ? { seals: [] } : await withDeputy(recipient, input.labels.domain);
      const told: AwayOutcome = {
        ...(covered.away ? { away: covered.away } : {}),
        ...(covered.seals.length > 0 ? { deputies: covered.seals.map((s) => s.userId) } : {}),
      };
      const ts = now();
      const seal: SealWithApprovers = (id, approvers) =>
        sealEnvelope({
          msgId: id,
          ts,
          kind: input.kind,
          from,
          labels: input.labels,
          recipients: [recipient, ...covered.seals],
          approvers,
          content: fields.data as JsonValue,
          request: { urgency: input.urgency, ...(input.deadline === undefined ? {} : { deadline: input.deadline }) },
          ...(threadId ? { threadId } : {}),
          ...(input.requestRef ? { requestRef: input.requestRef } : {}),
          senderIdentity: keys.identity,
          selfEncryptionKey: keys.encryption.publicKey,
        });
      try {
        const result = await sendHeldAware(seal, post, msgId);
        outcomes.push({
          userId: recipient.userId,
          state: recipient.state,
          ok: true,
          caseId: result.id,
          status: result.status,
          ...(result.approvalId ? { approvalId: result.approvalId } : {}),
          ...told,
        });
      } catch (error) {
        if (!isApiError(error)) throw error;
        outcomes.push({ userId: recipient.userId, state: recipient.state, ok: false, error, ...told }); // one state's refusal does not stop the others
      }
    }
    return outcomes;
  }

  return {
    submit,
    async askConsent({ originalCaseId, to, ...rest }) {
      const [outcome] = await submit({
        ...rest,
        kind: 'request:consent',
        recipients: [to],
        requestRef: originalCaseId,
      });
      if (!outcome) throw new ApiError(0, 'client.bad-response', 'no outcome');
      return outcome;
    },
    async transition(input) {
      const { from, keys } = me();
      const ts = now();
      const seal: SealWithApprovers = (id, approvers) =>
        sealEnvelope({
          msgId: id,
          ts,
          kind: 'request:transition',
          requestRef: input.caseId,
          from,
          labels: input.labels,
          recipients: [input.to, ...(input.copyTo ?? [])],
          approvers,
          content: input.content ?? {},
          step: {
            action: input.action,
            ...(input.reasonCode ? { reasonCode: input.reasonCode } : {}),
            ...(input.lateReason ? { lateReason: input.lateReason } : {}),
            ...(input.consent ? { consent: input.consent } : {}),
          },
          ...(input.threadId === undefined ? {} : { threadId: input.threadId }),
          senderIdentity: keys.identity,
          selfEncryptionKey: keys.encryption.publicKey,
        });
      return sendHeldAware(seal, post, input.msgId);
    },
    list: (query = {}) =>
      session.authed({
        method: 'GET',
        path: '/api/requests',
        query: query as Record<string, string | number | undefined>,
        schema: z.array(RequestCaseView),
      }),
    get: (id) =>
      session.authed({ method: 'GET', path: `/api/requests/${encodeURIComponent(id)}`, schema: RequestCaseDetail }),
    overdue: () => session.authed({ method: 'GET', path: '/api/requests/overdue', schema: z.array(RequestCaseView) }),
    statistics: (query = {}) =>
      session.authed({
        method: 'GET',
        path: '/api/requests/statistics',
        query: query as Record<string, string | number | undefined>,
        schema: RequestStatistics,
      }),
    templates: () =>
      session.authed({ method: 'GET', path: '/api/requests/templates', schema: z.array(RequestTemplateView) }),
    allowedActions(view) {
      const side = sideOf(view);
      return side ? allowedActions(view.status, side) : [];
    },
    copiesFor(view) {
      const me = session.current()?.user.id;
      const side = sideOf(view);
      if (!side) return [];
      const to = side === 'requester' ? view.requested.userId : view.requester.userId;
      const people = [view.requested.userId, ...(view.deputies ?? []).map((d) => d.userId)];
      return people.filter((userId) => userId !== me && userId !== to);
    },
  };
}
