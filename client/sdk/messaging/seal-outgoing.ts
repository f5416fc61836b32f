import type { Envelope, Participant } from '../../../shared/crypto/envelope-format.js';
import { sealEnvelope, type SealRecipient } from '../../../shared/crypto/envelope-seal.js';
import { encryptAttachment } from '../../../shared/crypto/attachment-stream.js';
import type { JsonValue } from '../../../shared/crypto/canonical-json.js';
import { concatBytes } from '../../../shared/crypto/encoding.js';
import type { ExchangeKind, Labels } from '../../../shared/schemas/labels.js';
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
export async function uploadAttachments(
  api: Pick<MessagesApi, 'uploadAttachment'>,
  files: readonly OutgoingAttachment[],
): Promise<AttachmentRef[]> {
  const refs: AttachmentRef[] = [];
  for (const file of files) {
    const encrypted = await encryptAttachment([file.bytes]);
    const chunks: Uint8Array[] = [];
    for await (const chunk of encrypted.ciphertext) chunks.push(chunk);
    const { id } = await api.uploadAttachment(new Uint8Array(concatBytes(...chunks)));
    refs.push({
      id,
      name: file.name,
      type: file.type ?? 'application/octet-stream',
      size: file.bytes.length,
      fileKey: encrypted.fileKey,
      header: encrypted.header,
    });
  }
  return refs;
}

export interface SealOutgoingInput {
  readonly kind: ExchangeKind;
  readonly labels: Labels;
  readonly content: JsonValue;
  readonly threadId?: string;
  readonly ts: number;
  /** Kind 'receipt': the msgIds reported read (header.receiptOf). */
  readonly receiptOf?: readonly string[];
  /** The same for every re-seal and retry of one exchange. */
  readonly msgId: string;
  /** Held exchanges: the approving national admins the server named (bundles already checked); each gets a sealed key. */
  readonly approvers: readonly SealRecipient[];
}

/** The recipients' current directory keys (bundle self-signature checked by the keyring). */
export function resolveRecipients(keyring: ContactKeyring, to: readonly string[]): Promise<SealRecipient[]> {
  return Promise.all(
    to.map(async (userId) => {
      const keys = await keyring.resolve(userId, { fresh: true });
      return { userId, state: keys.state, encryptionKey: keys.encryptionKey };
    }),
  );
}

/** Seals to the recipients, my own key, and the approvers of a held exchange. */
export function sealOutgoing(
  me: Me & { state: string },
  recipients: readonly SealRecipient[],
  input: SealOutgoingInput,
): Promise<Envelope> {
  return sealEnvelope({
    msgId: input.msgId,
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
    approvers: input.approvers,
  });
}
