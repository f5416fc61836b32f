import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/authz/can';
import { useClient, useSession } from '../../services/client-context';
import { toActor } from '../account/actor';
import { useLoaded } from './use-loaded';
import { usePeopleUpdates } from './use-people-updates';

/** Beside "Pending verifications": how many newcomers (or changed keys) wait for this admin's verification, kept current. */
export function PendingPeopleBadge() {
  const { t } = useTranslation();
  const client = useClient();
  const user = useSession()?.user;
  const pending = useLoaded(useCallback(() => client.users.list({ status: 'pending-verification' }), [client]));
  usePeopleUpdates(pending.reload);
  const actor = user ? toActor(user) : undefined;
  const count = (pending.data ?? []).filter((person) => actor && can(actor, 'user:activate', { id: person.id, role: person.role, state: person.state })).length;
  if (count === 0) return null;
  return <span className="badge nav-count" data-testid="pending-people" aria-label={t('admin.pending.waiting', { count })}>{count}</span>;
}
