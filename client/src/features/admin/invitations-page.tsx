import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedInvitation, UserView } from '../../../../shared/schemas/accounts';
import { useClient } from '../../services/client-context';
import { CreateInvitationForm } from './create-invitation-form';
import { CreatedLink } from './created-link';
import { InvitationList } from './invitation-list';
import { useLoaded } from '../../hooks/use-loaded';

export function InvitationsPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const [created, setCreated] = useState<CreatedInvitation>();
  const invitations = useLoaded(useCallback(() => client.invitations.list(), [client]));
  const onCreated = (next: CreatedInvitation): void => {
    setCreated(next);
    invitations.reload();
  };
  return (
    <>
      <h2>{t('admin.invitations.title')}</h2>
      {created ? (
        <CreatedLink created={created} onDone={() => setCreated(undefined)} />
      ) : (
        <CreateInvitationForm me={me} onCreated={onCreated} />
      )}
      <InvitationList me={me} invitations={invitations.data} error={invitations.error} onChanged={invitations.reload} />
    </>
  );
}
