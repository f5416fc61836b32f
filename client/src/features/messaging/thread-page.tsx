import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Labels } from '../../../../shared/schemas/labels';
import type { ReceivedMessage } from '../../../sdk/index';
import { FormError } from '../../components/form-error';
import { Link } from '../../router/link';
import { useSession } from '../../services/client-context';
import { ComposeForm, DEFAULT_LABELS } from './compose-form';
import { ContactName } from './contact-name';
import { conversationKey, mergeMessages } from './conversation-key';
import { KeyChangeWarning } from './key-change-warning';
import { MessageItem } from './message-item';
import { useMessaging } from './use-messaging';

const PAGE = 20;

/** Where the next older page starts: the oldest loaded message's time and id. */
interface HistoryCursor {
  before: string;
  beforeId: string;
}

/** One conversation: older pages on demand, new messages live, read receipts for what is shown. */
export function ThreadPage({ counterparts }: { counterparts: string[] }) {
  const { t } = useTranslation();
  const myId = useSession()?.user.id ?? '';
  const key = counterparts.join(',');
  const { store, state } = useMessaging();
  const [pages, setPages] = useState<ReceivedMessage[]>([]);
  const [older, setOlder] = useState<HistoryCursor | undefined>();
  const [loading, setLoading] = useState(true); // the newest page is read on opening
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>();
  const [labels, setLabels] = useState<Labels>(DEFAULT_LABELS);

  /** Reads a page of history; state changes only once it answers, so effects may start it. */
  const fetchPage = useCallback(
    (cursor: HistoryCursor | undefined, replace: boolean): Promise<void> =>
      store
        .history({ with: counterparts[0] ?? '', limit: PAGE, ...cursor })
        .then(
          (page) => {
            const mine = page.messages.filter((m) => conversationKey(m, myId) === key);
            setPages((current) => (replace ? mergeMessages(mine) : mergeMessages(current, mine)));
            const next =
              page.before !== undefined && page.beforeId !== undefined
                ? { before: page.before, beforeId: page.beforeId }
                : undefined;
            // Refreshing the newest page (after sending) must not move the cursor of pages already loaded.
            if (replace || cursor) {
              setOlder(next);
              setDone(next === undefined);
            }
            setError(undefined);
          },
          (caught: unknown) => setError(caught),
        )
        .finally(() => setLoading(false)),
    [store, counterparts, myId, key],
  );
  const load = (cursor: HistoryCursor | undefined, replace: boolean): void => {
    setLoading(true);
    setError(undefined);
    void fetchPage(cursor, replace);
  };

  useEffect(() => {
    void fetchPage(undefined, true);
  }, [fetchPage]);
  // The server left out pushes to this tab (it fell behind): what it records as delivered is read again.
  useEffect(() => {
    if (state.resyncs > 0) void fetchPage(undefined, false);
  }, [state.resyncs, fetchPage]);

  const messages = useMemo(
    () =>
      mergeMessages(
        pages,
        state.incoming.filter((m) => conversationKey(m, myId) === key),
      ),
    [pages, state.incoming, myId, key],
  );

  // Opened at one message (`?show=<msgId>`, from a search): older pages are read until it is shown.
  const target = new URLSearchParams(window.location.search).get('show') ?? undefined;
  const targetShown = target !== undefined && messages.some((m) => m.msgId === target);
  useEffect(() => {
    if (target === undefined || targetShown || loading || done || error !== undefined || !older) return;
    void fetchPage(older, false);
  }, [target, targetShown, loading, done, error, older, fetchPage]);
  useEffect(() => {
    if (targetShown)
      document.querySelector(`[data-msg-id="${CSS.escape(target)}"]`)?.scrollIntoView({ block: 'center' });
  }, [target, targetShown]);

  // The states of the counterparts, for the policy preview.
  const states = useMemo(() => {
    const found: Record<string, string> = {};
    for (const m of messages) for (const p of [m.from, ...m.to]) found[p.userId] = p.state;
    return found;
  }, [messages]);
  // The labels of the last message as a start, until the sender picks others.
  const last = messages.at(-1);
  if (last && labels === DEFAULT_LABELS) setLabels(last.labels);

  // Shown means read: receipts go out for incoming messages once they are on screen.
  useEffect(() => {
    store.markRead(messages).catch(setError);
  }, [store, messages]);

  const recipients = counterparts.flatMap((userId) => (states[userId] ? [{ userId, state: states[userId] }] : []));
  return (
    <>
      <p>
        <Link to="/messages">{t('messaging.thread.back')}</Link>
      </p>
      <h2>
        {t('messaging.thread.title')}{' '}
        {counterparts.map((id, i) => (
          <span key={id}>
            {i > 0 && ', '}
            <ContactName userId={id} />
          </span>
        ))}
      </h2>
      <KeyChangeWarning userIds={counterparts} />
      <div className="actions">
        {!done && (
          <button type="button" disabled={loading} onClick={() => load(older, false)} data-testid="load-older">
            {t('messaging.thread.older')}
          </button>
        )}
      </div>
      <FormError error={error} />
      {target !== undefined && !targetShown && done && (
        <p className="card warning" data-testid="target-gone">
          {t('messaging.thread.targetGone')}
        </p>
      )}
      {messages.length === 0 && !loading ? (
        <p className="card">{t('messaging.thread.empty')}</p>
      ) : (
        <ol className="message-list" data-testid="message-list">
          {messages.map((message) => (
            <MessageItem key={message.id} message={message} highlighted={message.msgId === target} />
          ))}
        </ol>
      )}
      {recipients.length === counterparts.length && (
        <ComposeForm
          recipients={recipients}
          labels={labels}
          onLabels={setLabels}
          labelsFromThread={last !== undefined}
          onSent={() => load(undefined, false)}
        />
      )}
    </>
  );
}
