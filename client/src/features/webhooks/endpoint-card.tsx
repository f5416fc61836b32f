import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebhookEndpointView, WebhookSecretIssued } from '../../../../shared/schemas/webhooks';
import { ConfirmAction } from '../../components/confirm-action';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { useClient } from '../../services/client-context';
import { DeliveryLog } from './delivery-log';

const LOG_REFRESH_MS = 2_000;

/** One endpoint: where it points, what it is sent, whether it is on; its actions and delivery log. */
export function EndpointCard({
  endpoint,
  manage,
  showState,
  onChanged,
  onRotated,
}: {
  endpoint: WebhookEndpointView;
  /** The state's national admins act on it; the secretariat only reads. */
  manage: boolean;
  showState: boolean;
  onChanged: () => void;
  onRotated: (issued: WebhookSecretIssued) => void;
}) {
  const { t } = useTranslation();
  const client = useClient();
  const labels = useLabels();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const log = useLoaded(useCallback(() => client.webhooks.deliveries(endpoint.id), [client, endpoint.id]));
  // While a delivery waits for its first attempt (seconds away), the log looks again by itself.
  const waiting = log.data?.some((delivery) => delivery.status === 'pending' && delivery.attempts === 0) ?? false;
  const { reload } = log;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(reload, LOG_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [waiting, reload, log.data]);

  const act = async (action: () => Promise<string>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      setNotice(await action());
      log.reload();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const toggle = () =>
    act(async () => {
      await client.webhooks.update(endpoint.id, { enabled: !endpoint.enabled });
      onChanged();
      return t(endpoint.enabled ? 'webhooks.action.turnedOff' : 'webhooks.action.turnedOn');
    });
  const test = () =>
    act(async () => {
      await client.webhooks.sendTest(endpoint.id);
      return t('webhooks.action.testQueued');
    });

  return (
    <article className="card webhook" aria-labelledby={`webhook-${endpoint.id}`} data-testid="webhook-endpoint">
      <h3 id={`webhook-${endpoint.id}`} className="webhook-url">
        {endpoint.url}{' '}
        <span className={`badge ${endpoint.enabled ? 'active' : 'suspended'}`} data-testid="webhook-status">
          {endpoint.enabled ? t('webhooks.endpoint.on') : t('webhooks.endpoint.off')}
        </span>
      </h3>
      {endpoint.description && <p>{endpoint.description}</p>}
      {endpoint.disabledReason && (
        <p className="warning">{t(`webhooks.endpoint.offBecause.${endpoint.disabledReason}`)}</p>
      )}
      <dl className="webhook-facts">
        {showState && (
          <>
            <dt>{t('webhooks.endpoint.state')}</dt>
            <dd>{labels.state(endpoint.state)}</dd>
          </>
        )}
        <dt>{t('webhooks.endpoint.events')}</dt>
        <dd>
          <ul>
            {endpoint.events.map((event) => (
              <li key={event}>{t(`webhooks.event.${event}`)}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('webhooks.endpoint.secret')}</dt>
        <dd className="mono">{endpoint.secretHint}</dd>
        <dt>{t('webhooks.endpoint.created')}</dt>
        <dd>{labels.date(endpoint.createdAt)}</dd>
        {endpoint.secretRotatedAt && (
          <>
            <dt>{t('webhooks.endpoint.rotated')}</dt>
            <dd>{labels.date(endpoint.secretRotatedAt)}</dd>
          </>
        )}
      </dl>
      {notice && (
        <p className="success" role="status">
          {notice}
        </p>
      )}
      <FormError error={error} />
      {manage && (
        <div className="actions">
          <button type="button" onClick={() => void test()} disabled={busy || !endpoint.enabled}>
            {t('webhooks.action.test')}
          </button>
          <button type="button" className="secondary" onClick={() => void toggle()} disabled={busy}>
            {endpoint.enabled ? t('webhooks.action.turnOff') : t('webhooks.action.turnOn')}
          </button>
          <ConfirmAction
            label={t('webhooks.action.rotate')}
            className="secondary"
            title={t('webhooks.action.rotateTitle', { url: endpoint.url })}
            confirm={t('webhooks.action.rotateConfirm')}
            disabled={busy}
            onConfirm={async () => {
              onRotated(await client.webhooks.rotateSecret(endpoint.id));
            }}
          />
          <ConfirmAction
            label={t('webhooks.action.delete')}
            className="danger"
            title={t('webhooks.action.deleteTitle', { url: endpoint.url })}
            confirm={t('webhooks.action.deleteConfirm')}
            disabled={busy}
            onConfirm={async () => {
              await client.webhooks.remove(endpoint.id);
              onChanged();
            }}
          />
        </div>
      )}
      <DeliveryLog endpointId={endpoint.id} log={log} />
    </article>
  );
}
