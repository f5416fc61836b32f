import { z } from 'zod';
import { toBase64Url } from '../../../../shared/crypto/encoding';
import type { Envelope } from '../../../../shared/crypto/envelope-format';
import { sealEnvelope } from '../../../../shared/crypto/envelope-seal';
import type { JsonValue } from '../../../../shared/crypto/canonical-json';
import type { UserKeys } from '../../../../shared/crypto/keys';
import type { RequestHeaderField, RequestStepField } from '../../../../shared/requests/header-fields';
import type { RequestKind } from '../../../../shared/requests/templates';
import type { Labels, StateCode } from '../../../../shared/schemas/labels';
import type { SendMessageResult } from '../../../../shared/schemas/messaging';
import type { ListRequestsQuery, RequestCaseDetail, RequestCaseView, RequestStatistics, StatisticsQuery } from '../../../../shared/schemas/requests';
import { ApiError, type FocalNetClient } from '../../../sdk/index';

/**
 * Requests as this feature uses them: metadata reads through the SDK's requests API; request and
 * step envelopes sealed here with a msgId chosen before the first attempt, so a retry after a
 * network failure is recognised by the server (same msgId, same case) instead of making a second
 * case, which the SDK's submit/transition (fresh msgId each call) cannot offer.
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
  fields: JsonValue;
  msgId: string;
  threadId?: string;
  /** Consent requests: the case whose answer they concern. */
  requestRef?: string;
}

export interface StepInput {
  caseId: string;
  to: string;
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
export function newMsgId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}

export function requestService(client: FocalNetClient): RequestService {
  const { session } = client;
  const me = (): { userId: string; state: StateCode; keys: UserKeys } => {
    const user = session.current()?.user;
    if (!user?.state) throw new ApiError(401, 'auth.unauthenticated', 'sign in as a focal point first');
    const unlocked = client.keyStore.get();
    if (!unlocked || unlocked.username !== user.username) throw new ApiError(0, 'client.keys-locked', 'unlock your keys first');
    return { userId: user.id, state: user.state as StateCode, keys: unlocked.keys };
  };
  const seal = async (to: string, input: Omit<Parameters<typeof sealEnvelope>[0], 'from' | 'recipients' | 'senderIdentity' | 'selfEncryptionKey' | 'ts'>): Promise<Envelope> => {
    const self = me();
    const keys = await client.contactKeys.resolve(to, { fresh: true });
    return sealEnvelope({
      ...input, ts: Date.now(), from: { userId: self.userId, state: self.state },
      recipients: [{ userId: to, state: keys.state, encryptionKey: keys.encryptionKey }],
      senderIdentity: self.keys.identity, selfEncryptionKey: self.keys.encryption.publicKey,
    });
  };
  return {
    // Metadata reads come from the SDK (client/sdk/api/requests-api.ts).
    list: (q) => client.requests.list(q),
    read: (id) => client.requests.get(id),
    overdue: () => client.requests.overdue(),
    statistics: (q = {}) => client.requests.statistics(q),
    async submit(input) {
      const envelope = await seal(input.to, {
        msgId: input.msgId, kind: input.kind, labels: input.labels, request: input.request, content: input.fields,
        ...(input.threadId === undefined ? {} : { threadId: input.threadId }), ...(input.requestRef === undefined ? {} : { requestRef: input.requestRef }),
      });
      return client.messages.send(envelope);
    },
    async step(input) {
      const envelope = await seal(input.to, {
        msgId: input.msgId, kind: 'request:transition', requestRef: input.caseId, labels: input.labels, step: input.step, content: input.content,
        ...(input.threadId === undefined ? {} : { threadId: input.threadId }),
      });
      return client.messages.send(envelope);
    },
  };
}
