import { z } from 'zod';
import { Envelope } from '../crypto/envelope-format.js';
import { PublicKeyBundle } from '../crypto/verify-key-bundle.js';
import { Id } from './accounts.js';
import { ExchangeKind, Labels, StateCode } from './labels.js';
import { PolicyEffect } from './policy.js';

/** An exchange about to be sent: what the policy decides on (recipients' states only). */
export const ApproversRequest = z.object({
  labels: Labels,
  kind: ExchangeKind,
  toStates: z.array(StateCode).min(1).max(64),
}).strict();
export type ApproversRequest = z.infer<typeof ApproversRequest>;

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
 * Who reads a held exchange besides its recipients: when the decision is 'approve', the active
 * national admins with verified keys of every holding state; empty otherwise.
 */
export const ApproversView = z.object({
  effect: PolicyEffect,
  holdingStates: z.array(StateCode),
  approvers: z.array(Approver),
});
export type ApproversView = z.infer<typeof ApproversView>;

/** A held exchange's ciphertext for an approver whose key it carries: open it with the admin's own keys. */
export const HeldEnvelopeView = z.object({
  approvalId: Id,
  exchangeRef: z.string(),
  envelope: Envelope,
});
export type HeldEnvelopeView = z.infer<typeof HeldEnvelopeView>;
