import { useTranslation } from 'react-i18next';
import { LISTED_USER_STATUSES, ROLES, type Role, type UserStatus } from '../../../../shared/schemas/accounts';
import { useLabels } from '../../components/use-labels';

export interface PeopleQuery {
  q: string;
  state: string;
  role: Role | '';
  status: Exclude<UserStatus, 'removed'> | '';
}

export const NO_FILTERS: PeopleQuery = { q: '', state: '', role: '', status: '' };

const pick = <T extends string>(allowed: readonly T[], value: string): T | '' =>
  allowed.find((option) => option === value) ?? '';

/** Search box and filter selects; the state filter only for the secretariat (a national admin sees one state). */
export function PeopleFilters({
  query,
  onChange,
  byState,
}: {
  query: PeopleQuery;
  onChange: (next: PeopleQuery) => void;
  byState: boolean;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <div role="search" className="people-filters" aria-label={t('admin.people.searchRegion')}>
      <label>
        {t('admin.people.search')}
        <input
          type="search"
          name="people-search"
          value={query.q}
          placeholder={t('admin.people.searchHint')}
          onChange={(e) => onChange({ ...query, q: e.target.value })}
        />
      </label>
      {byState && (
        <label>
          {t('admin.people.state')}
          <select
            name="state-filter"
            value={query.state}
            onChange={(e) => onChange({ ...query, state: e.target.value })}
          >
            <option value="">{t('admin.people.allStates')}</option>
            {labels.sortedStates().map((s) => (
              <option key={s.code} value={s.code}>
                {s.name[labels.language]}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('admin.people.role')}
        <select
          name="role-filter"
          value={query.role}
          onChange={(e) => onChange({ ...query, role: pick(ROLES, e.target.value) })}
        >
          <option value="">{t('admin.people.allRoles')}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {labels.role(role)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('admin.people.filter')}
        <select
          name="status-filter"
          value={query.status}
          onChange={(e) => onChange({ ...query, status: pick(LISTED_USER_STATUSES, e.target.value) })}
        >
          <option value="">{t('admin.people.all')}</option>
          {LISTED_USER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {labels.userStatus(s)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
