import type { ErrorCode } from '../../shared/errors.js';

/** The one table from error code to HTTP status. */
export const ERROR_STATUS = {
  'validation.failed': 400,
  'http.bad-json': 400,
  'http.not-found': 404,
  'http.method-not-allowed': 405,
  'http.payload-too-large': 413,
  'auth.unauthenticated': 401,
  'auth.forbidden': 403,
  'auth.invalid-credentials': 401,
  'auth.totp-required': 401,
  'auth.totp-invalid': 401,
  'auth.session-invalid': 401,
  // The OPAQUE flow id is unknown, expired or used: start the step again.
  'auth.flow-invalid': 401,
  'auth.username-mismatch': 400,
  // The account signs in with OPAQUE now: the password-sending route is closed to it.
  'auth.upgraded': 409,
  'invitation.invalid': 410,
  'invitation.not-found': 404,
  'user.not-found': 404,
  'user.username-taken': 409,
  'user.invalid-transition': 409,
  'password.weak': 400,
  // 400, not 401: the session is fine, only the proof typed into the form is wrong.
  'password.wrong': 400,
  'password.reset-invalid': 410,
  'keys.invalid': 400,
  'keys.changed': 409,
  'state.unknown': 400,
  'directory.not-found': 404,
  'domain.not-participating': 409,
  'domain.unknown': 400,
  'domain.retired': 409,
  'audience.not-allowed': 403,
  // The audience or a policy changed between preview and send: the details list who to seal to now.
  'circular.recipients-changed': 409,
  // Nobody of the audience can receive it (no verified keys, or every state's policy leaves it out).
  'circular.no-recipients': 422,
  'circular.not-found': 404,
  'liveness.not-found': 404,
  'liveness.bad-signature': 400,
  'message.invalid': 400,
  'message.not-sender': 403,
  'message.clock-skew': 400,
  'message.recipient-invalid': 400,
  'message.approvers-required': 409,
  'message.not-found': 404,
  'message.receipt-invalid': 400,
  'policy.denied': 403,
  'policy.conditions-unmet': 422,
  'policy.not-found': 404,
  'policy.signature-invalid': 400,
  'policy.version-conflict': 409,
  'policy.same-signer': 409,
  'policy.cosignature-expired': 410,
  'policy.superseded': 409,
  'approval.not-found': 404,
  'approval.not-pending': 409,
  'dual-control.not-found': 404,
  // The second approver must be another person than the one who asked.
  'dual-control.same-person': 409,
  'dual-control.expired': 410,
  // Neither another secretariat member nor an active national admin of the subject's state (or the subject).
  'dual-control.not-eligible': 403,
  'dual-control.already-decided': 409,
  'request.not-found': 404,
  'request.wrong-side': 403,
  'request.invalid-transition': 409,
  'request.late-reason-required': 422,
  'request.invalid': 400,
  'consensus.not-found': 404,
  'consensus.invalid': 400,
  'consensus.closed': 409,
  'consensus.not-in-electorate': 403,
  'document.not-found': 404,
  'document.invalid': 400,
  'document.too-large': 413,
  'document.readers-changed': 409,
  'document.not-a-reader': 403,
  'document.not-adopted': 409,
  'webhook.not-found': 404,
  // The URL names an address the server will not call (loopback, private, …) or plain http.
  'webhook.address-refused': 400,
  'webhook.limit-reached': 409,
  'library.not-found': 404,
  // A withdrawn item is gone for good: no new version, not listed.
  'library.withdrawn': 410,
  'library.too-large': 413,
  // The shelf key changed since the client sealed: read the shelf again and seal anew.
  'library.stale-epoch': 409,
  'library.grant-refused': 403,
  'library.conflict': 409,
  'library.file-unknown': 400,
  'travel-documents.not-holder': 403,
  'travel-documents.not-found': 404,
  'travel-documents.stale-epoch': 409,
  'travel-documents.grant-refused': 403,
  'travel-documents.conflict': 409,
  'travel-documents.withdrawn': 410,
  // The server has no SMTP server configured: settings are kept, no mail can be sent.
  'notifications.unavailable': 409,
  'notifications.no-address': 409,
  // The SMTP server refused or could not be reached: nothing was lost, send the link again.
  'notifications.mail-failed': 502,
  'notifications.link-invalid': 410,
  'event.not-found': 404,
  // Dates, time zone, capacity or a participant that does not fit the event (the fields are in issues).
  'event.invalid': 400,
  // The host already has an event at that time: the message names it.
  'event.overlap': 409,
  // Registration is over: past the deadline, the event cancelled or already begun.
  'event.closed': 409,
  'event.full': 409,
  'event.duplicate-participant': 409,
  'event.participant-not-found': 404,
  'calendar-feed.not-found': 404,
  'centre.not-found': 404,
  // A training request not visible to the caller is answered as unknown: its existence is the two states' business.
  'training.not-found': 404,
  // A centre that is not the host's, a state asking itself, a period in the past, an event hosted elsewhere.
  'training.invalid': 400,
  // Answered already, withdrawn, or not yet accepted: the request's status does not allow the step.
  'training.invalid-transition': 409,
  // Only the host answers; only the requesting state withdraws.
  'training.wrong-side': 403,
  // A size the log never had a signed head at (heads exist where a group commit ended).
  'audit-log.unknown-head': 404,
  // A proof from a larger tree to a smaller one, or of an entry past the head.
  'audit-log.size-out-of-range': 400,
  // A witness co-signs a head the server never signed (forged), or an older one than it co-signed before.
  'audit-log.head-unknown': 409,
  'audit-log.head-stale': 409,
  'audit-log.bad-signature': 400,
  'audit-log.witness-not-admin': 403,
  'rate.limited': 429,
  'db.unavailable': 503,
  // This node is stopping (rolling restart): the same request succeeds on another node.
  'server.draining': 503,
  internal: 500,
} as const satisfies Record<ErrorCode, number>;
