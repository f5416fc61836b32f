import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceivedMessage } from '../../../sdk/index';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { navigate } from '../../router/router';
import { useSession } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';
import { ContactName } from './contact-name';
import { conversationKey, mergeMessages, threadPath, unreadCount } from './conversation-key';
import { searchPath } from './message-search';
import { MessageSearchForm } from './message-search-page';
import { useMessaging } from './use-messaging';

interface Conversation {
  key: string;
  last: ReceivedMessage;
  unread: number;
}

/** Conversations, newest first: the latest page of history plus what arrived in this tab. */
export function ConversationsPage() {
  const { t } = useTranslation();
  const { date } = useLabels();
  const myId = useSession()?.user.id ?? '';
  const { store, state } = useMessaging();
  const history = useLoaded(useCallback(() => store.history({ limit: 100 }), [store]));

  const conversations = useMemo((): Conversation[] => {
    const byKey = new Map<string, Conversation>();
    for (const message of mergeMessages(history.data?.messages ?? [], state.incoming)) {
      const key = conversationKey(message, myId);
      if (key === '') continue;
      const unread = unreadCount([message], state.receipted, myId);
      const current = byKey.get(key);
      byKey.set(key, { key, last: message, unread: (current?.unread ?? 0) + unread });
    }
    return [...byKey.values()].sort((a, b) => b.last.storedAt.localeCompare(a.last.storedAt));
  }, [history.data, state.incoming, state.receipted, myId]);

  return (
    <>
      <h2>{t('messaging.list.title')}</h2>
      <p className="actions">
        <Link to="/messages/new" className="button" data-testid="new-message">
          {t('messaging.list.new')}
        </Link>
      </p>
      <MessageSearchForm onSearch={(query) => navigate(searchPath(query))} />
      <FormError error={history.error} />
      {!history.data && !history.error ? (
        <p>{t('common.loading')}</p>
      ) : conversations.length === 0 ? (
        <p className="card">{t('messaging.list.empty')}</p>
      ) : (
        <ul className="conversation-list card" data-testid="conversation-list">
          {conversations.map((c) => (
            <li key={c.key} data-testid="conversation">
              <Link to={threadPath(c.key)}>
                {c.key.split(',').map((id, i) => (
                  <span key={id}>
                    {i > 0 && ', '}
                    <ContactName userId={id} detailed />
                  </span>
                ))}
              </Link>{' '}
              {c.unread > 0 && (
                <span className="badge" data-testid="unread">
                  {t('messaging.list.unread', { count: c.unread })}
                </span>
              )}
              <p className="hint">
                {date(c.last.storedAt)} · {c.last.outgoing ? `${t('messaging.thread.me')}: ` : ''}
                {c.last.text.slice(0, 120) || t('messaging.list.attachmentOnly')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
