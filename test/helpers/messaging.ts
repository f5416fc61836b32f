import { openEnvelope } from '../../shared/crypto/envelope-open.js';
import { fromBase64Url } from '../../shared/crypto/encoding.js';
import { sealEnvelope, type SealRecipient } from '../../shared/crypto/envelope-seal.js';
import { ApproversRequired } from '../../shared/schemas/approvers.js';
import type { Envelope } from '../../shared/crypto/envelope-format.js';
import type { JsonValue } from '../../shared/crypto/canonical-json.js';
import type { Labels, StateCode } from '../../shared/schemas/labels.js';
import type { Ack } from '../../shared/errors.js';
import type { BacklogPage, SendMessageResult } from '../../shared/schemas/messaging.js';
import type { TestPerson } from './accounts.js';
import { connected, type TestServer, type TestSocket } from './test-server.js';

/** A signed-in person's connected socket on `t`. */
export async function socketOf(t: TestServer, person: TestPerson): Promise<TestSocket> {
  const socket = t.connect({ auth: { token: person.session?.accessToken } });
  await connected(socket);
  return socket;
}

/** Fetches and acknowledges the socket's whole backlog, page by page; returns the ids in the order served. */
export async function drainBacklog(socket: TestSocket, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const page = await socket.timeout(10_000).emitWithAck('message:fetch', { limit: pageSize }) as Ack<BacklogPage>;
    if (!page.ok) throw new Error(JSON.stringify(page.error));
    ids.push(...page.data.messages.map((m) => m.id));
    if (page.data.messages.length > 0) await socket.timeout(10_000).emitWithAck('message:ack', { ids: page.data.messages.map((m) => m.id) });
    if (!page.data.more) return ids;
  }
}

/** message:send with any input (tests also send off-schema input on purpose). */
export function send(socket: TestSocket, input: unknown): Promise<Ack<SendMessageResult>> {
  return socket.timeout(5_000).emitWithAck('message:send', input as never);
}

export const LABELS: Labels = { domain: 'border', category: 'travel-identity-documents', classification: 'restricted', handling: 'H1' };

function asSealRecipient(person: TestPerson | SealRecipient): SealRecipient {
  return 'user' in person ? { userId: person.user.id, state: person.user.state as StateCode, encryptionKey: person.keys.encryption.publicKey } : person;
}

/** The approvers a `message.approvers-required` refusal names (its details), as sealing needs them. */
export function approversNamed(error: { details?: unknown }): SealRecipient[] {
  return ApproversRequired.parse(error.details).approvers.map((a) => ({ userId: a.userId, state: a.state, encryptionKey: fromBase64Url(a.keys.encryptionKey) }));
}

/**
 * Sends as a client does: sealed without approvers; when the server answers that the exchange is
 * held (`message.approvers-required`), re-sealed (same msgId) to the approvers it names, once.
 */
export async function sendSealing(socket: TestSocket, seal: (approvers: readonly SealRecipient[], msgId?: string) => Promise<Envelope>, attachmentIds?: string[]): Promise<Ack<SendMessageResult>> {
  const envelope = await seal([]);
  const first = await send(socket, { envelope, ...(attachmentIds ? { attachmentIds } : {}) });
  if (first.ok || first.error.code !== 'message.approvers-required') return first;
  return send(socket, { envelope: await seal(approversNamed(first.error), envelope.header.msgId), ...(attachmentIds ? { attachmentIds } : {}) });
}

/** An envelope from `from` to `to`, sealed and signed the way the client SDK does it. */
export function envelopeFor(t: TestServer, from: TestPerson, to: TestPerson[], content: JsonValue, options: { labels?: Labels; msgId?: string; ts?: number; approvers?: readonly (TestPerson | SealRecipient)[] } = {}): Promise<Envelope> {
  return sealEnvelope({
    ...(options.msgId ? { msgId: options.msgId } : {}),
    ts: options.ts ?? t.clock.now().getTime(),
    kind: 'message',
    from: { userId: from.user.id, state: from.user.state as StateCode },
    labels: options.labels ?? LABELS,
    recipients: to.map((person) => ({ userId: person.user.id, state: person.user.state as StateCode, encryptionKey: person.keys.encryption.publicKey })),
    content,
    senderIdentity: from.keys.identity,
    selfEncryptionKey: from.keys.encryption.publicKey,
    ...(options.approvers ? { approvers: options.approvers.map(asSealRecipient) } : {}),
  });
}

export async function readAs(person: TestPerson, sender: TestPerson, envelope: Envelope): Promise<unknown> {
  const opened = await openEnvelope(envelope, { myUserId: person.user.id, myEncryptionKeyPair: person.keys.encryption, senderIdentityKey: sender.keys.identity.publicKey });
  return opened.content;
}
