import { canonicalJson } from '../../../shared/crypto/canonical-json.js';
import type { EnvelopeHeader, Participant } from '../../../shared/crypto/envelope-format.js';
import { receiptContent } from '../../../shared/crypto/receipt-format.js';
import { openEnvelope } from '../../../shared/crypto/envelope-open.js';
import { CryptoError, isCryptoError } from '../../../shared/crypto/errors.js';
import type { UserKeys } from '../../../shared/crypto/keys.js';
import type { ExchangeKind, Labels } from '../../../shared/schemas/labels.js';
import type { DeliveredMessage } from '../../../shared/schemas/messaging.js';
import { isApiError } from '../api-error.js';
import type { ContactKeyring } from './contact-keys.js';
import { MessageContent, ReceiptContent, type AttachmentRef } from './message-content.js';
import { signingKeyOf } from './sender-key.js';

/** A verified, decrypted exchange (a message I received, or my own copy of one I sent). */
export interface ReceivedMessage {
  /** Server id. */
  readonly id: string;
  readonly msgId: string;
  readonly kind: ExchangeKind;
  readonly from: Participant;
  readonly to: readonly Participant[];
  readonly labels: Labels;
  readonly threadId?: string;
  /** Sender's clock, ms since the epoch. */
  readonly ts: number;
  readonly storedAt: string;
  /** True for my own copy of a message I sent. */
  readonly outgoing: boolean;
  /** Kind 'message': the text; '' for other kinds. */
  readonly text: string;
  readonly attachments: readonly AttachmentRef[];
  /** Kind 'receipt': the msgIds read and when. */
  readonly receipt?: ReceiptContent;
  /** The decrypted content as sent, for kinds this SDK does not model (requests). */
  readonly content: unknown;
  /** Conditions of the disclosure policies the recipient must honour. */
  readonly conditions: DeliveredMessage['conditions'];
  /**
   * Present when the sender signed with a key they have replaced since: it was their key at the
   * message's `ts`, so the message verifies, but the key is no longer current.
   */
  readonly signedWithPreviousKey?: { readonly keyVersion: number };
  /** My sent copies, from the history: when each recipient's device first received it. */
  readonly deliveredTo?: DeliveredMessage['deliveredTo'];
  /** My sent copies, from the history: held for approval, not delivered yet. */
  readonly held?: true;
}

/** An envelope the SDK refused: the signature, decryption, or the payload/header check failed. */
export interface RejectedEnvelope {
  readonly id: string;
  readonly msgId: string;
  readonly from: string;
  readonly code: string;
  readonly reason: string;
}

export type OpenResult = { ok: true; message: ReceivedMessage } | { ok: false; rejected: RejectedEnvelope };

export interface Me {
  readonly userId: string;
  readonly keys: UserKeys;
}

function parseContent(
  header: EnvelopeHeader,
  content: unknown,
): Pick<ReceivedMessage, 'text' | 'attachments'> & { receipt?: ReceiptContent } {
  const { kind } = header;
  if (kind === 'message') {
    const parsed = MessageContent.safeParse(content);
    if (!parsed.success) throw new CryptoError('crypto.malformed', 'message content does not match its schema');
    return { text: parsed.data.text, attachments: parsed.data.attachments };
  }
  if (kind === 'receipt') {
    const parsed = ReceiptContent.safeParse(content);
    if (!parsed.success) throw new CryptoError('crypto.malformed', 'receipt content does not match its schema');
    // A receipt naming what it reports (the relay checked those names) carries exactly that.
    if (header.receiptOf !== undefined && canonicalJson(parsed.data) !== canonicalJson(receiptContent(header))) {
      throw new CryptoError('crypto.header-mismatch', 'the receipt reports other messages than its header names');
    }
    return { text: '', attachments: [], receipt: parsed.data };
  }
  return { text: '', attachments: [] };
}

/**
 * Verifies and decrypts one delivered envelope: the sender's identity key comes from the
 * directory (my own for my sent copies), the one they held at the message's signed `ts` when
 * they have re-keyed since (see signingKeysAt); a signature that fails with a cached key is retried
 * once with a fresh directory read, as the contact may have re-keyed. Never throws for a bad
 * envelope: it comes back as `rejected` with the crypto error code.
 */
export async function openDelivered(delivered: DeliveredMessage, me: Me, keyring: ContactKeyring): Promise<OpenResult> {
  const { header } = delivered.envelope;
  const outgoing = header.from.userId === me.userId;
  const attempt = async (fresh: boolean): Promise<ReceivedMessage> => {
    let senderIdentityKey = me.keys.identity.publicKey;
    let previousKey: { keyVersion: number } | undefined;
    if (!outgoing) {
      const sender = await keyring.resolve(header.from.userId, { fresh });
      if (sender.state !== header.from.state)
        throw new CryptoError(
          'crypto.header-mismatch',
          `the sender belongs to ${sender.state}, not ${header.from.state}`,
        );
      // The key the sender held at the message's signed time, which may have been replaced since.
      const signer = await signingKeyOf(delivered.envelope, sender);
      senderIdentityKey = signer.identityKey;
      if (signer.previous) previousKey = { keyVersion: signer.keyVersion };
    }
    const opened = await openEnvelope(delivered.envelope, {
      myUserId: me.userId,
      myEncryptionKeyPair: me.keys.encryption,
      senderIdentityKey,
    });
    return {
      id: delivered.id,
      msgId: header.msgId,
      kind: header.kind,
      from: header.from,
      to: header.to,
      labels: header.labels,
      ...(header.threadId === undefined ? {} : { threadId: header.threadId }),
      ts: header.ts,
      storedAt: delivered.storedAt,
      outgoing,
      ...parseContent(header, opened.content),
      content: opened.content,
      conditions: delivered.conditions,
      ...(previousKey ? { signedWithPreviousKey: previousKey } : {}),
      ...(outgoing && delivered.deliveredTo ? { deliveredTo: delivered.deliveredTo } : {}),
      ...(outgoing && delivered.held ? { held: true as const } : {}),
    };
  };
  try {
    try {
      return { ok: true, message: await attempt(false) };
    } catch (error) {
      if (outgoing || !isCryptoError(error, 'crypto.bad-signature')) throw error;
      return { ok: true, message: await attempt(true) };
    }
  } catch (error) {
    // A sender the directory no longer shows (or shows without usable keys) cannot be verified: refuse, do not retry forever.
    const unverifiable = isApiError(error) && (error.status === 404 || error.code === 'client.bad-response');
    if (!isCryptoError(error) && !unverifiable) throw error;
    return {
      ok: false,
      rejected: {
        id: delivered.id,
        msgId: header.msgId,
        from: header.from.userId,
        code: error.code,
        reason: error.message,
      },
    };
  }
}
