import { useTranslation } from 'react-i18next';
import type { FullPolicyView } from '../../../../../shared/schemas/policy-api';
import { RuleSummary } from '../rule-summary';
import { SignatureCheck } from './signature-check';
import { usePolicyLabels } from '../use-policy-labels';
import { useScrollIntoView } from '../use-scroll-into-view';
import { useUserNames } from '../use-user-names';

/** One version in full, its signature re-checked on this device. */
export function VersionView({ view }: { view: FullPolicyView }) {
  const { t } = useTranslation();
  const name = useUserNames();
  const l = usePolicyLabels();
  const ref = useScrollIntoView<HTMLElement>(view);
  const { policy } = view;
  return (
    <section ref={ref} className="card" data-testid="version-view" aria-labelledby="version-view-title">
      <h3 id="version-view-title">{t('policies.history.viewTitle', { version: policy.version })}</h3>
      <p>
        {t('policies.own.version', {
          version: policy.version,
          date: l.date(view.createdAt),
          effect: l.outcome(policy.defaultEffect),
        })}
      </p>
      <p className="detail small">
        {t('policies.history.signature')}: <span className="mono">{view.signature.slice(0, 24)}…</span>{' '}
        <SignatureCheck view={view} />
      </p>
      {view.cosignature && (
        <p className="detail small" data-testid="cosignature">
          {t('policies.history.cosignature')} ({name(view.cosignature.signedBy.userId)}, {l.date(view.cosignature.at)}):{' '}
          <span className="mono">{view.cosignature.signature.slice(0, 24)}…</span> <SignatureCheck view={view} second />
        </p>
      )}
      {policy.rules.length === 0 ? (
        <p>{t('policies.editor.noRules')}</p>
      ) : (
        policy.rules.map((rule) => <RuleSummary key={rule.id} rule={rule} state={policy.state} showPublished />)
      )}
    </section>
  );
}
