import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../services/client-context';
import { useTitleCount } from '../../services/title-counts';
import { useLoaded } from '../../hooks/use-loaded';
import { useNow } from '../../hooks/use-now';
import { awaitingAnswer } from '../shell/home/home-items';
import { useRequestUpdates } from './use-request-updates';

/**
 * Beside "Requests": how many wait for this focal point's action (received ones to answer, and
 * own ones on which a clarification is asked), kept current as requests arrive, move or fall due.
 */
export function AwaitingRequestsBadge() {
  const { t } = useTranslation();
  const client = useClient();
  const inbox = useLoaded(useCallback(() => client.requests.list({ box: 'inbox' }), [client]));
  const toClarify = useLoaded(
    useCallback(() => client.requests.list({ box: 'outbox', status: 'clarification-requested' }), [client]),
  );
  const reload = (): void => {
    inbox.reload();
    toClarify.reload();
  };
  useRequestUpdates({ updated: reload, overdue: reload, resync: reload });
  const now = useNow();
  const count =
    awaitingAnswer(inbox.data ?? [], now).count +
    (toClarify.data ?? []).filter((c) => c.status === 'clarification-requested').length;
  useTitleCount('requests', count);
  if (count === 0) return null;
  return (
    <span
      className="badge nav-count"
      data-testid="awaiting-requests"
      aria-label={t('requests.nav.awaiting', { count })}
    >
      {count}
    </span>
  );
}
