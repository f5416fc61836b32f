import { useTranslation } from 'react-i18next';
import type { WebhookAttemptView, WebhookDeliveryView } from '../../../../shared/schemas/webhooks';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';

/** The endpoint's recent deliveries: what was sent, whether it arrived, and every attempt. */
export function DeliveryLog({
  endpointId,
  log,
}: {
  endpointId: string;
  log: { data: WebhookDeliveryView[] | undefined; error: unknown; reload: () => void };
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const outcome = (attempt: WebhookAttemptView): string =>
    attempt.statusCode !== undefined
      ? t('webhooks.log.answered', { status: attempt.statusCode })
      : t('webhooks.log.noAnswer', { error: attempt.error ?? '' });
  return (
    <section className="webhook-log" aria-labelledby={`log-${endpointId}`} data-testid="delivery-log">
      <div className="actions">
        <h4 id={`log-${endpointId}`}>{t('webhooks.log.title')}</h4>
        <button type="button" className="secondary" onClick={log.reload}>
          {t('webhooks.log.reload')}
        </button>
      </div>
      <FormError error={log.error} />
      {!log.data ? (
        <p>{t('common.loading')}</p>
      ) : log.data.length === 0 ? (
        <p className="detail">{t('webhooks.log.empty')}</p>
      ) : (
        <ul className="webhook-deliveries">
          {log.data.map((delivery: WebhookDeliveryView) => (
            <li key={delivery.id} data-testid="delivery" data-status={delivery.status}>
              <p>
                <strong>{t(`webhooks.event.${delivery.type}`)}</strong>{' '}
                <span
                  className={`badge ${delivery.status === 'sent' ? 'active' : delivery.status === 'failed' ? 'suspended' : 'pending'}`}
                >
                  {t(`webhooks.log.statusOf.${delivery.status}`)}
                </span>
              </p>
              <p className="detail">
                {t('webhooks.log.when')}: {labels.time(delivery.createdAt)} · {t('webhooks.log.attempts')}:{' '}
                {delivery.attempts}
                {delivery.nextAttemptAt && delivery.attempts > 0
                  ? ` · ${t('webhooks.log.next', { time: labels.time(delivery.nextAttemptAt) })}`
                  : ''}
              </p>
              {delivery.log.length > 0 && (
                <ol className="webhook-attempts">
                  {delivery.log.map((attempt) => (
                    <li key={attempt.attempt}>
                      {t('webhooks.log.attempt', {
                        n: attempt.attempt,
                        time: labels.time(attempt.at),
                        outcome: outcome(attempt),
                        ms: attempt.durationMs,
                      })}
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
