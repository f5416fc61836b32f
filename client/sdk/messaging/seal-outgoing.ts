import type { Envelope, Participant } from '../../../shared/crypto/envelope-format.js';
import { sealEnvelope } from '../../../shared/crypto/envelope-seal.js';
import { encryptAttachment } from '../../../shared/crypto/attachment-stream.js';
import type { JsonValue } from '../../../shared/crypto/canonical-json.js';
import { concatBytes, fromBase64Url } from '../../../shared/crypto/encoding.js';
import { verifyKeyBundle } from '../../../shared/crypto/verify-key-bundle.js';
import type { Approver } from '../../../shared/schemas/approvers.js';
import type { ExchangeKind, Labels, StateCode } from '../../../shared/schemas/labels.js';
import { CryptoError } from '../../../shared/crypto/errors.js';
import type { MessagesApi } from '../api/messages-api.js';
import type { ContactKeyring } from './contact-keys.js';
import type { AttachmentRef } from './message-content.js';
import type { Me } from './open-delivered.js';

/** A file to send: its bytes are encrypted here and only ciphertext is uploaded. */
export interface OutgoingAttachment {
  readonly name: string;
  /** MIME type; default application/octet-stream. */
  readonly type?: string;
  readonly bytes: Uint8Array;
}

/** Encrypts each file as a secretstream, uploads the ciphertext, and returns what the payload carries. */
export async function uploadAttachments(api: Pick<MessagesApi, 'uploadAttachment'>, files: readonly OutgoingAttachment[]): Promise<AttachmentRef[]> {
  const refs: AttachmentRef[] = [];
  for (const file of files) {
    const encrypted = await encryptAttachment([file.bytes]);
    const chunks: Uint8Array[] = [];
    for await (const chunk of encrypted.ciphertext) chunks.push(chunk);
    const { id } = await api.uploadAttachment(new Uint8Array(concatBytes(...chunks)));
    refs.push({ id, name: file.name, type: file.type ?? 'application/octet-stream', size: file.bytes.length, fileKey: encrypted.fileKey, header: encrypted.header });
  }
  return refs;
}

export interface SealOutgoingInput {
  readonly kind: ExchangeKind;
  readonly to: readonly string[];
  readonly labels: Labels;
  readonly content: JsonValue;
  readonly threadId?: string;
  readonly ts: number;
  /** Kind 'receipt': the msgIds reported read (header.receiptOf). */
  readonly receiptOf?: readonly string[];
  /**
   * Held exchanges: given the recipients' states, the national admins who approve (empty when
   * not held). Each gets a sealed key, so they read what they release.
   */
  readonly approversFor?: (toStates: StateCode[]) => Promise<readonly Approver[]>;
}

/** An approver's keys as sealing needs them; a bundle whose self-signature fails is refused, never sealed to. */
async function approverRecipient(approver: Approver): Promise<{ userId: string; state: StateCode; encryptionKey: Uint8Array }> {
  if (!(await verifyKeyBundle(approver.keys))) throw new CryptoError('crypto.malformed', `the keys of approver ${approver.userId} do not verify`);
  return { userId: approver.userId, state: approver.state, encryptionKey: fromBase64Url(approver.keys.encryptionKey) };
}

/** Seals to the recipients' current directory keys (bundle self-signature checked), my own, and the approvers' of a held exchange. */
export async function sealOutgoing(me: Me & { state: string }, keyring: ContactKeyring, input: SealOutgoingInput): Promise<Envelope> {
  const recipients = await Promise.all(input.to.map(async (userId) => {
    const keys = await keyring.resolve(userId, { fresh: true });
    return { userId, state: keys.state, encryptionKey: keys.encryptionKey };
  }));
  const approvers = input.approversFor ? await Promise.all((await input.approversFor([...new Set(recipients.map((r) => r.state))])).map(approverRecipient)) : [];
  return sealEnvelope({
    ts: input.ts,
    kind: input.kind,
    ...(input.threadId === undefined ? {} : { threadId: input.threadId }),
    ...(input.receiptOf === undefined ? {} : { receiptOf: input.receiptOf }),
    from: { userId: me.userId, state: me.state } satisfies Participant,
    labels: input.labels,
    recipients,
    content: input.content,
    senderIdentity: me.keys.identity,
    selfEncryptionKey: me.keys.encryption.publicKey,
    ...(approvers.length > 0 ? { approvers } : {}),
  });
}
