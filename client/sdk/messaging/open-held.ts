import { openEnvelope } from '../../../shared/crypto/envelope-open.js';
import type { EnvelopeHeader } from '../../../shared/crypto/envelope-format.js';
import type { HeldEnvelopeView } from '../../../shared/schemas/approvers.js';
import type { ContactKeyring } from './contact-keys.js';
import { MessageContent, type AttachmentRef } from './message-content.js';
import { signingKeyOf } from './sender-key.js';
import type { Me } from './open-delivered.js';

/** A held exchange as its approver reads it before deciding. */
export interface HeldExchange {
  readonly approvalId: string;
  readonly header: EnvelopeHeader;
  /** Kind 'message': the text; '' for other kinds (see `content`). */
  readonly text: string;
  readonly attachments: readonly AttachmentRef[];
  readonly content: unknown;
}

/**
 * Verifies the sender's signature against their directory key (the one valid at its signed time) and decrypts with my keys (the
 * sender sealed a key to each approver). Throws CryptoError when it does not verify or open.
 */
export async function openHeld(held: HeldEnvelopeView, me: Me, keyring: ContactKeyring): Promise<HeldExchange> {
  const sender = await keyring.resolve(held.envelope.header.from.userId, { fresh: true });
  // A held exchange may wait for days: its sender may have re-keyed since signing it.
  const signer = await signingKeyOf(held.envelope, sender);
  const opened = await openEnvelope(held.envelope, {
    myUserId: me.userId,
    myEncryptionKeyPair: me.keys.encryption,
    senderIdentityKey: signer.identityKey,
  });
  const message = opened.header.kind === 'message' ? MessageContent.safeParse(opened.content) : undefined;
  return {
    approvalId: held.approvalId,
    header: opened.header,
    text: message?.success ? message.data.text : '',
    attachments: message?.success ? message.data.attachments : [],
    content: opened.content,
  };
}
