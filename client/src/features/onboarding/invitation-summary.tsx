import { useTranslation } from 'react-i18next';
import type { InvitationPreview } from '../../../../shared/schemas/accounts';
import { useLabels } from '../../components/use-labels';

/** What the invitation is for: role, state, domains, name and expiry. */
export function InvitationSummary({ preview }: { preview: InvitationPreview }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <section className="card" aria-labelledby="invite-title" data-testid="invitation-summary">
      <h2 id="invite-title">{t('invite.title')}</h2>
      <p>{t('invite.intro')}</p>
      <dl className="facts">
        <dt>{t('invite.role')}</dt>
        <dd data-testid="invite-role">{labels.role(preview.role)}</dd>
        <dt>{t('invite.state')}</dt>
        <dd data-testid="invite-state">{labels.state(preview.state)}</dd>
        {preview.domains.length > 0 && (
          <>
            <dt>{t('invite.domains')}</dt>
            <dd>{labels.domains(preview.domains)}</dd>
          </>
        )}
        <dt>{t('invite.name')}</dt>
        <dd>{preview.displayName}</dd>
        <dt>{t('invite.expires')}</dt>
        <dd>{labels.date(preview.expiresAt)}</dd>
      </dl>
    </section>
  );
}
