import { useTranslation } from 'react-i18next';
import type { WebhookSecretIssued } from '../../../../shared/schemas/webhooks';
import { CopyButton } from '../../components/copy-button';

/** The signing secret, shown once after registering or replacing it: the server never shows it again. */
export function IssuedSecret({
  issued,
  rotated,
  onDone,
}: {
  issued: WebhookSecretIssued;
  rotated: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="card notice" aria-labelledby="webhook-secret-title" data-testid="webhook-secret">
      <h3 id="webhook-secret-title">{t(rotated ? 'webhooks.secret.rotated' : 'webhooks.secret.created')}</h3>
      <p className="detail webhook-url">{issued.endpoint.url}</p>
      <p className="warning">{t('webhooks.secret.warning')}</p>
      <label>
        {t('webhooks.secret.label')}
        <input
          name="webhook-secret"
          readOnly
          value={issued.secret}
          onFocus={(e) => e.target.select()}
          className="mono"
        />
      </label>
      <div className="actions">
        <CopyButton text={issued.secret} />
        <button type="button" onClick={onDone}>
          {t('webhooks.secret.done')}
        </button>
      </div>
    </section>
  );
}
