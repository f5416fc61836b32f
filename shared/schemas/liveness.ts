import { z } from 'zod';
import { Id } from './accounts.js';
import { DomainCode, StateCode } from './labels.js';

export const StartLivenessCheck = z
  .object({
    /** One state (national admins: their own, the default); omitted by the secretariat = every state. */
    state: StateCode.optional(),
    domain: DomainCode.optional(),
    /** Minutes to answer before an answer counts as late. */
    deadlineMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(30),
  })
  .strict();
export type StartLivenessCheck = z.infer<typeof StartLivenessCheck>;

/** What a focal point's client receives: sign (checkId, nonce, own user id) with the identity key. */
export const LivenessPrompt = z.object({
  checkId: Id,
  /** 32 random bytes, base64url. */
  nonce: z.string(),
  deadline: z.iso.datetime(),
  /** Sent again to someone who has not answered a scheduled check half-way through its window. */
  reminder: z.boolean().optional(),
});
export type LivenessPrompt = z.infer<typeof LivenessPrompt>;

export const LivenessAck = z
  .object({
    checkId: Id,
    /** Ed25519 signature (64 bytes, base64url) over livenessAckBytes(checkId, nonce, userId). */
    signature: z.string().max(128),
  })
  .strict();
export type LivenessAck = z.infer<typeof LivenessAck>;

export const LIVENESS_OUTCOMES = ['answered', 'late', 'none'] as const;

export const LivenessTargetView = z.object({
  userId: Id,
  name: z.string(),
  state: StateCode,
  outcome: z.enum(LIVENESS_OUTCOMES),
  /** Milliseconds from the prompt to the signed answer. */
  responseMs: z.number().int().nullable(),
});

export const LivenessStateSummary = z.object({
  state: StateCode,
  targets: z.number().int(),
  answered: z.number().int(),
  late: z.number().int(),
  none: z.number().int(),
  medianResponseMs: z.number().int().nullable(),
});

export const LivenessCheckView = z.object({
  id: Id,
  startedBy: Id,
  scope: z.object({ state: StateCode.nullable(), domain: DomainCode.nullable() }),
  startedAt: z.iso.datetime(),
  deadline: z.iso.datetime(),
  /** Started by an admin, or by a schedule (the network's or one state's; see liveness-schedule.ts). */
  origin: z.enum(['manual', 'scheduled']),
  states: z.array(LivenessStateSummary),
  targets: z.array(LivenessTargetView).optional(),
});
export type LivenessCheckView = z.infer<typeof LivenessCheckView>;
