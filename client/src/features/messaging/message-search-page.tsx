import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { navigate } from '../../router/router';
import { useSession } from '../../services/client-context';
import { ContactName } from './contact-name';
import { conversationKey, mergeMessages, threadPathTo } from './conversation-key';
import {
  isSearchable,
  MIN_QUERY_LENGTH,
  newestFirst,
  queryFromSearch,
  searchHistory,
  searchMessages,
  searchPath,
  snippetOf,
  type SearchMatch,
} from './message-search';
import { useMessaging } from './use-messaging';

/** History pages (of 100 messages) read per click: enough to answer, few enough to stay quick. */
const PAGES_PER_SEARCH = 5;

/** The search box, here and on the conversations page; `onSearch` gets the trimmed query. */
export function MessageSearchForm({ initial = '', onSearch }: { initial?: string; onSearch: (query: string) => void }) {
  const { t } = useTranslation();
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    onSearch(String(new FormData(event.currentTarget).get('q') ?? '').trim());
  };
  return (
    <form className="message-search-form" role="search" onSubmit={submit}>
      <label>
        {t('messaging.search.label')}
        <input type="search" name="q" defaultValue={initial} maxLength={200} />
      </label>
      <button type="submit">{t('messaging.search.button')}</button>
    </form>
  );
}

interface Progress {
  matches: SearchMatch[];
  scanned: number;
  /** Where the next older search starts; absent once history is exhausted. */
  cursor?: { before: string; beforeId: string };
}

/** A search asked for: a new round re-runs the same query (new messages may have come). */
interface Request {
  query: string;
  round: number;
}

/** Search in my messages at /messages/search?q=…: this browser reads and decrypts history, then matches. */
export function MessageSearchPage() {
  const { t } = useTranslation();
  const { date } = useLabels();
  const myId = useSession()?.user.id ?? '';
  const { store, state } = useMessaging();
  const [request, setRequest] = useState<Request>(() => ({ query: queryFromSearch(window.location.search), round: 0 }));
  const [progress, setProgress] = useState<Progress>();
  const [searching, setSearching] = useState(() => isSearchable(request.query));
  const [error, setError] = useState<unknown>();
  // A new form (showing the address's query) after Back/Forward; kept while typing, so focus stays.
  const [formKey, setFormKey] = useState(0);
  // Only the latest search may show its outcome: an earlier one can finish after it.
  const latest = useRef(0);

  // Back and Forward between searches keep the path, so the router does not remount the page.
  useEffect(() => {
    const reread = (): void => {
      setProgress(undefined);
      setRequest((current) => ({ query: queryFromSearch(window.location.search), round: current.round + 1 }));
      setFormKey((current) => current + 1);
    };
    window.addEventListener('popstate', reread);
    return () => window.removeEventListener('popstate', reread);
  }, []);

  // A new request starts afresh: cleared in the same render, so the last outcome never shows under it.
  const [shownRequest, setShownRequest] = useState(request);
  if (shownRequest !== request) {
    setShownRequest(request);
    setProgress(undefined);
    setError(undefined);
    setSearching(isSearchable(request.query));
  }

  /** Reads history for run number `run`; only the latest run may show its outcome. */
  const search = useCallback(
    async (run: number, query: string, from: Progress | undefined): Promise<void> => {
      try {
        const outcome = await searchHistory((filter) => store.history(filter), query, {
          maxPages: PAGES_PER_SEARCH,
          ...from?.cursor,
        });
        if (run !== latest.current) return;
        const { before, beforeId } = outcome;
        setProgress({
          matches: [...(from?.matches ?? []), ...outcome.matches],
          scanned: (from?.scanned ?? 0) + outcome.scanned,
          ...(before !== undefined && beforeId !== undefined ? { cursor: { before, beforeId } } : {}),
        });
      } catch (caught) {
        if (run === latest.current) setError(caught);
      } finally {
        if (run === latest.current) setSearching(false);
      }
    },
    [store],
  );

  useEffect(() => {
    const run = ++latest.current;
    if (isSearchable(request.query)) void search(run, request.query, undefined);
  }, [request, search]);

  const searchOlder = (): void => {
    setSearching(true);
    setError(undefined);
    void search(++latest.current, request.query, progress);
  };

  const ask = (query: string): void => {
    const path = searchPath(query);
    navigate(path, { replace: `${window.location.pathname}${window.location.search}` === path });
    // Cleared with the request in one render, so the last search's outcome never shows under the new query.
    setProgress(undefined);
    setRequest((current) => ({ query, round: current.round + 1 }));
  };

  // Messages that arrived in this tab after the history was read are searched too.
  const results = useMemo((): SearchMatch[] => {
    if (!progress) return [];
    const seen = new Set(progress.matches.map((match) => match.message.id));
    const live = searchMessages(mergeMessages(state.incoming), request.query).filter(
      (match) => !seen.has(match.message.id),
    );
    return [...live, ...progress.matches]
      .sort(newestFirst)
      .filter((match) => conversationKey(match.message, myId) !== '');
  }, [progress, state.incoming, request.query, myId]);

  const tooShort = request.query !== '' && !isSearchable(request.query);
  return (
    <>
      <p>
        <Link to="/messages">{t('messaging.thread.back')}</Link>
      </p>
      <h2>{t('messaging.search.title')}</h2>
      <p className="hint">{t('messaging.search.intro')}</p>
      <MessageSearchForm key={formKey} initial={request.query} onSearch={ask} />
      {tooShort && (
        <p className="warning" role="alert" data-testid="search-too-short">
          {t('messaging.search.tooShort', { min: MIN_QUERY_LENGTH })}
        </p>
      )}
      <FormError error={error} />
      {searching && <p aria-live="polite">{t('messaging.search.searching')}</p>}
      {progress && (
        <section aria-live="polite">
          <p data-testid="search-summary" data-scanned={progress.scanned}>
            {t(progress.cursor ? 'messaging.search.summaryLatest' : 'messaging.search.summaryAll', {
              count: progress.scanned,
              found: results.length,
            })}
          </p>
          {results.length === 0 ? (
            <p className="card" data-testid="search-none">
              {t('messaging.search.none', { query: request.query })}
            </p>
          ) : (
            <ol className="search-results card" data-testid="search-results">
              {results.map((match) => (
                <SearchResult key={match.message.id} match={match} myId={myId} date={date} />
              ))}
            </ol>
          )}
          {progress.cursor && (
            <p className="actions">
              <button type="button" disabled={searching} onClick={searchOlder} data-testid="search-older">
                {t('messaging.search.older')}
              </button>
            </p>
          )}
        </section>
      )}
    </>
  );
}

function SearchResult({ match, myId, date }: { match: SearchMatch; myId: string; date: (iso: string) => string }) {
  const { t } = useTranslation();
  const { message, hit } = match;
  const key = conversationKey(message, myId);
  const snippet = snippetOf(hit);
  return (
    <li data-testid="search-result">
      <Link to={threadPathTo(key, message.msgId)}>
        <span className="search-result-meta">
          {date(message.storedAt)} ·{' '}
          {key.split(',').map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <ContactName userId={id} />
            </span>
          ))}
        </span>
        <span className="search-result-text">
          {message.outgoing && `${t('messaging.thread.me')}: `}
          {hit.in === 'attachment' && `${t('messaging.search.file')}: `}
          {snippet.before}
          <mark>{snippet.hit}</mark>
          {snippet.after}
        </span>
      </Link>
    </li>
  );
}
