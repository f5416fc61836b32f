import { useEffect } from 'react';
import { useSession } from '../../services/client-context';
import { mergeMessages, unreadCount } from './conversation-key';
import { useMessaging } from './use-messaging';

/**
 * Unread messages of the signed-in focal point, by the conversation list's rule. Using it starts
 * the tab's messenger and reads the latest history page once (the store shares that read), so
 * the count is right without visiting the messages pages.
 */
export function useUnreadMessageCount(): number {
  const myId = useSession()?.user.id ?? '';
  const { store, state } = useMessaging();
  useEffect(() => {
    void store.loadRecent();
  }, [store]);
  return unreadCount(mergeMessages(state.recent, state.incoming), state.receipted, myId);
}
