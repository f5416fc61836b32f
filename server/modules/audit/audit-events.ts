/** Every kind of audited event: a closed list, so reports and filters can rely on it. */
export const AUDIT_EVENT_TYPES = [
  'system.bootstrap-invitation',
  'auth.signed-in',
  'auth.sign-in-failed',
  'auth.signed-out',
  'auth.refresh-reused',
  'auth.totp-enabled',
  'invitation.created',
  'invitation.revoked',
  'invitation.redeemed',
  'user.registered',
  'user.activated',
  'user.suspended',
  'user.reactivated',
  'user.removed',
  'user.updated',
  'user.keys-rotated',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];
