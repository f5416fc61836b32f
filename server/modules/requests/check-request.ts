import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import { AppError } from '../../../shared/errors.js';
import { MAX_DEADLINE_MS } from '../../../shared/requests/header-fields.js';
import { isAnswer, nextStatus, type RequestSide, type RequestStatus } from '../../../shared/requests/lifecycle.js';
import { offeredIn, REQUEST_TEMPLATES, type RequestKind } from '../../../shared/requests/templates.js';
import type { RequestCase } from './ports.js';
import type { RequestsDeps } from './requests-deps.js';
import { loadCase } from './load-case.js';
import { deputiesAt } from '../directory/duty-roster.js';

/**
 * Recipients after the first must be the deputies standing in for the first right now: a
 * requester cannot hand the requested side's steps to anyone else. The sender's client read the
 * directory moments ago; if the person came back since, it reloads and sends again.
 */
async function checkDeputies(deps: RequestsDeps, envelope: Envelope, at: Date): Promise<void> {
  const [requested, ...deputies] = envelope.header.to;
  if (!requested || deputies.length === 0) return;
  const covering = deps.index ? deputiesAt(await deps.index.snapshot(), requested.userId, at) : [];
  for (const [i, deputy] of deputies.entries()) {
    if (!covering.includes(deputy.userId))
      throw new AppError(
        'request.invalid',
        `${deputy.userId} does not stand in for ${requested.userId} now: reload the directory and send again`,
        [{ path: ['envelope', 'header', 'to', i + 1], message: 'not the current deputy of the first recipient' }],
      );
  }
}

/** A new request (or consent request): its deadline and, for consent, the case it concerns. */
export async function checkNewRequest(
  deps: RequestsDeps,
  senderId: string,
  envelope: Envelope,
  at: Date,
): Promise<{ original?: RequestCase }> {
  const { header } = envelope;
  const kind = header.kind as RequestKind;
  const deadline = header.request?.deadline;
  if (deadline !== undefined && (deadline <= at.getTime() || deadline > at.getTime() + MAX_DEADLINE_MS)) {
    throw new AppError('request.invalid', 'the deadline must lie in the future and within a year', [
      { path: ['envelope', 'header', 'request', 'deadline'], message: 'in the future, within a year' },
    ]);
  }
  if (!offeredIn(REQUEST_TEMPLATES[kind], header.labels.domain)) {
    throw new AppError(
      'request.invalid',
      `a ${kind.slice('request:'.length)} request is not offered in ${header.labels.domain}`,
    );
  }
  await checkDeputies(deps, envelope, at);
  if (kind !== 'request:consent') return {};
  // Consent is asked of the state that provided the answer, by the one who received it.
  const original = await loadCase(deps.cases, header.requestRef ?? '');
  if (!original || original.requesterId !== senderId)
    throw new AppError('request.not-found', 'no request of yours with that reference');
  if (!original.answered)
    throw new AppError('request.invalid', 'consent can be asked only about a request that was answered');
  if (header.to[0]?.state !== original.requestedState || header.labels.domain !== original.domain) {
    throw new AppError(
      'request.invalid',
      `consent is asked of ${original.requestedState}, the state that provided the answer, in ${original.domain}`,
    );
  }
  return { original };
}

export interface CheckedTransition {
  side: RequestSide;
  /** A deputy on the case took the requested side's step. */
  byDeputy: boolean;
  from: RequestStatus;
  to: RequestStatus;
}

/** May `senderId` take this step on `current` at `at`? Throws the reason if not. */
export function checkTransition(
  current: RequestCase,
  senderId: string,
  envelope: Envelope,
  at: Date,
): CheckedTransition {
  const { header } = envelope;
  const step = header.step;
  if (!step) throw new AppError('request.invalid', 'a transition names its step');
  const byDeputy = current.deputyIds.includes(senderId);
  const side: RequestSide | undefined =
    senderId === current.requesterId
      ? 'requester'
      : senderId === current.requestedId || byDeputy
        ? 'requested'
        : undefined;
  if (!side) throw new AppError('request.not-found', 'no request of yours with that reference');
  const counterpart = side === 'requester' ? current.requestedId : current.requesterId;
  if (header.to[0]?.userId !== counterpart)
    throw new AppError('request.invalid', 'a transition goes to the other side of the request', [
      { path: ['envelope', 'header', 'to'], message: `must be ${counterpart}` },
    ]);
  checkCopies(current, senderId, envelope);
  if (header.labels.domain !== current.domain)
    throw new AppError('request.invalid', `the request is in ${current.domain}`, [
      { path: ['envelope', 'header', 'labels', 'domain'], message: `must be ${current.domain}` },
    ]);
  const next = nextStatus(current.status, side, step.action);
  if (!next.ok)
    throw new AppError(
      next.reason === 'wrong-side' ? 'request.wrong-side' : 'request.invalid-transition',
      next.message,
    );
  if (isAnswer(step.action)) {
    if (at.getTime() > current.deadline.getTime() && !step.lateReason) {
      throw new AppError('request.late-reason-required', 'the deadline has passed: say why the answer is late', [
        { path: ['envelope', 'header', 'step', 'lateReason'], message: 'required after the deadline' },
      ]);
    }
    if ((current.kind === 'request:consent') !== (step.consent !== undefined)) {
      throw new AppError(
        'request.invalid',
        current.kind === 'request:consent'
          ? 'an answer to a consent request grants or refuses consent'
          : 'only a consent request is answered with consent',
        [
          {
            path: ['envelope', 'header', 'step', 'consent'],
            message: current.kind === 'request:consent' ? 'required' : 'not allowed',
          },
        ],
      );
    }
  }
  return { side, byDeputy, from: current.status, to: next.to };
}

/** A step may also go to the case's other people (the requested focal point, their deputies), never beyond. */
function checkCopies(current: RequestCase, senderId: string, envelope: Envelope): void {
  const people = new Set([current.requesterId, current.requestedId, ...current.deputyIds]);
  people.delete(senderId);
  for (const [i, recipient] of envelope.header.to.entries()) {
    if (!people.delete(recipient.userId))
      throw new AppError('request.invalid', 'a step goes only to the people of its case, each once', [
        { path: ['envelope', 'header', 'to', i], message: 'not one of the case' },
      ]);
  }
}
