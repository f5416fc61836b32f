import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notificationsWanted, setNotificationsWanted } from '../messaging/arrival-notice';

const supported = (): boolean => typeof Notification !== 'undefined';

/** Asks the browser for notifications when the person turns them on; a refusal is explained, not retried. */
export function NotificationSettings({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(
    () => supported() && Notification.permission === 'granted' && notificationsWanted(userId),
  );
  const [blocked, setBlocked] = useState(() => supported() && Notification.permission === 'denied');

  const toggle = async (wanted: boolean): Promise<void> => {
    if (wanted && (await Notification.requestPermission()) !== 'granted') {
      setBlocked(true);
      wanted = false;
    }
    setNotificationsWanted(userId, wanted);
    setOn(wanted);
  };

  return (
    <section className="card form" aria-labelledby="notifications-title" data-testid="notification-settings">
      <h3 id="notifications-title">{t('account.notifications.title')}</h3>
      {!supported() ? (
        <p className="hint">{t('account.notifications.unsupported')}</p>
      ) : (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              name="notifications"
              checked={on}
              disabled={blocked}
              onChange={(e) => void toggle(e.target.checked)}
            />
            {t('account.notifications.toggle')}
          </label>
          <p className="hint">{t('account.notifications.hint')}</p>
          {blocked && (
            <p className="field-error" role="alert">
              {t('account.notifications.blocked')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
