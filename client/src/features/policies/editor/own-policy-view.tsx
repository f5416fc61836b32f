import { useTranslation } from 'react-i18next';
import type { FullPolicyView } from '../../../../../shared/schemas/policy-api';
import { Link } from '../../../router/link';
import { RuleSummary } from '../rule-summary';
import { usePolicyLabels } from '../use-policy-labels';

/** The own state's policy in full, read-only (focal points: they apply it, admins write it). */
export function OwnPolicyView({ state, view }: { state: string; view: FullPolicyView | null }) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  return (
    <>
      <h2>{t('policies.editor.title', { state: l.state(state) })}</h2>
      {view === null ? (
        <p className="card notice">{t('policies.editor.noPolicy')}</p>
      ) : (
        <section className="card own-policy" data-testid="own-policy">
          <p>
            {t('policies.own.version', {
              version: view.policy.version,
              date: l.date(view.createdAt),
              effect: l.outcome(view.policy.defaultEffect),
            })}
          </p>
          {view.policy.rules.length === 0 ? (
            <p>{t('policies.editor.noRules')}</p>
          ) : (
            view.policy.rules.map((rule) => <RuleSummary key={rule.id} rule={rule} state={state} showPublished />)
          )}
        </section>
      )}
      <p className="page-links">
        <Link to="/policies/preview">{t('policies.nav.preview')}</Link>
      </p>
    </>
  );
}
