/**
 * The closed union of error codes the API can answer with. HTTP maps each to a status in one
 * table (server/http/error-status.ts); socket acks carry them as `{ ok: false, error }`.
 */
export const ERROR_CODES = [
  'validation.failed',
  'http.not-found',
  'http.method-not-allowed',
  'http.bad-json',
  'http.payload-too-large',
  'auth.unauthenticated',
  'auth.forbidden',
  'auth.invalid-credentials',
  'auth.totp-required',
  'auth.totp-invalid',
  'auth.session-invalid',
  'auth.flow-invalid',
  'auth.username-mismatch',
  'auth.upgraded',
  'invitation.invalid',
  'invitation.not-found',
  'user.not-found',
  'user.username-taken',
  'user.invalid-transition',
  'password.weak',
  'password.wrong',
  'password.reset-invalid',
  'keys.invalid',
  'keys.changed',
  'state.unknown',
  'directory.not-found',
  'domain.not-participating',
  'domain.unknown',
  'domain.retired',
  'audience.not-allowed',
  'circular.recipients-changed',
  'circular.no-recipients',
  'circular.not-found',
  'liveness.not-found',
  'liveness.bad-signature',
  'message.invalid',
  'message.not-sender',
  'message.clock-skew',
  'message.recipient-invalid',
  'message.approvers-required',
  'message.not-found',
  'message.receipt-invalid',
  'policy.denied',
  'policy.conditions-unmet',
  'policy.not-found',
  'policy.signature-invalid',
  'policy.version-conflict',
  'policy.same-signer',
  'policy.cosignature-expired',
  'policy.superseded',
  'approval.not-found',
  'approval.not-pending',
  'dual-control.not-found',
  'dual-control.same-person',
  'dual-control.expired',
  'dual-control.not-eligible',
  'dual-control.already-decided',
  'request.not-found',
  'request.wrong-side',
  'request.invalid-transition',
  'request.late-reason-required',
  'request.invalid',
  'consensus.not-found',
  'consensus.invalid',
  'consensus.closed',
  'consensus.not-in-electorate',
  'document.not-found',
  'document.invalid',
  'document.too-large',
  'document.readers-changed',
  'document.not-a-reader',
  'document.not-adopted',
  'webhook.not-found',
  'webhook.address-refused',
  'webhook.limit-reached',
  'library.not-found',
  'library.withdrawn',
  'library.too-large',
  'library.stale-epoch',
  'library.grant-refused',
  'library.conflict',
  'library.file-unknown',
  'travel-documents.not-holder',
  'travel-documents.not-found',
  'travel-documents.stale-epoch',
  'travel-documents.grant-refused',
  'travel-documents.conflict',
  'travel-documents.withdrawn',
  'notifications.unavailable',
  'notifications.no-address',
  'notifications.mail-failed',
  'notifications.link-invalid',
  'event.not-found',
  'event.invalid',
  'event.overlap',
  'event.closed',
  'event.full',
  'event.duplicate-participant',
  'event.participant-not-found',
  'calendar-feed.not-found',
  'centre.not-found',
  'training.not-found',
  'training.invalid',
  'training.invalid-transition',
  'training.wrong-side',
  'audit-log.unknown-head',
  'audit-log.size-out-of-range',
  'audit-log.head-unknown',
  'audit-log.head-stale',
  'audit-log.bad-signature',
  'audit-log.witness-not-admin',
  'rate.limited',
  'db.unavailable',
  'server.draining',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one input field: `path` is the field's location, e.g. ["body", "email"]. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  requestId?: string;
  /** What the client needs to act on this error, as JSON (e.g. message.approvers-required: who to seal to). */
  details?: Record<string, unknown>;
}

/** An expected failure: its code decides the answer; its message is safe to show a user. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Socket acknowledgements: the same success/error shape for every event. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
