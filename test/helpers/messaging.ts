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
import { waitFor } from './barrier.js';
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
    const page = (await socket.timeout(10_000).emitWithAck('message:fetch', { limit: pageSize })) as Ack<BacklogPage>;
    if (!page.ok) throw new Error(JSON.stringify(page.error));
    ids.push(...page.data.messages.map((m) => m.id));
    if (page.data.messages.length > 0)
      await socket.timeout(10_000).emitWithAck('message:ack', { ids: page.data.messages.map((m) => m.id) });
    if (!page.data.more) return ids;
  }
}

/** message:send with any input (tests also send off-schema input on purpose). */
export function send(socket: TestSocket, input: unknown): Promise<Ack<SendMessageResult>> {
  return socket.timeout(5_000).emitWithAck('message:send', input as never);
}

export const LABELS: Labels = {
  domain: 'border',
  category: 'travel-identity-documents',
  classification: 'restricted',
  handling: 'H1',
};

function asSealRecipient(person: TestPerson | SealRecipient): SealRecipient {
  return 'user' in person
    ? { userId: person.user.id, state: person.user.state as StateCode, encryptionKey: person.keys.encryption.publicKey }
    : person;
}

/** The approvers a `message.approvers-required` refusal names (its details), as sealing needs them. */
export function approversNamed(error: { details?: unknown }): SealRecipient[] {
  return ApproversRequired.parse(error.details).approvers.map((a) => ({
    userId: a.userId,
    state: a.state,
    encryptionKey: fromBase64Url(a.keys.encryptionKey),
  }));
}

/**
 * Sends as a client does: sealed without approvers; when the server answers that the exchange is
 * held (`message.approvers-required`), re-sealed (same msgId) to the approvers it names, once.
 */
export async function sendSealing(
  socket: TestSocket,
  seal: (approvers: readonly SealRecipient[], msgId?: string) => Promise<Envelope>,
  attachmentIds?: string[],
): Promise<Ack<SendMessageResult>> {
  const envelope = await seal([]);
  const first = await send(socket, { envelope, ...(attachmentIds ? { attachmentIds } : {}) });
  if (first.ok || first.error.code !== 'message.approvers-required') return first;
  return send(socket, {
    envelope: await seal(approversNamed(first.error), envelope.header.msgId),
    ...(attachmentIds ? { attachmentIds } : {}),
  });
}

/** An envelope from `from` to `to`, sealed and signed the way the client SDK does it. */
export function envelopeFor(
  t: TestServer,
  from: TestPerson,
  to: TestPerson[],
  content: JsonValue,
  options: { labels?: Labels; msgId?: string; ts?: number; approvers?: readonly (TestPerson | SealRecipient)[] } = {},
): Promise<Envelope> {
  return sealEnvelope({
    ...(options.msgId ? { msgId: options.msgId } : {}),
    ts: options.ts ?? t.clock.now().getTime(),
    kind: 'message',
    from: { userId: from.user.id, state: from.user.state as StateCode },
    labels: options.labels ?? LABELS,
    recipients: to.map((person) => ({
      userId: person.user.id,
      state: person.user.state as StateCode,
      encryptionKey: person.keys.encryption.publicKey,
    })),
    content,
    senderIdentity: from.keys.identity,
    selfEncryptionKey: from.keys.encryption.publicKey,
    ...(options.approvers ? { approvers: options.approvers.map(asSealRecipient) } : {}),
  });
}

export async function readAs(person: TestPerson, sender: TestPerson, envelope: Envelope): Promise<unknown> {
  const opened = await openEnvelope(envelope, {
    myUserId: person.user.id,
    myEncryptionKeyPair: person.keys.encryption,
    senderIdentityKey: sender.keys.identity.publicKey,
  });
  return opened.content;
}

/**
 * An event barrier for "no duplicate came": a fresh message from the sender to the recipient through
 * the same delivery path, acknowledged by the recipient. Once the recipient has it and the sender has heard
 * it delivered, every earlier push on those two sockets has arrived (socket.io keeps order per
 * connection). Returns the marker's id (it shows in the recipient's arrivals and the sender's statuses).
 */
export async function deliveryBarrier(
  t: TestServer,
  sender: { socket: TestSocket; person: TestPerson },
  recipient: { socket: TestSocket; person: TestPerson },
): Promise<string> {
  const arrived = new Set<string>();
  const delivered = new Set<string>();
  const onMessage = (message: { id: string }): void => void arrived.add(message.id);
  const onStatus = (event: { id: string; status: string }): void =>
    void (event.status === 'delivered' && delivered.add(event.id));
  recipient.socket.on('message:new', onMessage);
  sender.socket.on('message:status', onStatus);
  try {
    const result = await send(sender.socket, {
      envelope: await envelopeFor(t, sender.person, [recipient.person], { text: 'barrier' }),
    });
    if (!result.ok) throw new Error(`the barrier message was refused: ${JSON.stringify(result.error)}`);
    const id = result.data.id;
    await waitFor(() => arrived.has(id), { what: 'the barrier message to arrive' });
    await recipient.socket.timeout(5_000).emitWithAck('message:ack', { ids: [id] });
    await waitFor(() => delivered.has(id), { what: 'the barrier message to be heard delivered' });
    return id;
  } finally {
    recipient.socket.off('message:new', onMessage);
    sender.socket.off('message:status', onStatus);
  }
}
