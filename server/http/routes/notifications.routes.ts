import { z } from 'zod';
import {
  NotificationDeliveriesQuery,
  NotificationDeliveryList,
  NotificationPreferencesView,
  NotificationSettings,
  SetNotificationAddress,
  VerifiedAddress,
  VerifyNotificationAddress,
} from '../../../shared/schemas/notifications.js';
import { myDeliveries, stateDeliveries } from '../../modules/notifications/list-deliveries.js';
import { myNotificationPreferences, updateNotificationSettings } from '../../modules/notifications/preferences.js';
import {
  resendVerification,
  setNotificationAddress,
  verifyNotificationAddress,
} from '../../modules/notifications/verify-address.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

/** E-mail notifications: each person's preferences and address, and what was sent (or failed). */
export function notificationRoutes({ router, registry, authn, notifications }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/me/notifications',
    auth: authn,
    tag: 'notifications',
    summary:
      'Your e-mail notification settings (the defaults of your role until you save some), your address and whether it is verified, and whether this server sends e-mail at all.',
    response: NotificationPreferencesView,
    handler: async ({ req }) => myNotificationPreferences(notifications, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'put',
    path: '/api/me/notifications',
    auth: authn,
    tag: 'notifications',
    summary:
      'Replace your settings: on/off, language, time zone, the kinds to receive and how (immediate, always — even in quiet hours, only request.arrived, request.overdue and liveness.prompt — or digest), quiet hours, digest schedule.',
    body: NotificationSettings,
    response: NotificationPreferencesView,
    handler: async ({ body, req }) => updateNotificationSettings(notifications, await authn.actor(req), body),
  });

  defineRoute(router, registry, {
    method: 'put',
    path: '/api/me/notifications/address',
    auth: authn,
    tag: 'notifications',
    summary:
      'Set the address notifications go to. It stays unverified, and gets nothing but the verification mail sent now, until the link in that mail is opened.',
    body: SetNotificationAddress,
    response: NotificationPreferencesView,
    errors: [409, 429, 502],
    handler: async ({ body, req }) => setNotificationAddress(notifications, await authn.actor(req), body.address),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/me/notifications/address/resend',
    auth: authn,
    tag: 'notifications',
    summary: 'Send the verification link again (a new one; the earlier link stops working). At most once a minute.',
    body: z.object({}).strict(),
    response: NotificationPreferencesView,
    errors: [409, 429, 502],
    handler: async ({ req }) => resendVerification(notifications, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/notifications/verify',
    tag: 'notifications',
    summary:
      'Open a verification link: the token from its fragment proves the mailbox, and the address becomes verified. Single use; expires after 24 hours.',
    body: VerifyNotificationAddress,
    response: VerifiedAddress,
    errors: [410],
    handler: async ({ body }) => verifyNotificationAddress(notifications, body.token),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/me/notifications/deliveries',
    auth: authn,
    tag: 'notifications',
    summary: 'Your recent notification e-mails, newest first: kind, status, attempts, last error.',
    query: NotificationDeliveriesQuery,
    response: NotificationDeliveryList,
    handler: async ({ query, req }) => myDeliveries(notifications, await authn.actor(req), query),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/notifications/deliveries',
    auth: authn,
    tag: 'notifications',
    summary:
      "National admins: the notification e-mails of your state's people, newest first (filter status=failed to see what did not arrive). No addresses.",
    query: NotificationDeliveriesQuery,
    response: NotificationDeliveryList,
    errors: [403],
    handler: async ({ query, req }) => stateDeliveries(notifications, await authn.actor(req), query),
  });
}
