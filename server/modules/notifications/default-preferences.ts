import type { AlertKind } from '../../../shared/schemas/alerts.js';
import type { Role } from '../../../shared/schemas/accounts.js';
import type { DeliveryMode, NotificationSettings } from '../../../shared/schemas/notifications.js';

/** What a focal point hears of by default: their cases at once, free messages in the digest. */
const FOCAL_POINT: [AlertKind, DeliveryMode][] = [
  ['request.arrived', 'immediate'],
  ['request.step', 'immediate'],
  ['request.reminder', 'immediate'],
  ['request.overdue', 'immediate'],
  ['liveness.prompt', 'immediate'],
  ['message.arrived', 'digest'],
  ['event.starting', 'digest'],
  ['circular.arrived', 'digest'],
];

/** National admins: what waits for their state, and its overdue cases. */
const NATIONAL_ADMIN: [AlertKind, DeliveryMode][] = [
  ['approval.waiting', 'immediate'],
  ['dual-control.waiting', 'immediate'],
  ['policy.awaiting-cosignature', 'immediate'],
  ['request.overdue', 'immediate'],
  ['consensus.opened', 'immediate'],
  ['consensus.closing', 'immediate'],
  ['consensus.decided', 'digest'],
  ['event.registration-closing', 'immediate'],
  ['event.starting', 'digest'],
  ['event.changed', 'digest'],
  ['training.requested', 'immediate'],
  ['training.answered', 'immediate'],
  ['circular.arrived', 'digest'],
  ['audit-log.discrepancy', 'immediate'],
];

const NETWORK_ADMIN: [AlertKind, DeliveryMode][] = [
  ['dual-control.waiting', 'immediate'],
  ['consensus.opened', 'digest'],
  ['consensus.decided', 'digest'],
  ['circular.arrived', 'digest'],
  ['audit-log.discrepancy', 'immediate'],
];

const BY_ROLE: Record<Role, [AlertKind, DeliveryMode][]> = {
  'focal-point': FOCAL_POINT,
  'national-admin': NATIONAL_ADMIN,
  'network-admin': NETWORK_ADMIN,
};

/** The settings of a person who has chosen none. Nothing is sent before an address is verified. */
export function defaultSettings(role: Role): NotificationSettings {
  return {
    enabled: true,
    language: 'both',
    timeZone: 'UTC',
    kinds: BY_ROLE[role].map(([kind, mode]) => ({ kind, mode })),
    quietHours: null,
    digest: { every: 'hour' },
  };
}
