import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useSession } from '../../services/client-context';
import { useTitleCount } from '../../services/title-counts';
import { toActor } from '../../services/actor';
import { mayVerify } from './may-verify';
import { useLoaded } from '../../hooks/use-loaded';
import { usePeopleUpdates } from './use-people-updates';

/** Beside "Pending verifications": how many newcomers (or changed keys) wait for this admin's verification, kept current. */
export function PendingPeopleBadge() {
  const { t } = useTranslation();
  const client = useClient();
  const user = useSession()?.user;
  const pending = useLoaded(useCallback(() => client.users.list({ status: 'pending-verification' }), [client]));
  usePeopleUpdates(pending.reload);
  const actor = user ? toActor(user) : undefined;
  const count = actor ? (pending.data ?? []).filter(mayVerify(actor)).length : 0;
  useTitleCount('people', count);
  if (count === 0) return null;
  return (
    <span className="badge nav-count" data-testid="pending-people" aria-label={t('admin.pending.waiting', { count })}>
      {count}
    </span>
  );
}
