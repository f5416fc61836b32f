import type { StateCode } from '../schemas/labels.js';
import { UNPUBLISHED_RULE_ID, type Decision, type Reason, type RecipientDecision } from './decision.js';
import { UNPUBLISHED_LEGAL_BASIS } from './engine-legal-basis.js';

const keyOf = (reason: Reason): string => `${reason.state}/${reason.direction}/${reason.effect}`;

function redactReasons(reasons: readonly Reason[], viewerState: StateCode | null): Reason[] {
  const out: Reason[] = [];
  const redacted = new Set<string>();
  for (const reason of reasons) {
    if (reason.published || reason.state === viewerState) {
      out.push(reason);
      continue;
    }
    // One stand-in per state, direction and effect: neither the rules nor their number show.
    const key = keyOf(reason);
    if (redacted.has(key)) continue;
    redacted.add(key);
    out.push({
      state: reason.state,
      policyVersion: reason.policyVersion,
      ruleId: UNPUBLISHED_RULE_ID,
      direction: reason.direction,
      effect: reason.effect,
      legalBasis: UNPUBLISHED_LEGAL_BASIS,
      published: false,
    });
  }
  return out;
}

/**
 * The decision as `viewerState`'s people may see it (`null`: the secretariat, which reads no
 * state's unpublished rules): reasons from another state's unpublished rules lose their rule id
 * and legal basis and become one "restriction of <state> (not published)" per state, direction
 * and effect. Effects, conditions and policy versions are unchanged — the sender must still
 * know what applies and must meet the conditions. The viewer's own rules and published rules
 * stay fully explained. Returns a new object; the input is not changed.
 */
export function redactDecision(decision: Decision, viewerState: StateCode | null): Decision {
  const perRecipient: RecipientDecision[] = decision.perRecipient.map((recipient) => ({
    ...recipient,
    reasons: redactReasons(recipient.reasons, viewerState),
  }));
  return { ...decision, perRecipient };
}
