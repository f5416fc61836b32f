import type { Envelope, Participant } from '../../../shared/crypto/envelope-format.js';
import { fromBase64Url } from '../../../shared/crypto/encoding.js';
import { openEnvelope } from '../../../shared/crypto/envelope-open.js';
import { CryptoError } from '../../../shared/crypto/errors.js';
import type { UserKeys } from '../../../shared/crypto/keys.js';
import { verifyKeyBundle } from '../../../shared/crypto/verify-key-bundle.js';
import type { CircularSender } from '../../../shared/schemas/circulars.js';
import type { Labels } from '../../../shared/schemas/labels.js';
import { CircularContent } from './circular-content.js';

/** A verified, decrypted circular. */
export interface OpenedCircular {
  readonly id: string;
  readonly from: Participant;
  readonly sender: CircularSender;
  readonly labels: Labels;
  readonly recipients: number;
  /** The sender's clock, ms since the epoch. */
  readonly ts: number;
  readonly subject: string;
  readonly text: string;
}

/**
 * Verifies the sender's key bundle (self-signature) and the envelope's signature with its identity
 * key — the key the server checked at sending, valid at the signed `ts` — then decrypts with my keys.
 * @throws CryptoError when anything does not verify or open
 */
export async function openCircular(
  circular: { id: string; envelope: Envelope; sender: CircularSender },
  me: { userId: string; keys: UserKeys },
): Promise<OpenedCircular> {
  const { sender, envelope } = circular;
  if (!(await verifyKeyBundle(sender.keys)))
    throw new CryptoError('crypto.bad-signature', "the sender's key bundle does not verify");
  if (envelope.header.from.userId !== sender.userId || envelope.header.kind !== 'circular')
    throw new CryptoError('crypto.header-mismatch', 'the envelope is not a circular of this sender');
  const opened = await openEnvelope(envelope, {
    myUserId: me.userId,
    myEncryptionKeyPair: me.keys.encryption,
    senderIdentityKey: fromBase64Url(sender.keys.identityKey),
  });
  const content = CircularContent.safeParse(opened.content);
  if (!content.success) throw new CryptoError('crypto.malformed', 'circular content does not match its schema');
  return {
    id: circular.id,
    from: opened.header.from,
    sender,
    labels: opened.header.labels,
    recipients: opened.header.to.length,
    ts: opened.header.ts,
    subject: content.data.subject,
    text: content.data.text,
  };
}
