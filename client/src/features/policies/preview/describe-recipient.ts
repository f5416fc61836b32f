import {
  describeDecision,
  hasConditions,
  type DescribeLanguage,
  type RecipientDecision,
} from '../../../../../shared/policy/index';

export interface RecipientLines {
  /** "Conditions: …", when the recipient gets the exchange under conditions. */
  conditions: string | undefined;
  /** One line per deciding reason, with its legal basis, without the "XX: " prefix. */
  reasons: string[];
}

/**
 * describeDecision's wording for one recipient. With a single recipient its lines are: overall
 * effect, overall conditions (if any), the recipient's effect, then one line per reason.
 */
export function describeRecipient(recipient: RecipientDecision, lang: DescribeLanguage): RecipientLines {
  const lines = describeDecision(
    { effect: recipient.effect, perRecipient: [recipient], conditions: recipient.conditions },
    lang,
  );
  const prefix = `${recipient.state}: `;
  const reasons = recipient.reasons.length === 0 ? [] : lines.slice(-recipient.reasons.length);
  return {
    conditions: hasConditions(recipient.conditions) ? lines[1] : undefined,
    reasons: reasons.map((line) => (line.startsWith(prefix) ? line.slice(prefix.length) : line)),
  };
}
