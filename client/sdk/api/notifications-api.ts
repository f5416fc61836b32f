import {
  NotificationDeliveryList,
  NotificationPreferencesView,
  VerifiedAddress,
  type NotificationDeliveriesQuery,
  type NotificationSettings,
} from '../../../shared/schemas/notifications.js';
import type { HttpTransport } from '../http-transport.js';
import type { SessionManager } from '../session-manager.js';

export interface NotificationsApi {
  /** My e-mail notification settings, address and its verification state. */
  preferences(): Promise<NotificationPreferencesView>;
  /** Replaces my settings (the address is set separately). */
  save(settings: NotificationSettings): Promise<NotificationPreferencesView>;
  /** Sets my address; a verification link is mailed to it, and nothing else until it is opened. */
  setAddress(address: string): Promise<NotificationPreferencesView>;
  resendVerification(): Promise<NotificationPreferencesView>;
  /** Opens a verification link (the token from its fragment); needs no session. */
  verify(token: string): Promise<VerifiedAddress>;
  /** My recent notification e-mails. */
  myDeliveries(query?: NotificationDeliveriesQuery): Promise<NotificationDeliveryList>;
  /** National admins: the e-mails of my state's people (status=failed for what did not arrive). */
  stateDeliveries(query?: NotificationDeliveriesQuery): Promise<NotificationDeliveryList>;
}

export function notificationsApi(transport: HttpTransport, session: SessionManager): NotificationsApi {
  const query = (q: NotificationDeliveriesQuery | undefined) => (q?.status ? { status: q.status } : {});
  return {
    preferences: () =>
      session.authed({ method: 'GET', path: '/api/me/notifications', schema: NotificationPreferencesView }),
    save: (settings) =>
      session.authed({
        method: 'PUT',
        path: '/api/me/notifications',
        body: settings,
        schema: NotificationPreferencesView,
      }),
    setAddress: (address) =>
      session.authed({
        method: 'PUT',
        path: '/api/me/notifications/address',
        body: { address },
        schema: NotificationPreferencesView,
      }),
    resendVerification: () =>
      session.authed({
        method: 'POST',
        path: '/api/me/notifications/address/resend',
        body: {},
        schema: NotificationPreferencesView,
      }),
    verify: (token) =>
      transport.send({ method: 'POST', path: '/api/notifications/verify', body: { token }, schema: VerifiedAddress }),
    myDeliveries: (q) =>
      session.authed({
        method: 'GET',
        path: '/api/me/notifications/deliveries',
        query: query(q),
        schema: NotificationDeliveryList,
      }),
    stateDeliveries: (q) =>
      session.authed({
        method: 'GET',
        path: '/api/notifications/deliveries',
        query: query(q),
        schema: NotificationDeliveryList,
      }),
  };
}
