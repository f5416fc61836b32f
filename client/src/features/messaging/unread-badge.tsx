import { useTranslation } from 'react-i18next';
import { useTitleCount } from '../../services/title-counts';
import { useArrivalNotifications } from './use-arrival-notifications';
import { useUnreadMessageCount } from './use-unread-message-count';

/**
 * The number of unread messages beside "Messages", and in the tab's title, wherever in the app the
 * focal point is: rendering it starts the tab's messenger, so messages arrive without visiting
 * the messages pages (and, when asked for, notifications while the tab is in the background).
 */
export function UnreadMessagesBadge() {
  const { t } = useTranslation();
  const count = useUnreadMessageCount();
  useArrivalNotifications();
  useTitleCount('messages', count);
  if (count === 0) return null;
  return (
    <span className="badge nav-count" data-testid="unread-messages" aria-label={t('messaging.list.unread', { count })}>
      {count}
    </span>
  );
}
