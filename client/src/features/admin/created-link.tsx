import { useTranslation } from 'react-i18next';
import type { CreatedInvitation } from '../../../../shared/schemas/accounts';
import { CopyButton } from '../../components/copy-button';

/** The invitation link, shown once: the server keeps only a hash of its token. */
export function CreatedLink({ created, onDone }: { created: CreatedInvitation; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card notice" aria-labelledby="created-title" data-testid="created-invitation">
      <h3 id="created-title">{t('admin.invitations.createdTitle', { name: created.invitation.displayName })}</h3>
      <p className="warning">{t('admin.invitations.createdWarning')}</p>
      <label>
        {t('admin.invitations.link')}
        <input
          name="invitation-link"
          readOnly
          value={created.link}
          onFocus={(e) => e.target.select()}
          className="mono"
        />
      </label>
      <div className="actions">
        <CopyButton text={created.link} />
        <button type="button" onClick={onDone}>
          {t('admin.invitations.dismiss')}
        </button>
      </div>
    </section>
  );
}
