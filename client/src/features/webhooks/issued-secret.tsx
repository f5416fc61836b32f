import { useTranslation } from 'react-i18next';
import type { WebhookSecretIssued } from '../../../../shared/schemas/webhooks';
import { ShownOnce } from '../../components/shown-once';

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
    <ShownOnce
      id="webhook-secret-title"
      testId="webhook-secret"
      title={t(rotated ? 'webhooks.secret.rotated' : 'webhooks.secret.created')}
      warning={t('webhooks.secret.warning')}
      label={t('webhooks.secret.label')}
      name="webhook-secret"
      value={issued.secret}
      doneLabel={t('webhooks.secret.done')}
      onDone={onDone}
    >
      <p className="detail webhook-url">{issued.endpoint.url}</p>
    </ShownOnce>
  );
}
