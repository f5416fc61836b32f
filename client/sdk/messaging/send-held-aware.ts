import { fromBase64Url, toBase64Url } from '../../../shared/crypto/encoding.js';
import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import type { SealRecipient } from '../../../shared/crypto/envelope-seal.js';
import { CryptoError } from '../../../shared/crypto/errors.js';
import { verifyKeyBundle } from '../../../shared/crypto/verify-key-bundle.js';
import { ApproversRequired, type Approver } from '../../../shared/schemas/approvers.js';
import { ApiError, isApiError } from '../api-error.js';

/** Re-seals to a fresh approver list before giving up (beyond the first, the list changed under us each time). */
export const MAX_APPROVER_RESEALS = 3;

/** 16 random bytes, base64url: an envelope id chosen before the first attempt, so every re-seal and retry reuses it. */
export function newMsgId(): string {
  return toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

/** Seals the exchange with this msgId to its recipients, me, and these approvers (none on the first try). */
export type SealWithApprovers = (msgId: string, approvers: readonly SealRecipient[]) => Promise<Envelope>;

/** An approver's keys as sealing needs them; a bundle whose self-signature fails is refused, never sealed to. */
async function approverRecipient(approver: Approver): Promise<SealRecipient> {
  if (!(await verifyKeyBundle(approver.keys)))
    throw new CryptoError('crypto.malformed', `the keys of approver ${approver.userId} do not verify`);
  return { userId: approver.userId, state: approver.state, encryptionKey: fromBase64Url(approver.keys.encryptionKey) };
}

function requiredApprovers(error: ApiError): Approver[] {
  const parsed = ApproversRequired.safeParse(error.details);
  if (!parsed.success)
    throw new ApiError(error.status, 'client.bad-response', 'the server asked for approvers without naming them');
  return parsed.data.approvers;
}

/**
 * The one way the SDK sends an exchange (messages, receipts, requests, request steps): sealed to
 * its recipients and me, with no look-up first. When the policy holds it, the server refuses with
 * `message.approvers-required` before storing anything and names the approving national admins;
 * this re-seals to exactly them (so they can read what they release) under the same msgId and
 * sends again. A list that changed meanwhile is refused again with the fresh one; after
 * MAX_APPROVER_RESEALS re-seals the next refusal is thrown with a clear message.
 */
export async function sendHeldAware<R>(
  seal: SealWithApprovers,
  send: (envelope: Envelope) => Promise<R>,
  msgId: string = newMsgId(),
): Promise<R> {
  let envelope = await seal(msgId, []);
  for (let round = 1; ; round++) {
    try {
      return await send(envelope);
    } catch (error) {
      if (!isApiError(error, 'message.approvers-required')) throw error;
      if (round > MAX_APPROVER_RESEALS) {
        throw new ApiError(
          error.status,
          error.code,
          `not sent: the national administrators who approve this exchange kept changing (${round} refusals); send it again later`,
          error.issues,
          error.requestId,
          error.details,
        );
      }
      const approvers = await Promise.all(requiredApprovers(error).map(approverRecipient));
      envelope = await seal(msgId, approvers);
    }
  }
}
