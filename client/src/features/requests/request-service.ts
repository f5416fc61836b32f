import { z } from 'zod';
import type { SealRecipient } from '../../../../shared/crypto/envelope-seal';
import type { RequestHeaderField, RequestStepField } from '../../../../shared/requests/header-fields';
import type { RequestKind } from '../../../../shared/requests/templates';
import type { Labels } from '../../../../shared/schemas/labels';
import type { SendMessageResult } from '../../../../shared/schemas/messaging';
import type {
  ListRequestsQuery,
  RequestCaseDetail,
  RequestCaseView,
  RequestStatistics,
  StatisticsQuery,
} from '../../../../shared/schemas/requests';
import { ApiError, newMsgId, type FocalNetClient } from '../../../sdk/index';

/**
 * Requests as this feature uses them, all through the SDK's requests API: one envelope per call,
 * with a msgId chosen before the first attempt, so a retry after a network failure is recognised
 * by the server (same msgId, same case) instead of making a second case.
 */
export interface RequestService {
  list(query: ListRequestsQuery): Promise<RequestCaseView[]>;
  read(id: string): Promise<RequestCaseDetail>;
  overdue(): Promise<RequestCaseView[]>;
  statistics(query?: StatisticsQuery): Promise<RequestStatistics>;
  /** One request envelope to one focal point; pass the same msgId again to retry without a second case. */
  submit(input: SubmitInput): Promise<SendMessageResult>;
  /** One lifecycle step on a case, to the other side. */
  step(input: StepInput): Promise<SendMessageResult>;
}

export interface SubmitInput {
  kind: RequestKind;
  to: string;
  labels: Labels;
  request: RequestHeaderField;
  /** The template's fields; the SDK checks them against the template before sealing. */
  fields: Record<string, unknown>;
  msgId: string;
  threadId?: string;
  /** Consent requests: the case whose answer they concern. */
  requestRef?: string;
}

export interface StepInput {
  caseId: string;
  to: string;
  /** The case's other people (the requested focal point, their deputies) who read the step too. */
  copyTo?: readonly string[];
  labels: Labels;
  step: RequestStepField;
  content: StepContent;
  msgId: string;
  threadId?: string;
}

/** What a step carries encrypted: the words that go with it (answer, question, conditions). */
export const StepContent = z.object({ text: z.string().max(20_000) }).strict();
export type StepContent = z.infer<typeof StepContent>;

/** 16 random bytes, base64url: an envelope id chosen before the first attempt so retries reuse it. */
export { newMsgId };

export function requestService(client: FocalNetClient): RequestService {
  /** The recipient's current directory keys (bundle self-signature checked by the keyring). */
  const recipient = async (userId: string): Promise<SealRecipient> => {
    const keys = await client.contactKeys.resolve(userId, { fresh: true });
    return { userId, state: keys.state, encryptionKey: keys.encryptionKey };
  };
  return {
    // Metadata reads come from the SDK (client/sdk/api/requests-api.ts).
    list: (q) => client.requests.list(q),
    read: (id) => client.requests.get(id),
    overdue: () => client.requests.overdue(),
    statistics: (q = {}) => client.requests.statistics(q),
    // Sending goes through the SDK too, so a held request or step is sealed to its approvers.
    async submit(input) {
      const [outcome] = await client.requests.submit({
        kind: input.kind,
        labels: input.labels,
        urgency: input.request.urgency,
        fields: input.fields,
        recipients: [{ ...(await recipient(input.to)), msgId: input.msgId }],
        ...(input.request.deadline === undefined ? {} : { deadline: input.request.deadline }),
        ...(input.threadId === undefined ? {} : { threadId: input.threadId }),
        ...(input.requestRef === undefined ? {} : { requestRef: input.requestRef }),
      });
      if (!outcome) throw new ApiError(0, 'client.bad-response', 'no outcome');
      if (!outcome.ok) throw outcome.error;
      return {
        id: outcome.caseId,
        status: outcome.status,
        ...(outcome.approvalId === undefined ? {} : { approvalId: outcome.approvalId }),
      };
    },
    async step(input) {
      return client.requests.transition({
        caseId: input.caseId,
        to: await recipient(input.to),
        copyTo: await Promise.all((input.copyTo ?? []).map(recipient)),
        labels: input.labels,
        content: input.content,
        msgId: input.msgId,
        action: input.step.action,
        ...(input.step.reasonCode === undefined ? {} : { reasonCode: input.step.reasonCode }),
        ...(input.step.lateReason === undefined ? {} : { lateReason: input.step.lateReason }),
        ...(input.step.consent === undefined ? {} : { consent: input.step.consent }),
        ...(input.threadId === undefined ? {} : { threadId: input.threadId }),
      });
    },
  };
}
