import { useEffect, useEffectEvent } from 'react';
import type { ReceivedMessage } from '../../../sdk/index';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../components/use-labels';
import { navigate } from '../../router/router';
import { useSession } from '../../services/client-context';
import { arrivalNotice, notificationsWanted } from './arrival-notice';
import { conversationKey, threadPath } from './conversation-key';
import { useMessaging } from './use-messaging';

/**
 * An OS notification for each message or request that arrives while this tab is in the
 * background — if the person asked for them on this computer and the browser allows them.
 * Duty desks keep FocalNet open behind other work; the notification names only the kind and the
 * sender's state, and clicking it brings the tab to the item.
 */
export function useArrivalNotifications(): void {
  const { t } = useTranslation();
  const labels = useLabels();
  const me = useSession()?.user.id ?? '';
  const { store } = useMessaging();
  // An effect event reads the words at arrival time, so a language switch does not resubscribe (and miss what arrives meanwhile).
  const notify = useEffectEvent((arrived: readonly ReceivedMessage[]): void => {
    if (arrived.length === 0 || document.visibilityState !== 'hidden' || !notificationsWanted(me)) return;
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    for (const message of arrived) {
      const notice = arrivalNotice(message, (m) => threadPath(conversationKey(m, me)));
      if (!notice) continue;
      const shown = new Notification('FocalNet', {
        body: t(`messaging.notify.${notice.key}`, { state: labels.state(notice.state) }),
        tag: message.msgId,
      });
      shown.onclick = () => {
        window.focus();
        navigate(notice.path);
        shown.close();
      };
    }
  });
  useEffect(() => {
    let seen = store.snapshot().incoming.length;
    return store.subscribe(() => {
      const { incoming } = store.snapshot();
      const arrived = incoming.slice(seen);
      seen = incoming.length;
      notify(arrived);
    });
  }, [store, me]);
}
