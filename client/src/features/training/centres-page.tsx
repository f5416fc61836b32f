import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import type { CentreQuery, CentreView } from '../../../../shared/schemas/training';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { useActiveDomains } from '../../services/domains';
import { useTrainingWords } from './training-labels';

/** Centres of Excellence, filtered by domain, subject, language and state. */
export function CentresPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const [query, setQuery] = useState<CentreQuery>({});
  const centres = useLoaded(useCallback(() => client.training.centres(query), [client, query]));
  const set = (key: keyof CentreQuery, value: string): void => {
    const next = { ...query };
    if (value.trim()) next[key] = value.trim();
    else delete next[key];
    setQuery(next);
  };
  return (
    <>
      <h2>{t('training.centres.title')}</h2>
      <p>{t('training.centres.intro')}</p>
      {me.role === 'national-admin' && (
        <p>
          <Link className="button" to="/centres/new" data-testid="add-centre">
            {t('training.centres.add')}
          </Link>
        </p>
      )}
      <CentreFilters query={query} set={set} clear={() => setQuery({})} />
      <FormError error={centres.error} />
      {!centres.data ? (
        <p>{t('common.loading')}</p>
      ) : centres.data.centres.length === 0 ? (
        <p className="card" data-testid="no-centres">
          {t('training.centres.empty')}
        </p>
      ) : (
        <ul className="centre-list" data-testid="centre-list">
          {centres.data.centres.map((centre) => (
            <CentreCard key={centre.id} centre={centre} freshnessDays={centres.data?.freshnessDays ?? 0} />
          ))}
        </ul>
      )}
    </>
  );
}

function CentreFilters({
  query,
  set,
  clear,
}: {
  query: CentreQuery;
  set: (key: keyof CentreQuery, value: string) => void;
  clear: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const domains = useActiveDomains();
  return (
    <fieldset className="card centre-filters">
      <legend>{t('training.centres.filters')}</legend>
      <label>
        {t('training.request.domain')}
        <select name="domain" value={query.domain ?? ''} onChange={(e) => set('domain', e.target.value)}>
          <option value="">{t('training.centres.anyDomain')}</option>
          {domains.map((domain) => (
            <option key={domain.code} value={domain.code}>
              {labels.domain(domain.code)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('training.centres.subject')}
        <input
          name="subject"
          defaultValue={query.subject ?? ''}
          title={t('training.centres.subjectHint')}
          onBlur={(e) => set('subject', e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && set('subject', e.currentTarget.value)}
        />
      </label>
      <label>
        {t('training.centres.language')}
        <input
          name="language"
          size={4}
          maxLength={2}
          defaultValue={query.language ?? ''}
          onBlur={(e) => set('language', e.target.value.toLowerCase())}
          onKeyDown={(e) => e.key === 'Enter' && set('language', e.currentTarget.value.toLowerCase())}
        />
      </label>
      <label>
        {t('training.centre.state')}
        <select name="state" value={query.state ?? ''} onChange={(e) => set('state', e.target.value)}>
          <option value="">{t('training.centres.anyState')}</option>
          {labels.sortedStates().map((state) => (
            <option key={state.code} value={state.code}>
              {labels.state(state.code)}
            </option>
          ))}
        </select>
      </label>
      {Object.keys(query).length > 0 && (
        <button type="button" className="secondary" onClick={clear}>
          {t('training.centres.clear')}
        </button>
      )}
    </fieldset>
  );
}

function CentreCard({ centre, freshnessDays }: { centre: CentreView; freshnessDays: number }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const words = useTrainingWords();
  const name = labels.language === 'ru' && centre.name.ru ? centre.name.ru : centre.name.en;
  return (
    <li className="card centre-card" data-testid="centre-card">
      <h3>
        <Link to={`/centres/${centre.id}`}>{name}</Link>
      </h3>
      <p className="detail">
        {labels.state(centre.state)} · {labels.domains(centre.domains)}
      </p>
      <p className="centre-tags">
        {centre.subjects.map((subject) => (
          <span key={subject} className="badge">
            {subject}
          </span>
        ))}
      </p>
      <p className="detail">
        {centre.languages.join(', ')} · {centre.formats.map(words.format).join(', ')} ·{' '}
        {centre.hostsForeignParticipants ? t('training.centres.foreign') : t('training.centres.noForeign')}
      </p>
      {centre.stale && (
        <p className="badge warning" data-testid="centre-stale">
          {t('training.centres.stale', { days: freshnessDays })}
        </p>
      )}
    </li>
  );
}
