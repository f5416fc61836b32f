import { z } from 'zod';
import { Envelope } from '../crypto/envelope-format.js';
import { PublicKeyBundle } from '../crypto/verify-key-bundle.js';
import { Id } from './accounts.js';
import { StateCode } from './labels.js';

/** A national admin who would decide on the held exchange, with their verified public keys. */
export const Approver = z.object({
  userId: Id,
  state: StateCode,
  displayName: z.string(),
  keys: PublicKeyBundle,
  keyVersion: z.number().int().positive(),
});
export type Approver = z.infer<typeof Approver>;

/**
 * The details of `message.approvers-required`: the exchange is held (or, with an empty list, not
 * held) and its envelope must name exactly these approvers, each with a sealed key. Nothing was
 * stored: re-seal to them with the same msgId and send again.
 */
export const ApproversRequired = z.object({
  holdingStates: z.array(StateCode),
  approvers: z.array(Approver),
});
export type ApproversRequired = z.infer<typeof ApproversRequired>;

/** A held exchange's ciphertext for an approver whose key it carries: open it with the admin's own keys. */
export const HeldEnvelopeView = z.object({
  approvalId: Id,
  exchangeRef: z.string(),
  envelope: Envelope,
});
export type HeldEnvelopeView = z.infer<typeof HeldEnvelopeView>;
