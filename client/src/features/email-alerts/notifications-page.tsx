import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationPreferencesView } from '../../../../shared/schemas/notifications';
import { FormError } from '../../components/form-error';
import { useLoaded } from '../../hooks/use-loaded';
import { useClient, useSession } from '../../services/client-context';
import { AddressSection } from './address-section';
import { DeliveryList } from './delivery-list';
import { SettingsForm } from './settings-form';

/** /account/notifications: where FocalNet e-mails me, about what, when; and what it sent lately. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const client = useClient();
  const user = useSession()?.user;
  const loaded = useLoaded(useCallback(() => client.notifications.preferences(), [client]));
  const mine = useLoaded(useCallback(() => client.notifications.myDeliveries(), [client]));
  // What the last save answered, else what was loaded.
  const [changed, setView] = useState<NotificationPreferencesView>();
  const view = changed ?? loaded.data;
  if (!user) return null;
  return (
    <>
      <h2>{t('emailAlerts.title')}</h2>
      <p className="hint">{t('emailAlerts.intro')}</p>
      <FormError error={loaded.error} />
      {!view ? (
        !loaded.error && <p>{t('common.loading')}</p>
      ) : (
        <>
          {!view.available && (
            <p className="card warning" data-testid="email-unavailable">
              {t('emailAlerts.unavailable')}
            </p>
          )}
          <AddressSection view={view} onChange={setView} />
          <SettingsForm view={view} role={user.role} onChange={setView} />
        </>
      )}
      <section className="card" aria-labelledby="my-deliveries-title">
        <h3 id="my-deliveries-title">{t('emailAlerts.deliveries.mine')}</h3>
        <FormError error={mine.error} />
        {mine.data && <DeliveryList deliveries={mine.data.deliveries} withPerson={false} />}
      </section>
    </>
  );
}
