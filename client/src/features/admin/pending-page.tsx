import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import { FormError } from '../../components/form-error';
import { useClient } from '../../services/client-context';
import { PendingPersonCard } from './pending-person-card';
import { useLoaded } from '../../hooks/use-loaded';
import { usePeopleUpdates } from './use-people-updates';
import { useSecondApprovals } from '../dual-control/use-second-approvals';

export function PendingPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const secondApprovals = useSecondApprovals();
  const pending = useLoaded(useCallback(() => client.users.list({ status: 'pending-verification' }), [client]));
  usePeopleUpdates(pending.reload); // newcomers and changed keys appear as they come; new keys show their new safety number
  const [activated, setActivated] = useState<string>();
  const onActivated = (person: UserView): void => {
    setActivated(person.displayName);
    pending.reload();
  };
  return (
    <>
      <h2>{t('admin.pending.title')}</h2>
      <p>{t('admin.pending.intro')}</p>
      {activated && (
        <p className="success" role="status" data-testid="activated">
          {t('admin.pending.activated', { name: activated })}
        </p>
      )}
      <FormError error={pending.error} />
      {!pending.data ? (
        <p>{t('common.loading')}</p>
      ) : pending.data.length === 0 ? (
        <p className="card">{t('admin.pending.empty')}</p>
      ) : (
        pending.data.map((person) => (
          <PendingPersonCard
            key={person.id}
            me={me}
            person={person}
            awaiting={secondApprovals.bySubject.get(person.id)}
            onActivated={onActivated}
            onAsked={secondApprovals.reload}
          />
        ))
      )}
    </>
  );
}
