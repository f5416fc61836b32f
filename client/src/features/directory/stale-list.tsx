import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';
import { Bilingual } from './bilingual';
import { entryPath } from './entry-table';

/** Entries overdue for reconfirmation, oldest first: the state's own (national admins) or all (secretariat). */
export function StaleList({ stateName }: { stateName: (code: string) => string }) {
  const { t } = useTranslation();
  const client = useClient();
  const labels = useLabels();
  const stale = useLoaded(useCallback(() => client.directory.stale(), [client]));
  return (
    <section className="card" aria-labelledby="stale-title" data-testid="stale-list">
      <h3 id="stale-title">{t('directory.manage.staleTitle')}</h3>
      <p>{t('directory.manage.staleIntro')}</p>
      <FormError error={stale.error} />
      {!stale.data ? (
        <p>{t('common.loading')}</p>
      ) : stale.data.length === 0 ? (
        <p className="success">{t('directory.manage.noStale')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('directory.columns.name')}</th>
              <th>{t('directory.columns.state')}</th>
              <th>{t('directory.columns.domains')}</th>
              <th>{t('directory.fields.lastConfirmed')}</th>
            </tr>
          </thead>
          <tbody>
            {stale.data.map((entry) => (
              <tr key={entry.userId} data-user-id={entry.userId}>
                <td>
                  <Link to={entryPath(entry.userId)}>
                    <Bilingual text={entry.name} />
                  </Link>
                </td>
                <td>{stateName(entry.state)}</td>
                <td className="small">{labels.domains(entry.domains)}</td>
                <td>{labels.date(entry.lastConfirmedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
