import { useTranslation } from 'react-i18next';
import { FOCAL_ROLES, SEARCH_SORTS } from '../../../../shared/schemas/directory';
import { DomainCode } from '../../../../shared/schemas/labels';
import { useLabels } from '../../components/use-labels';
import { useActiveDomains } from '../../services/domains';
import type { FilterState, TriState } from './directory-filter';
import { sortedLanguages } from './languages';
import { StatePicker } from './state-picker';
import type { States } from './use-states';

const asTri = (value: string): TriState => (value === 'true' || value === 'false' ? value : '');

/** The search form. Every change applies at once (the text after a short pause, see DirectoryPage). */
export function DirectoryFilters({
  filter,
  query,
  states,
  onChange,
  onQuery,
  onReset,
}: {
  filter: FilterState;
  /** The search text as typed (applied after a pause). */
  query: string;
  states: States;
  onChange: (patch: Partial<FilterState>) => void;
  onQuery: (text: string) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const domains = useActiveDomains();
  const role = (value: string): FilterState['role'] => FOCAL_ROLES.find((r) => r === value) ?? '';
  const sort = (value: string): FilterState['sort'] => SEARCH_SORTS.find((s) => s === value) ?? 'name';
  return (
    <form
      className="card directory-filters"
      role="search"
      aria-label={t('directory.filters.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      <label className="filter-q">
        {t('directory.filters.q')}
        <input
          type="search"
          name="q"
          value={query}
          maxLength={100}
          placeholder={t('directory.filters.qPlaceholder')}
          onChange={(e) => onQuery(e.target.value)}
        />
      </label>
      <div className="filter-grid">
        <label>
          {t('directory.filters.domain')}
          <select
            name="domain"
            value={filter.domain}
            onChange={(e) => onChange({ domain: DomainCode.safeParse(e.target.value).data ?? '' })}
          >
            <option value="">{t('directory.filters.anyDomain')}</option>
            {domains.map(({ code }) => (
              <option key={code} value={code}>
                {labels.domain(code)}
              </option>
            ))}
            {/* A domain from the address that this tab's list does not hold (yet): still shown as chosen. */}
            {filter.domain && !domains.some(({ code }) => code === filter.domain) && (
              <option value={filter.domain}>{labels.domain(filter.domain)}</option>
            )}
          </select>
        </label>
        <label>
          {t('directory.filters.language')}
          <select name="language" value={filter.language} onChange={(e) => onChange({ language: e.target.value })}>
            <option value="">{t('directory.filters.anyLanguage')}</option>
            {sortedLanguages(labels.language).map((language) => (
              <option key={language.code} value={language.code}>
                {language.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('directory.filters.role')}
          <select name="role" value={filter.role} onChange={(e) => onChange({ role: role(e.target.value) })}>
            <option value="">{t('directory.filters.anyRole')}</option>
            {FOCAL_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`directory.role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('directory.filters.availability')}
          <select
            name="available24x7"
            value={filter.available24x7}
            onChange={(e) => onChange({ available24x7: asTri(e.target.value) })}
          >
            <option value="">{t('directory.filters.any')}</option>
            <option value="true">{t('directory.filters.only24x7')}</option>
            <option value="false">{t('directory.filters.not24x7')}</option>
          </select>
        </label>
        <label>
          {t('directory.filters.freshness')}
          <select name="stale" value={filter.stale} onChange={(e) => onChange({ stale: asTri(e.target.value) })}>
            <option value="">{t('directory.filters.any')}</option>
            <option value="false">{t('directory.filters.currentOnly')}</option>
            <option value="true">{t('directory.filters.staleOnly')}</option>
          </select>
        </label>
        <label>
          {t('directory.filters.sort')}
          <select name="sort" value={filter.sort} onChange={(e) => onChange({ sort: sort(e.target.value) })}>
            {SEARCH_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`directory.sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="filter-states">
        <StatePicker
          states={states.list}
          selected={filter.states}
          name={states.name}
          label={t('directory.filters.states')}
          onChange={(next) => onChange({ states: next })}
        />
        <button type="button" className="link" onClick={onReset}>
          {t('directory.filters.reset')}
        </button>
      </div>
    </form>
  );
}
