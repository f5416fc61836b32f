import type { PolicyConditions } from '../schemas/policy.js';
import { DEFAULT_RULE_ID, NO_POLICY_RULE_ID, UNPUBLISHED_RULE_ID, type Decision, type Reason } from './decision.js';
import { DESCRIBE_MESSAGES, type DescribeLanguage, type DescribeMessages } from './describe-messages.js';

function conditionParts(conditions: PolicyConditions, m: DescribeMessages): string[] {
  const parts: string[] = [];
  if (conditions.minHandling !== undefined) parts.push(m.minHandling(conditions.minHandling));
  if (conditions.noOnwardDissemination === true) parts.push(m.noOnwardDissemination);
  if (conditions.notAsEvidence === true) parts.push(m.notAsEvidence);
  if (conditions.retentionDays !== undefined) parts.push(m.retentionDays(conditions.retentionDays));
  return parts;
}

function sourceOf(reason: Reason, m: DescribeMessages): string {
  if (reason.ruleId === NO_POLICY_RULE_ID || reason.policyVersion === null) return m.noPolicy(reason.state);
  if (reason.ruleId === UNPUBLISHED_RULE_ID) return m.unpublished(reason.state);
  if (reason.ruleId === DEFAULT_RULE_ID) return m.defaultOf(reason.direction, reason.state, reason.policyVersion);
  return m.rule(reason.direction, reason.ruleId, reason.state, reason.policyVersion);
}

/**
 * Human-readable lines for a decision, in English or Russian: the overall effect, the overall
 * conditions, then per recipient its effect, each deciding reason with its legal basis (the
 * English text when a rule has no Russian one) and, with several recipients, its conditions.
 * Shows what it is given: redact with redactDecision first for a viewer of another state.
 */
export function describeDecision(decision: Decision, lang: DescribeLanguage): string[] {
  const m = DESCRIBE_MESSAGES[lang];
  const lines = [m.overall(m.effect[decision.effect])];
  const overallParts = conditionParts(decision.conditions, m);
  if (overallParts.length > 0) lines.push(m.conditions(overallParts));
  for (const recipient of decision.perRecipient) {
    lines.push(`${recipient.state}: ${m.effect[recipient.effect]}`);
    for (const reason of recipient.reasons) {
      const legalBasis = lang === 'ru' ? (reason.legalBasis.ru ?? reason.legalBasis.en) : reason.legalBasis.en;
      // A redacted reason has no legal basis to show: its source already says it is not published.
      const basis = reason.ruleId === UNPUBLISHED_RULE_ID ? '' : ` ${m.legalBasis(legalBasis)}`;
      lines.push(`${recipient.state}: ${m.effect[reason.effect]} — ${sourceOf(reason, m)}.${basis}`);
    }
    const parts = conditionParts(recipient.conditions, m);
    if (decision.perRecipient.length > 1 && parts.length > 0) lines.push(`${recipient.state}: ${m.conditions(parts)}`);
  }
  return lines;
}
