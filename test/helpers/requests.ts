import { sealEnvelope, type SealRecipient } from '../../shared/crypto/envelope-seal.js';
import type { Envelope } from '../../shared/crypto/envelope-format.js';
import type { JsonValue } from '../../shared/crypto/canonical-json.js';
import type { RequestHeaderField, RequestStepField } from '../../shared/requests/header-fields.js';
import type { RequestKind } from '../../shared/requests/templates.js';
import type { Labels, StateCode } from '../../shared/schemas/labels.js';
import type { SendMessageResult } from '../../shared/schemas/messaging.js';
import type { RequestCaseDetail } from '../../shared/schemas/requests.js';
import type { TestPerson } from './accounts.js';
import { call, type ApiResult } from './api.js';
import { approversNamed } from './messaging.js';
import type { TestServer } from './test-server.js';

export const DOC_LABELS: Labels = {
  domain: 'border',
  category: 'travel-identity-documents',
  classification: 'restricted',
  handling: 'H1',
};
export const DOC_FIELDS = {
  documentType: 'passport',
  documentNumber: 'N1234567',
  issuingState: 'TJ',
  holderName: 'A. B.',
  purpose: 'border check at crossing point 3',
};

interface SealOptions {
  labels?: Labels;
  threadId?: string;
  requestRef?: string;
  msgId?: string;
  /** Held exchanges: the approvers named by the server's `message.approvers-required` refusal. */
  approvers?: readonly SealRecipient[];
}

function participant(person: TestPerson): { userId: string; state: StateCode } {
  return { userId: person.user.id, state: person.user.state as StateCode };
}

/** A request envelope from `from` to one focal point, sealed as the SDK does. */
export function requestEnvelope(
  t: TestServer,
  from: TestPerson,
  to: TestPerson,
  kind: RequestKind,
  content: JsonValue,
  request: RequestHeaderField,
  options: SealOptions = {},
): Promise<Envelope> {
  return sealEnvelope({
    ...(options.msgId ? { msgId: options.msgId } : {}),
    ...(options.threadId ? { threadId: options.threadId } : {}),
    ...(options.requestRef ? { requestRef: options.requestRef } : {}),
    ts: t.clock.now().getTime(),
    kind,
    request,
    from: participant(from),
    labels: options.labels ?? DOC_LABELS,
    recipients: [{ ...participant(to), encryptionKey: to.keys.encryption.publicKey }],
    ...(options.approvers ? { approvers: options.approvers } : {}),
    content,
    senderIdentity: from.keys.identity,
    selfEncryptionKey: from.keys.encryption.publicKey,
  });
}

/** A lifecycle step on case `caseId`, from one side to the other. */
export function stepEnvelope(
  t: TestServer,
  from: TestPerson,
  to: TestPerson,
  caseId: string,
  step: RequestStepField,
  content: JsonValue = {},
  options: SealOptions = {},
): Promise<Envelope> {
  return sealEnvelope({
    ...(options.msgId ? { msgId: options.msgId } : {}),
    ts: t.clock.now().getTime(),
    kind: 'request:transition',
    requestRef: caseId,
    step,
    from: participant(from),
    labels: options.labels ?? DOC_LABELS,
    recipients: [{ ...participant(to), encryptionKey: to.keys.encryption.publicKey }],
    ...(options.approvers ? { approvers: options.approvers } : {}),
    content,
    senderIdentity: from.keys.identity,
    selfEncryptionKey: from.keys.encryption.publicKey,
  });
}

export function post(
  t: TestServer,
  person: TestPerson,
  envelope: Envelope,
): Promise<ApiResult<SendMessageResult & { error?: { code: string; message: string; details?: unknown } }>> {
  return call(t.url, 'POST', '/api/messages', { token: person.session?.accessToken, body: { envelope } });
}

/**
 * POSTs as a client does: sealed without approvers; when the server answers that the exchange is
 * held (`message.approvers-required`), re-sealed with the same msgId to the approvers it names.
 */
export async function postSealing(
  t: TestServer,
  person: TestPerson,
  seal: (extra: SealOptions) => Promise<Envelope>,
): Promise<
  ApiResult<SendMessageResult & { error?: { code: string; message: string; details?: unknown } }> & { msgId: string }
> {
  const envelope = await seal({});
  const first = await post(t, person, envelope);
  const { msgId } = envelope.header;
  if (first.body.error?.code !== 'message.approvers-required') return { ...first, msgId };
  return { ...(await post(t, person, await seal({ msgId, approvers: approversNamed(first.body.error) }))), msgId };
}

/** Sends and expects success; returns the server id (= the case id for a request). */
export async function sent(t: TestServer, person: TestPerson, envelope: Envelope): Promise<string> {
  const response = await post(t, person, envelope);
  if (response.status !== 200) throw new Error(`send failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

export async function caseOf(t: TestServer, person: TestPerson, id: string): Promise<RequestCaseDetail> {
  const response = await call<RequestCaseDetail>(t.url, 'GET', `/api/requests/${id}`, {
    token: person.session?.accessToken,
  });
  if (response.status !== 200) throw new Error(`case read failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function storedMessages(t: TestServer, msgId: string): Promise<number> {
  return t.server.database.connection.collection('messages').countDocuments({ msgId });
}
