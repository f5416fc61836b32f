import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { useLoaded } from '../../hooks/use-loaded';
import { useClient } from '../../services/client-context';
import { DeliveryList } from './delivery-list';

/** /notifications/deliveries: a national admin sees which of their people's notification e-mails failed. */
export function DeliveriesPage() {
  const { t } = useTranslation();
  const client = useClient();
  const [onlyFailed, setOnlyFailed] = useState(false);
  const list = useLoaded(
    useCallback(
      () => client.notifications.stateDeliveries(onlyFailed ? { status: 'failed' } : {}),
      [client, onlyFailed],
    ),
  );
  return (
    <>
      <h2>{t('emailAlerts.deliveries.title')}</h2>
      <p className="hint">{t('emailAlerts.deliveries.intro')}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          name="only-failed"
          checked={onlyFailed}
          onChange={(e) => setOnlyFailed(e.target.checked)}
        />
        {t('emailAlerts.deliveries.onlyFailed')}
      </label>
      <FormError error={list.error} />
      {list.data ? (
        <div className="card">
          <DeliveryList deliveries={list.data.deliveries} withPerson />
        </div>
      ) : (
        !list.error && <p>{t('common.loading')}</p>
      )}
    </>
  );
}
