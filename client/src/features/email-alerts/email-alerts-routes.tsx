import type { ReactNode } from 'react';
import { DeliveriesPage } from './deliveries-page';
import { NotificationsPage } from './notifications-page';

export const VERIFY_PATH = '/notifications/verify';

/** The signed-in pages of e-mail notifications, or undefined for any other path. */
export function emailAlertsPage(path: string): ReactNode | undefined {
  if (path === '/account/notifications') return <NotificationsPage />;
  if (path === '/notifications/deliveries') return <DeliveriesPage />;
  return undefined;
}
