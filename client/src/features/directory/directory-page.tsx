import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';
import {
  EMPTY_FILTER,
  filterFromQuery,
  filterToQuery,
  rememberQuery,
  toSdkFilter,
  type FilterState,
} from './directory-filter';
import { DirectoryFilters } from './directory-filters';
import { EntryTable } from './entry-table';
import { ExportButtons } from './export-buttons';
import { Pager } from './pager';
import { useStates } from './use-states';

const PAGE_SIZE = 25;
const TYPING_PAUSE_MS = 300;

/** Search the directory: filters, free text, sort and pages; the filter lives in the address too. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const client = useClient();
  const states = useStates();
  const [filter, setFilter] = useState<FilterState>(() => filterFromQuery(window.location.search));
  const [query, setQuery] = useState(filter.q);
  const results = useLoaded(
    useCallback(() => client.directory.search(toSdkFilter(filter, PAGE_SIZE)), [client, filter]),
  );

  // Replace, not push: each keystroke is not a step worth going Back to.
  useEffect(() => {
    const query = filterToQuery(filter);
    rememberQuery(query);
    window.history.replaceState(null, '', `/directory${query}`);
  }, [filter]);
  useEffect(() => {
    if (query === filter.q) return undefined;
    const timer = setTimeout(() => setFilter((current) => ({ ...current, q: query, page: 1 })), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, filter.q]);

  // Any change of the filter starts again at page 1; only the pager moves pages.
  const change = (patch: Partial<FilterState>): void => setFilter((current) => ({ ...current, ...patch, page: 1 }));
  const reset = (): void => {
    setQuery('');
    setFilter(EMPTY_FILTER);
  };
  const page = results.data;

  return (
    <>
      <div className="page-title">
        <h2>{t('directory.title')}</h2>
        <ExportButtons />
      </div>
      <p>{t('directory.intro')}</p>
      <DirectoryFilters
        filter={filter}
        query={query}
        states={states}
        onChange={change}
        onQuery={setQuery}
        onReset={reset}
      />
      <FormError error={results.error ?? states.error} />
      {!page ? (
        <p>{t('common.loading')}</p>
      ) : (
        <section aria-live="polite">
          <p className="result-count" data-testid="result-count" data-total={page.total}>
            {t('directory.resultCount', { count: page.total })}
          </p>
          {page.entries.length === 0 ? (
            <p className="card">{t('directory.noResults')}</p>
          ) : (
            <EntryTable entries={page.entries} stateName={states.name} />
          )}
          {page.total > PAGE_SIZE && (
            <Pager
              page={page.page}
              pageSize={page.pageSize}
              total={page.total}
              onPage={(next) => setFilter((current) => ({ ...current, page: next }))}
            />
          )}
        </section>
      )}
    </>
  );
}
