import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PolicyRule } from '../../../../shared/schemas/policy';
import { usePolicyLabels, type PolicyLabels } from './use-policy-labels';

function counterpartText(rule: PolicyRule, own: string | null, l: PolicyLabels, t: TFunction): string {
  const counterparts = rule.counterparts;
  if (counterparts === undefined) return t('policies.summary.anyState');
  if (Array.isArray(counterparts)) return counterparts.map((code) => l.state(code)).join(', ');
  // An exclusion also covers states admitted later; the own state among the exceptions reads as "other".
  const excluded = counterparts.except.filter((code) => code !== own);
  const names = excluded.map((code) => l.state(code)).join(', ');
  if (own !== null && counterparts.except.includes(own)) {
    return excluded.length === 0
      ? t('policies.summary.allOtherStates')
      : t('policies.summary.allExcept', { states: names });
  }
  return t('policies.summary.allMemberStatesExcept', { states: names });
}

/** A rule in words, in the current language: what it does, to what, on which legal basis. */
export function RuleSummary({
  rule,
  state,
  showPublished = false,
}: {
  rule: PolicyRule;
  state: string;
  showPublished?: boolean;
}) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  const list = (items: readonly string[] | undefined, word: (code: string) => string): string =>
    items === undefined ? t('policies.summary.any') : items.map(word).join(', ');
  const conditions = rule.conditions ? l.conditions(rule.conditions) : [];
  return (
    <div className="rule-summary" data-rule-id={rule.id} data-effect={rule.effect}>
      <p className="rule-headline">
        <span className={`effect-badge ${rule.effect}`}>
          {t(`policies.summary.action.${rule.direction}.${rule.effect}`)}
        </span>{' '}
        <code className="rule-id">{rule.id}</code>
        {showPublished && (
          <span className={`badge ${rule.published === true ? 'active' : ''}`}>
            {rule.published === true ? t('policies.summary.published') : t('policies.summary.unpublished')}
          </span>
        )}
      </p>
      <dl className="facts compact">
        <dt>{t('policies.summary.domains')}</dt>
        <dd>{list(rule.domains, l.domain)}</dd>
        <dt>{t('policies.summary.categories')}</dt>
        <dd>{list(rule.categories, l.category)}</dd>
        <dt>{t('policies.summary.classifications')}</dt>
        <dd>{list(rule.classifications, l.classification)}</dd>
        <dt>{t(`policies.summary.counterparts.${rule.direction}`)}</dt>
        <dd data-testid="rule-counterparts">{counterpartText(rule, state, l, t)}</dd>
        <dt>{t('policies.summary.kinds')}</dt>
        <dd>{list(rule.kinds, l.kind)}</dd>
        {conditions.length > 0 && (
          <>
            <dt>{t('policies.summary.conditions')}</dt>
            <dd>{conditions.join('; ')}</dd>
          </>
        )}
        {(rule.validFrom !== undefined || rule.validUntil !== undefined) && (
          <>
            <dt>{t('policies.summary.validity')}</dt>
            <dd>
              {[
                rule.validFrom !== undefined ? t('policies.summary.from', { date: l.date(rule.validFrom) }) : '',
                rule.validUntil !== undefined ? t('policies.summary.until', { date: l.date(rule.validUntil) }) : '',
              ]
                .filter(Boolean)
                .join(' ')}
            </dd>
          </>
        )}
        <dt>{t('policies.summary.legalBasis')}</dt>
        <dd className="legal-basis">{l.legalBasis(rule.legalBasis)}</dd>
      </dl>
    </div>
  );
}
