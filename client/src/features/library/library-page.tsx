import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIBRARY_KINDS } from '../../../../shared/schemas/library';
import { FormError } from '../../components/form-error';
import { useLoaded } from '../../hooks/use-loaded';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { ItemCard } from './item-card';
import { searchIndex } from './search-index';
import { useDomains } from './use-domain-names';
import './library.css';

const refsFromQuery = (): { eventId?: string; proposalId?: string } => {
  const query = new URLSearchParams(window.location.search);
  const eventId = query.get('event') ?? undefined;
  const proposalId = query.get('proposal') ?? undefined;
  return { ...(eventId ? { eventId } : {}), ...(proposalId ? { proposalId } : {}) };
};

/** What the person can read, decrypted here, searched here; `?event=` or `?proposal=` narrows it. */
export function LibraryPage() {
  const { t } = useTranslation();
  const client = useClient();
  const { nameOf } = useDomains();
  const [refs] = useState(refsFromQuery);
  const items = useLoaded(useCallback(() => client.library.list(refs), [client, refs]));
  const [query, setQuery] = useState('');
  const [domain, setDomain] = useState('');
  const [kind, setKind] = useState('');
  const [language, setLanguage] = useState('');
  const [tag, setTag] = useState('');

  // Quietly shares the shelf keys this browser holds with readers who joined since: nobody waits on the uploader.
  useEffect(() => {
    client.library.shareWithNewcomers().catch(() => undefined);
  }, [client]);

  const all = useMemo(() => items.data ?? [], [items.data]);
  const search = useMemo(() => searchIndex(all), [all]);
  const options = (values: Array<string | null | undefined>) =>
    [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
  const tags = options(all.flatMap((item) => (item.latest.state === 'open' ? item.latest.tags : [])));
  const shown = search(query).filter(
    (item) =>
      (!domain || item.domain === domain) &&
      (!kind || item.kind === kind) &&
      (!language || item.language === language) &&
      (!tag || (item.latest.state === 'open' && item.latest.tags.includes(tag))),
  );
  const newHref = refs.eventId
    ? `/library/new?event=${encodeURIComponent(refs.eventId)}`
    : refs.proposalId
      ? `/library/new?proposal=${encodeURIComponent(refs.proposalId)}`
      : '/library/new';

  return (
    <>
      <h2>{t('library.title')}</h2>
      <p>{t('library.intro')}</p>
      {(refs.eventId ?? refs.proposalId) && (
        <p className="card">
          {refs.eventId ? t('library.forEvent') : t('library.forProposal')}:{' '}
          <code>{refs.eventId ?? refs.proposalId}</code> <a href="/library">{t('library.showAll')}</a>
        </p>
      )}
      <p>
        <Link to={newHref} className="button primary">
          {t('library.publish')}
        </Link>
      </p>
      <div className="library-search" role="search">
        <label htmlFor="library-query">{t('library.search')}</label>
        <input
          id="library-query"
          type="search"
          value={query}
          aria-describedby="library-query-hint"
          onChange={(event) => setQuery(event.target.value)}
        />
        <span id="library-query-hint" className="hint">
          {t('library.searchHint')}
        </span>
      </div>
      <fieldset className="library-filters">
        <legend>{t('library.filters')}</legend>
        <select aria-label={t('library.domain')} value={domain} onChange={(e) => setDomain(e.target.value)}>
          <option value="">{t('library.anyDomain')}</option>
          {options(all.map((item) => item.domain)).map((code) => (
            <option key={code} value={code}>
              {nameOf(code)}
            </option>
          ))}
        </select>
        <select aria-label={t('library.kind')} value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">{t('library.anyKind')}</option>
          {LIBRARY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`library.kinds.${k}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('library.language')} value={language} onChange={(e) => setLanguage(e.target.value)}>
          <option value="">{t('library.anyLanguage')}</option>
          {options(all.map((item) => item.language)).map((code) => (
            <option key={code} value={code}>
              {code.toUpperCase()}
            </option>
          ))}
        </select>
        <select aria-label={t('library.tag')} value={tag} onChange={(e) => setTag(e.target.value)}>
          <option value="">{t('library.anyTag')}</option>
          {tags.map((value) => (
            <option key={value} value={value}>
              #{value}
            </option>
          ))}
        </select>
      </fieldset>
      <FormError error={items.error} />
      {!items.data ? (
        <p>{t('common.loading')}</p>
      ) : all.length === 0 ? (
        <p className="card" data-testid="library-empty">
          {t('library.empty')}
        </p>
      ) : shown.length === 0 ? (
        <p className="card">{t('library.noMatch')}</p>
      ) : (
        shown.map((item) => <ItemCard key={item.id} item={item} domainName={nameOf} />)
      )}
    </>
  );
}
