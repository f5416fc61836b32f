import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import { sealEnvelope } from '../../../shared/crypto/envelope-seal.js';
import { fromBase64Url } from '../../../shared/crypto/encoding.js';
import type { UserKeys } from '../../../shared/crypto/keys.js';
import { verifyKeyBundle } from '../../../shared/crypto/verify-key-bundle.js';
import type { AudienceMember } from '../../../shared/schemas/audience.js';
import { SECRETARIAT_STATE, type Labels } from '../../../shared/schemas/labels.js';
import { ApiError } from '../api-error.js';
import type { CircularContent } from './circular-content.js';

export interface SealCircularInput {
  readonly me: { readonly userId: string; readonly keys: UserKeys };
  /** My state in the envelope (the preview's `senderState`). */
  readonly senderState: string;
  readonly labels: Labels;
  /** Exactly the preview's recipients. */
  readonly recipients: readonly AudienceMember[];
  readonly content: CircularContent;
  readonly ts: number;
  /** The first attempt's msgId when re-sealing. */
  readonly msgId?: string;
}

/**
 * Seals one circular (Envelope v1, kind 'circular') to every recipient. Each key bundle's
 * self-signature is checked first, as for contacts: a bundle that does not verify stops the
 * sending rather than sealing to a key its owner never vouched for.
 */
export async function sealCircular(input: SealCircularInput): Promise<Envelope> {
  const bundles = await Promise.all(input.recipients.map((member) => verifyKeyBundle(member.keys)));
  const bad = input.recipients.filter((_, i) => !bundles[i]);
  if (bad.length > 0)
    throw new ApiError(
      0,
      'client.bad-response',
      `the key bundle of ${bad.map((m) => m.userId).join(', ')} does not verify`,
    );
  return sealEnvelope({
    ...(input.msgId === undefined ? {} : { msgId: input.msgId }),
    ts: input.ts,
    kind: 'circular',
    from: { userId: input.me.userId, state: input.senderState },
    labels: input.labels,
    recipients: input.recipients.map((member) => ({
      userId: member.userId,
      state: member.state ?? SECRETARIAT_STATE,
      encryptionKey: fromBase64Url(member.keys.encryptionKey),
    })),
    content: { subject: input.content.subject, text: input.content.text },
    senderIdentity: input.me.keys.identity,
    selfEncryptionKey: input.me.keys.encryption.publicKey,
  });
}
