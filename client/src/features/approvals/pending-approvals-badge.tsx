import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useSession } from '../../services/client-context';
import { useTitleCount } from '../../services/title-counts';
import { useLoaded } from '../../hooks/use-loaded';
import { awaitsState } from './awaits-state';
import { useApprovalUpdates } from './use-approval-updates';

/** Beside "Approvals": how many held exchanges wait for the own state's decision, kept current as they come and go. */
export function PendingApprovalsBadge() {
  const { t } = useTranslation();
  const client = useClient();
  const state = useSession()?.user.state;
  const pending = useLoaded(useCallback(() => client.approvals.list('pending'), [client]));
  useApprovalUpdates(pending.reload);
  const count = (pending.data ?? []).filter((approval) => awaitsState(approval, state)).length;
  useTitleCount('approvals', count);
  if (count === 0) return null;
  return (
    <span className="badge nav-count" data-testid="pending-approvals" aria-label={t('approvals.waiting', { count })}>
      {count}
    </span>
  );
}
