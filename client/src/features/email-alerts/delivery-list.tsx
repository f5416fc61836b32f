import { useTranslation } from 'react-i18next';
import type { NotificationDeliveryView } from '../../../../shared/schemas/notifications';
import { useLabels } from '../../components/use-labels';
import { keyFor } from '../../i18n/keys';
import './email-alerts.css';

const BADGE = { sent: 'active', failed: 'revoked', pending: 'pending' } as const;

/**
 * Notification e-mails, one entry each: whom (for admins), about what, status, attempts, when, the
 * last error. A list rather than a table, so it reads on a phone without scrolling sideways.
 */
export function DeliveryList({
  deliveries,
  withPerson,
}: {
  deliveries: readonly NotificationDeliveryView[];
  withPerson: boolean;
}) {
  const { t } = useTranslation();
  const { date } = useLabels();
  if (deliveries.length === 0) return <p className="hint">{t('emailAlerts.deliveries.none')}</p>;
  return (
    <ul className="delivery-list" data-testid="deliveries">
      {deliveries.map((delivery) => (
        <li key={delivery.id} data-testid="delivery" data-status={delivery.status}>
          <div>
            {withPerson && <strong>{delivery.displayName ?? '—'} · </strong>}
            {t(keyFor('emailAlerts.kinds', delivery.kind))}{' '}
            <span className={`badge ${BADGE[delivery.status]}`}>{t(`emailAlerts.statuses.${delivery.status}`)}</span>
          </div>
          <div className="detail">
            {delivery.lastAttemptAt
              ? `${t('emailAlerts.deliveries.when')}: ${date(delivery.lastAttemptAt)}`
              : t('emailAlerts.deliveries.due', { at: date(delivery.dueAt) })}{' '}
            · {t('emailAlerts.deliveries.attempts')}: {delivery.attempts}
          </div>
          {delivery.lastError && (
            <div className="detail delivery-error">
              {t('emailAlerts.deliveries.error')}: {delivery.lastError}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
