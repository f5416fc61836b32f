import { useTranslation } from 'react-i18next';
import { PolicyRefusal } from '../../../../shared/policy/index';
import { ApiError } from '../../../sdk/index';
import { Link } from '../../router/link';
import { usePolicyLabels } from '../policies/use-policy-labels';

/** The server's refusal of an exchange as data, when `error` is one (see shared/policy/policy-refusal). */
export function policyRefusalOf(error: unknown): PolicyRefusal | undefined {
  if (!(error instanceof ApiError) || error.code !== 'policy.denied') return undefined;
  return PolicyRefusal.safeParse(error.details).data;
}

/**
 * A refused message in plain words: which state's restriction refused it and on what legal basis
 * (or that the restriction is not published), and what the person can legitimately do next.
 * Never "change the labels": a label is a fact about the information, not a way past a legal limit.
 */
export function PolicyRefusalNotice({ refusal }: { refusal: PolicyRefusal }) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  return (
    <div className="card warning" role="alert" data-testid="policy-refusal">
      <p>
        <strong>{t('messaging.refusal.title')}</strong>
      </p>
      <ul>
        {refusal.refusals.flatMap(({ recipientState, by }) =>
          by.map((rule, i) => (
            <li key={`${recipientState}-${rule.state}-${rule.direction}-${i}`} data-testid="refusal-reason">
              {rule.published && rule.legalBasis
                ? t('messaging.refusal.rule', {
                    recipient: l.state(recipientState),
                    state: l.state(rule.state),
                    rule: l.ruleDirection(rule.direction),
                    basis: l.legalBasis(rule.legalBasis),
                  })
                : t('messaging.refusal.unpublished', {
                    recipient: l.state(recipientState),
                    state: l.state(rule.state),
                  })}
            </li>
          )),
        )}
      </ul>
      <p>{t('messaging.refusal.next')}</p>
      <p>
        <Link to="/requests/new">{t('messaging.refusal.makeRequest')}</Link>
      </p>
    </div>
  );
}
