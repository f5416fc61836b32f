import type { AlertKind } from '../../../../shared/schemas/alerts';
import type { Role } from '../../../../shared/schemas/accounts';

/** The kinds of alert a person of each role can receive, in the order the settings list them. */
export const KINDS_FOR_ROLE: Record<Role, readonly AlertKind[]> = {
  'focal-point': [
    'request.arrived',
    'request.overdue',
    'request.reminder',
    'request.step',
    'liveness.prompt',
    'message.arrived',
    'event.starting',
    'circular.arrived',
  ],
  'national-admin': [
    'approval.waiting',
    'dual-control.waiting',
    'policy.awaiting-cosignature',
    'request.overdue',
    'consensus.opened',
    'consensus.closing',
    'consensus.decided',
    'event.registration-closing',
    'event.starting',
    'event.changed',
    'training.requested',
    'training.answered',
    'circular.arrived',
  ],
  'network-admin': [
    'dual-control.waiting',
    'consensus.opened',
    'consensus.decided',
    'event.changed',
    'circular.arrived',
  ],
};
