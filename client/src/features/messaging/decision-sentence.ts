import type { Decision } from '../../../../shared/policy/index';
import type { TFunction } from 'i18next';
import type { PolicyLabels } from '../policies/use-policy-labels';

/**
 * The policy decision on a message being written, as one sentence: what happens and because of
 * whom, with the legal basis of the first rule that decided it. The full reasons stay on demand.
 */
export function decisionSentence(decision: Decision, t: TFunction, l: PolicyLabels): string {
  const deciding = decision.perRecipient.filter((recipient) => recipient.effect === decision.effect);
  const states = deciding.map((recipient) => l.state(recipient.state)).join(', ');
  const first = deciding.flatMap((recipient) => recipient.reasons).find((reason) => reason.effect === decision.effect);
  const basis = first ? l.legalBasis(first.legalBasis) : '';
  switch (decision.effect) {
    case 'allow':
      return t('messaging.decision.allow', { states });
    case 'conditions':
      return t('messaging.decision.conditions', { states, conditions: l.conditions(decision.conditions).join('; ') });
    case 'approve':
      return t('messaging.decision.approve', { states, basis });
    case 'deny':
      return t('messaging.decision.deny', { states, basis });
  }
}
