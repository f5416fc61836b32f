import { useTranslation } from 'react-i18next';
import type { LegalBasis, PolicyConditions, PolicyDirection, PolicyEffect } from '../../../../shared/schemas/policy';
import { useLabels } from '../../components/use-labels';
import { keyFor } from '../../i18n/keys';

/** Words for the policy vocabulary in the current language. */
export function usePolicyLabels() {
  const { t } = useTranslation();
  const labels = useLabels();
  const v = (key: string): string => t(keyFor('policies.vocab', key));
  return {
    ...labels,
    effect: (effect: PolicyEffect): string => v(`effect.${effect}`),
    /** An effect as the outcome of a decision: "denied" rather than "deny". */
    outcome: (effect: PolicyEffect): string => v(`outcome.${effect}`),
    direction: (direction: PolicyDirection): string => v(`direction.${direction}`),
    /** The direction inside a phrase about a rule ("outbound rule", "правило для исходящих"). */
    ruleDirection: (direction: PolicyDirection): string => v(`ruleDirection.${direction}`),
    category: (code: string): string => v(`category.${code}`),
    classification: (code: string): string => v(`classification.${code}`),
    handling: (code: string): string => v(`handling.${code}`),
    // i18next reads ':' as a namespace separator: request kinds are nested under `request`.
    kind: (kind: string): string => v(`kind.${kind.replace(':', '.')}`),
    /** The Russian legal basis in Russian when there is one, else the English text. */
    legalBasis: (basis: LegalBasis): string => (labels.language === 'ru' ? (basis.ru ?? basis.en) : basis.en),
    conditions: (c: PolicyConditions): string[] => [
      ...(c.minHandling !== undefined ? [t('policies.summary.minHandling', { code: c.minHandling })] : []),
      ...(c.noOnwardDissemination === true ? [t('policies.summary.noOnwardDissemination')] : []),
      ...(c.notAsEvidence === true ? [t('policies.summary.notAsEvidence')] : []),
      ...(c.retentionDays !== undefined ? [t('policies.summary.retentionDays', { days: c.retentionDays })] : []),
    ],
  };
}

export type PolicyLabels = ReturnType<typeof usePolicyLabels>;
