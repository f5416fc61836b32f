import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useSession } from '../../services/client-context';
import { useTitleCount } from '../../services/title-counts';
import { useLoaded } from '../../hooks/use-loaded';
import { awaitingPosition } from '../shell/home/home-items';
import { useConsensusUpdates } from './use-consensus-updates';

/**
 * Beside "Network decisions": for a national admin, the open proposals awaiting their state's
 * position; for the secretariat, the proposals still open. Kept current as they are answered.
 */
export function AwaitingDecisionsBadge() {
  const { t } = useTranslation();
  const client = useClient();
  const user = useSession()?.user;
  const proposals = useLoaded(useCallback(() => client.consensus.list(), [client]));
  useConsensusUpdates(proposals.reload);
  const all = proposals.data ?? [];
  const count =
    user?.role === 'network-admin'
      ? all.filter((p) => p.status === 'open').length
      : awaitingPosition(all, user?.state ?? '').length;
  useTitleCount('decisions', count);
  if (count === 0) return null;
  return (
    <span className="badge nav-count" data-testid="open-decisions" aria-label={t('consensus.awaiting', { count })}>
      {count}
    </span>
  );
}
