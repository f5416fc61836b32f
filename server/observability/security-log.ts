import type { Logger } from 'pino';
import type { AuditEventType } from '../../shared/audit/event-types.js';
import { currentRequestContext, type RequestContext } from './request-context.js';

/**
 * What a security line may carry: ids, codes and counts, never names, e-mail addresses, tokens
 * or content (the type has no field for them, so a call site cannot add one by accident).
 */
export interface SecurityFields {
  /** The account that acted (or tried to: a failed sign-in's account, when the name exists). */
  actorId?: string | null | undefined;
  /** The account or object acted on. */
  subjectId?: string | null | undefined;
  state?: string | null | undefined;
  /** A reason code (e.g. wrong-password), never free text. */
  reason?: string | undefined;
  /** The audit entry that records the event, when there is one. */
  auditSeq?: number | undefined;
  /** The reverse proxy's X-Request-Id of a socket handshake (a socket event's own id is in requestId). */
  handshakeRequestId?: string | undefined;
  retryAfterSeconds?: number | undefined;
}

/**
 * Events not recorded in the audit log (refused before anything is evaluated): logged at the edge.
 * Everything else security-relevant is logged where the audit entry is appended (`SECURITY_AUDIT_TYPES`).
 */
export type EdgeSecurityEvent = 'auth.sign-in-rate-limited' | 'invitation.rate-limited' | 'auth.socket-token-refused';

/**
 * Audited events an operator watches: sign-ins, sessions, passwords and second factors, people's
 * status, keys, policies, dual control, the audit log's own health and the bootstrap link.
 */
export const SECURITY_AUDIT_TYPES: ReadonlySet<AuditEventType> = new Set<AuditEventType>([
  'system.bootstrap-invitation',
  'system.signing-keys-renewed',
  'system.signing-keys-replaced',
  'auth.signed-in',
  'auth.sign-in-failed',
  'auth.signed-out',
  'auth.refresh-reused',
  'auth.session-ended',
  'auth.totp-enabled',
  'auth.password-changed',
  'auth.password-change-failed',
  'auth.password-upgraded',
  'invitation.created',
  'invitation.revoked',
  'invitation.redeemed',
  'user.activated',
  'user.suspended',
  'user.reactivated',
  'user.removed',
  'user.keys-rotated',
  'user.password-reset-issued',
  'user.password-reset',
  'user.password-reset-refused',
  'user.recovery-key-replaced',
  'policy.published',
  'policy.signature-rejected',
  'policy.awaiting-cosignature',
  'policy.cosigned',
  'policy.two-signatures-required',
  'policy.two-signatures-release-requested',
  'policy.two-signatures-released',
  'dual-control.requested',
  'dual-control.approved',
  'dual-control.refused',
  'dual-control.expired',
  'dual-control.cancelled',
  'audit-log.witnessed',
  'audit-log.discrepancy-reported',
  'webhook.secret-rotated',
  'library.key-rotated',
  'travel-documents.key-rotated',
]);

/**
 * One security event at info, in one shape (`security` names the event), with the request's id
 * so it can be followed to the edge's request line and to the audit entry. The request is the
 * current one unless given, or null for none (the audit log logs after a group commit, which runs
 * in the context of the request that started it, for the entries of several requests).
 */
export function securityEvent(
  logger: Logger,
  event: AuditEventType | EdgeSecurityEvent,
  fields: SecurityFields = {},
  request?: RequestContext | null,
): void {
  if (!logger.isLevelEnabled('info')) return;
  // null: the event belongs to no request (a sweep's entry written in another request's group commit).
  const context = request === undefined ? currentRequestContext() : request;
  const line: Record<string, unknown> = { security: event };
  if (context) {
    line.requestId = context.requestId;
    if (context.socketId) line.socketId = context.socketId;
  }
  for (const [name, value] of Object.entries(fields)) if (value !== undefined && value !== null) line[name] = value;
  logger.info(line, `security event: ${event}`);
}
