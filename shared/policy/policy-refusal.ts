import { z } from 'zod';
import { StateCode } from '../schemas/labels.js';
import { LegalBasis, PolicyDirection } from '../schemas/policy.js';
import type { Decision } from './decision.js';

/**
 * What a refused exchange tells its sender, as data (the `details` of a `policy.denied` error):
 * per refused recipient state, the rules that refused it — whose, which way, and their legal basis
 * when the sender may read it. Built from a decision already redacted for the sender, so another
 * state's unpublished rule shows only as "a restriction of <state> (not published)".
 */
export const PolicyRefusal = z.object({
  refusals: z.array(
    z.object({
      recipientState: StateCode,
      by: z.array(
        z.object({
          state: StateCode,
          direction: PolicyDirection,
          published: z.boolean(),
          legalBasis: LegalBasis.optional(),
        }),
      ),
    }),
  ),
});
export type PolicyRefusal = z.infer<typeof PolicyRefusal>;

/** The refusal of a (redacted) decision: only the recipients and reasons that denied. */
export function refusalOf(redacted: Decision, senderState: StateCode): PolicyRefusal {
  return {
    refusals: redacted.perRecipient
      .filter((recipient) => recipient.effect === 'deny')
      .map((recipient) => ({
        recipientState: recipient.state,
        by: recipient.reasons
          .filter((reason) => reason.effect === 'deny')
          .map((reason) => {
            const readable = reason.published || reason.state === senderState;
            return {
              state: reason.state,
              direction: reason.direction,
              published: readable,
              ...(readable ? { legalBasis: reason.legalBasis } : {}),
            };
          }),
      })),
  };
}
