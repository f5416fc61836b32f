import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { USER_STATUSES, UserStatus, type UserView } from '../../../../shared/schemas/accounts';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useClient } from '../../services/client-context';
import { PersonRow } from './person-row';
import { useLoaded } from '../../hooks/use-loaded';
import { usePeopleUpdates } from './use-people-updates';

const FILTERS = USER_STATUSES.filter((status) => status !== 'removed');

export function PeoplePage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const labels = useLabels();
  const [status, setStatus] = useState<UserStatus | ''>('');
  const people = useLoaded(useCallback(() => client.users.list(status ? { status } : {}), [client, status]));
  usePeopleUpdates(people.reload);
  return (
    <>
      <h2>{t('admin.people.title')}</h2>
      <label className="inline">
        {t('admin.people.filter')}{' '}
        <select
          name="status-filter"
          value={status}
          onChange={(e) => setStatus(UserStatus.safeParse(e.target.value).data ?? '')}
        >
          <option value="">{t('admin.people.all')}</option>
          {FILTERS.map((s) => (
            <option key={s} value={s}>
              {labels.userStatus(s)}
            </option>
          ))}
        </select>
      </label>
      <FormError error={people.error} />
      {!people.data ? (
        <p>{t('common.loading')}</p>
      ) : people.data.length === 0 ? (
        <p className="card">{t('admin.people.empty')}</p>
      ) : (
        <table className="card" data-testid="people-list">
          <thead>
            <tr>
              <th>{t('admin.people.name')}</th>
              <th>{t('admin.people.role')}</th>
              <th>{t('admin.people.state')}</th>
              <th>{t('admin.people.domains')}</th>
              <th>{t('admin.people.status')}</th>
              <th>{t('admin.people.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {people.data.map((person) => (
              <PersonRow key={person.id} me={me} person={person} onChanged={people.reload} />
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
