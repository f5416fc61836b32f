import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import type { PublishedPolicyView } from '../../../../shared/schemas/policy-api';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';
import { RuleSummary } from './rule-summary';
import { usePolicyLabels } from './use-policy-labels';

function StatePolicy({ view, own }: { view: PublishedPolicyView; own: boolean }) {
  const { t } = useTranslation();
  const l = usePolicyLabels();
  const outbound = view.rules.filter((rule) => rule.direction === 'outbound');
  const inbound = view.rules.filter((rule) => rule.direction === 'inbound');
  return (
    <article
      className="card state-policy"
      data-testid="state-policy"
      data-state={view.state}
      aria-labelledby={`state-policy-${view.state}`}
    >
      <h3 id={`state-policy-${view.state}`}>
        {l.state(view.state)} {own && <span className="badge">{t('policies.states.yours')}</span>}
      </h3>
      <p className="detail">
        {t('policies.states.version', { version: view.version, date: l.date(view.createdAt) })} ·{' '}
        {t('policies.states.default', { effect: l.outcome(view.defaultEffect) })}
      </p>
      {view.rules.length === 0 && <p>{t('policies.states.noRules')}</p>}
      {outbound.length > 0 && (
        <>
          <h4>{t('policies.states.outbound')}</h4>
          {outbound.map((rule) => (
            <RuleSummary key={rule.id} rule={rule} state={view.state} />
          ))}
        </>
      )}
      {inbound.length > 0 && (
        <>
          <h4>{t('policies.states.inbound')}</h4>
          {inbound.map((rule) => (
            <RuleSummary key={rule.id} rule={rule} state={view.state} />
          ))}
        </>
      )}
    </article>
  );
}

/** What each state declares it does not share or accept: its published rules, for everyone signed in. */
export function PublishedPoliciesPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const l = usePolicyLabels();
  const policies = useLoaded(useCallback(() => client.policies.listPublished(), [client]));
  const [filter, setFilter] = useState('');
  const list = (policies.data ?? [])
    .filter((view) => filter === '' || view.state === filter)
    .sort((a, b) => l.state(a.state).localeCompare(l.state(b.state), l.language));
  return (
    <>
      <h2>{t('policies.states.title')}</h2>
      <p>{t('policies.states.intro')}</p>
      <p className="warning">{t('policies.states.unpublishedNote')}</p>
      <label className="inline">
        {t('policies.states.filter')}{' '}
        <select name="state-filter" value={filter} onChange={(e) => setFilter(e.target.value)}>
          <option value="">{t('policies.states.all')}</option>
          {(policies.data ?? [])
            .map((view) => view.state)
            .sort((a, b) => l.state(a).localeCompare(l.state(b), l.language))
            .map((code) => (
              <option key={code} value={code}>
                {l.state(code)}
              </option>
            ))}
        </select>
      </label>
      <FormError error={policies.error} />
      {!policies.data ? (
        <p>{t('common.loading')}</p>
      ) : list.length === 0 ? (
        <p className="card">{t('policies.states.none')}</p>
      ) : (
        list.map((view) => <StatePolicy key={view.state} view={view} own={view.state === me.state} />)
      )}
    </>
  );
}
