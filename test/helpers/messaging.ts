import { openEnvelope } from '../../shared/crypto/envelope-open.js';
import { sealEnvelope } from '../../shared/crypto/envelope-seal.js';
import type { Envelope } from '../../shared/crypto/envelope-format.js';
import type { JsonValue } from '../../shared/crypto/canonical-json.js';
import type { Labels, StateCode } from '../../shared/schemas/labels.js';
import type { Ack } from '../../shared/errors.js';
import type { SendMessageResult } from '../../shared/schemas/messaging.js';
import type { TestPerson } from './accounts.js';
import { connected, type TestServer, type TestSocket } from './test-server.js';

/** A signed-in person's connected socket on `t`. */
export async function socketOf(t: TestServer, person: TestPerson): Promise<TestSocket> {
  const socket = t.connect({ auth: { token: person.session?.accessToken } });
  await connected(socket);
  return socket;
}

/** message:send with any input (tests also send off-schema input on purpose). */
export function send(socket: TestSocket, input: unknown): Promise<Ack<SendMessageResult>> {
  return socket.timeout(5_000).emitWithAck('message:send', input as never);
}

export const LABELS: Labels = { domain: 'border', category: 'travel-identity-documents', classification: 'restricted', handling: 'H1' };

/** An envelope from `from` to `to`, sealed and signed the way the client SDK does it. */
export function envelopeFor(t: TestServer, from: TestPerson, to: TestPerson[], content: JsonValue, options: { labels?: Labels; msgId?: string; ts?: number; approvers?: TestPerson[] } = {}): Promise<Envelope> {
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
    ...(options.approvers ? { approvers: options.approvers.map((person) => ({ userId: person.user.id, state: person.user.state as StateCode, encryptionKey: person.keys.encryption.publicKey })) } : {}),
  });
}

export async function readAs(person: TestPerson, sender: TestPerson, envelope: Envelope): Promise<unknown> {
  const opened = await openEnvelope(envelope, { myUserId: person.user.id, myEncryptionKeyPair: person.keys.encryption, senderIdentityKey: sender.keys.identity.publicKey });
  return opened.content;
}
