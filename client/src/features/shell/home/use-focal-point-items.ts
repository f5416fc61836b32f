import { useCallback } from 'react';
import { useNow } from '../../../hooks/use-now';
import { can } from '../../../../../shared/authz/can';
import type { UserView } from '../../../../../shared/schemas/accounts';
import { useClient } from '../../../services/client-context';
import { toActor } from '../../../services/actor';
import { useMessaging } from '../../messaging/use-messaging';
import { useUnreadMessageCount } from '../../messaging/use-unread-message-count';
import { takesPartInRequests } from '../../requests/requests-nav';
import { useRequestUpdates } from '../../requests/use-request-updates';
import { focalPointItems, type HomeList } from './home-items';
import { useHomeSource } from './use-home-source';

/** What waits for a focal point who may exchange (the caller checks): each call only when can() allows it. */
export function useFocalPointItems(user: UserView): HomeList {
  const client = useClient();
  const actor = toActor(user);
  const requests = takesPartInRequests(actor);
  const ownEntry = can(actor, 'directory:edit-entry', { id: user.id });
  const unread = useUnreadMessageCount();
  // The count is 0 until the history page is read: wait for it rather than say "nothing waits" too soon.
  const { store } = useMessaging();
  const [historyRead] = useHomeSource(useCallback(() => store.loadRecent().then(() => true), [store]));
  const [inbox, reloadInbox] = useHomeSource(
    useCallback(() => (requests ? client.requests.list({ box: 'inbox' }) : Promise.resolve(null)), [client, requests]),
  );
  const [toClarify, reloadToClarify] = useHomeSource(
    useCallback(
      () =>
        requests ? client.requests.list({ box: 'outbox', status: 'clarification-requested' }) : Promise.resolve(null),
      [client, requests],
    ),
  );
  const [entry] = useHomeSource(
    useCallback(
      () => (ownEntry ? client.directory.entry(user.id) : Promise.resolve(null)),
      [client, ownEntry, user.id],
    ),
  );
  // A request arrives, moves or falls overdue: both request lines are read again.
  const requestsChanged = (): void => {
    reloadInbox();
    reloadToClarify();
  };
  useRequestUpdates({ updated: requestsChanged, overdue: requestsChanged, resync: requestsChanged }, requests);
  const now = useNow();
  return focalPointItems({ unread: historyRead === undefined ? undefined : unread, inbox, toClarify, entry, now });
}
