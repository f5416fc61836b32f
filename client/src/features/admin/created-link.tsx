import { useTranslation } from 'react-i18next';
import type { CreatedInvitation } from '../../../../shared/schemas/accounts';
import { ShownOnce } from '../../components/shown-once';

/** The invitation link, shown once: the server keeps only a hash of its token. */
export function CreatedLink({ created, onDone }: { created: CreatedInvitation; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <ShownOnce
      id="created-title"
      testId="created-invitation"
      title={t('admin.invitations.createdTitle', { name: created.invitation.displayName })}
      warning={t('admin.invitations.createdWarning')}
      label={t('admin.invitations.link')}
      name="invitation-link"
      value={created.link}
      doneLabel={t('admin.invitations.dismiss')}
      onDone={onDone}
    />
  );
}
