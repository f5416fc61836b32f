import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';
import { PersonRow } from './person-row';
import { useLoaded } from '../../hooks/use-loaded';
import { usePeopleUpdates } from './use-people-updates';
import { useSecondApprovals } from '../dual-control/use-second-approvals';
import { NO_FILTERS, PeopleFilters, type PeopleQuery } from './people-filters';
import { PeoplePager } from './people-pager';
import './people.css';

const PAGE_SIZE = 25;
/** Typing waits this long before asking the server, so a name is not searched letter by letter. */
const TYPING_PAUSE_MS = 250;

/** Search, filters and paging run on the server: the network may hold thousands of accounts. */
export function PeoplePage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const [query, setQuery] = useState<PeopleQuery>(NO_FILTERS);
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  useEffect(() => {
    const timer = setTimeout(() => setText(query.q.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query.q]);
  const { state, role, status } = query;
  const people = useLoaded(
    useCallback(
      () =>
        client.users.search({
          ...(text ? { q: text } : {}),
          ...(state ? { state } : {}),
          ...(role ? { role } : {}),
          ...(status ? { status } : {}),
          page,
          pageSize: PAGE_SIZE,
        }),
      [client, text, state, role, status, page],
    ),
  );
  usePeopleUpdates(people.reload);
  const secondApprovals = useSecondApprovals();
  const changed = (): void => {
    people.reload();
    secondApprovals.reload();
  };
  const change = (next: PeopleQuery): void => {
    setQuery(next);
    setPage(1);
  };
  const found = people.data;
  const pages = found ? Math.max(1, Math.ceil(found.total / found.pageSize)) : 1;
  return (
    <>
      <h2>{t('admin.people.title')}</h2>
      <PeopleFilters query={query} onChange={change} byState={me.role === 'network-admin'} />
      <p role="status" data-testid="people-count" data-total={found?.total}>
        {found ? t('admin.people.count', { count: found.total }) : t('common.loading')}
      </p>
      <FormError error={people.error} />
      {found && found.users.length === 0 ? (
        <p className="card">{query === NO_FILTERS ? t('admin.people.empty') : t('admin.people.noMatch')}</p>
      ) : (
        found && (
          <div className="table-scroll">
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
                {found.users.map((person) => (
                  <PersonRow
                    key={person.id}
                    me={me}
                    person={person}
                    awaiting={secondApprovals.bySubject.get(person.id)}
                    onChanged={changed}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
      <PeoplePager page={found?.page ?? page} pages={pages} onPage={setPage} />
    </>
  );
}
