import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import { AppError } from '../../../shared/errors.js';
import { deadlineFor } from '../../../shared/requests/lifecycle.js';
import { isRequestKind } from '../../../shared/requests/templates.js';
import { formatCaseReference, referencePair } from '../../../shared/requests/case-reference.js';
import type { StoredMessage } from '../messaging/ports.js';
import type { RequestCase } from './ports.js';
import type { User } from '../accounts/ports/users.js';
import { peopleLookup } from './case-people.js';
import { toCaseView } from './case-view.js';
import { checkNewRequest, checkTransition } from './check-request.js';
import { loadCase, patchFor } from './load-case.js';
import type { RequestsDeps } from './requests-deps.js';

/**
 * How messaging hands request envelopes to this module: `check` before the envelope is stored
 * (a refused step is never stored), `record` right after (creates the case or takes the step,
 * exactly once; a retry of the same envelope repeats it harmlessly).
 */
export interface RequestHook {
  check(actor: User, envelope: Envelope, at: Date): Promise<void>;
  record(message: StoredMessage): Promise<void>;
}

const MAX_STEP_ATTEMPTS = 10;
/** A reference number handed out twice (see the port) is rare; this many in a row means something is wrong. */
const MAX_REFERENCE_ATTEMPTS = 20;

export function createRequestHook(deps: RequestsDeps): RequestHook {
  return {
    async check(actor, envelope, at) {
      const { kind } = envelope.header;
      if (isRequestKind(kind)) await checkNewRequest(deps, actor.id, envelope, at);
      else if (kind === 'request:transition') {
        const current = await loadCase(deps.cases, envelope.header.requestRef ?? '');
        if (!current) throw new AppError('request.not-found', 'no request of yours with that reference');
        checkTransition(current, actor.id, envelope, at);
      }
    },
    async record(message) {
      const { kind } = message.envelope.header;
      if (isRequestKind(kind)) await createCase(deps, message);
      else if (kind === 'request:transition') await takeStep(deps, message);
    },
  };
}

async function createCase(deps: RequestsDeps, message: StoredMessage): Promise<void> {
  const { header } = message.envelope;
  const recipient = header.to[0];
  if (!isRequestKind(header.kind) || !header.request || !recipient)
    throw new AppError('request.invalid', 'not a request');
  if (await deps.cases.findById(message.id)) return; // a retried request: its case and number stand
  const at = effectiveAt(deps, message);
  const requestCase: RequestCase = {
    id: message.id,
    reference: '',
    kind: header.kind,
    domain: header.labels.domain,
    category: header.labels.category,
    classification: header.labels.classification,
    urgency: header.request.urgency,
    threadId: header.threadId ?? null,
    requesterId: message.senderId,
    requesterState: header.from.state,
    requestedId: recipient.userId,
    requestedState: recipient.state,
    deputyIds: header.to.slice(1).map((deputy) => deputy.userId),
    status: 'submitted',
    seq: 0,
    awaiting: true,
    submittedAt: at,
    deadline: new Date(deadlineFor(at.getTime(), header.request.urgency, header.request.deadline)),
    acknowledgedAt: null,
    respondedAt: null,
    answered: false,
    overdue: false,
    overdueAt: null,
    remindersSent: 0,
    originalCaseId: header.kind === 'request:consent' ? (header.requestRef ?? null) : null,
    consent: null,
  };
  if (!(await createWithReference(deps, requestCase))) return;
  await deps.audit.append({
    type: 'request.submitted',
    actorId: message.senderId,
    state: requestCase.requesterState,
    subjectId: requestCase.id,
    data: {
      reference: requestCase.reference,
      kind: requestCase.kind,
      domain: requestCase.domain,
      urgency: requestCase.urgency,
      requestedState: requestCase.requestedState,
      deadline: requestCase.deadline.toISOString(),
      ...(requestCase.deputyIds.length > 0 ? { deputies: requestCase.deputyIds } : {}),
      ...(requestCase.originalCaseId ? { originalCaseId: requestCase.originalCaseId } : {}),
    },
  });
  await notifyParties(deps, requestCase, message.senderId);
}

/** Numbers the case in its (pair, year) sequence and stores it; false when a retry stored it first. */
async function createWithReference(deps: RequestsDeps, requestCase: RequestCase): Promise<boolean> {
  const pair = referencePair(requestCase.requesterState, requestCase.requestedState);
  const year = requestCase.submittedAt.getUTCFullYear();
  for (let attempt = 0; attempt < MAX_REFERENCE_ATTEMPTS; attempt++) {
    const no = await deps.cases.nextReferenceNumber(pair, year);
    requestCase.reference = formatCaseReference(requestCase.requesterState, requestCase.requestedState, year, no);
    const outcome = await deps.cases.create(requestCase);
    if (outcome !== 'reference-taken') return outcome === 'created';
  }
  throw new AppError('request.invalid', 'could not number the request: send it again');
}

/** Claims the next step number for this envelope; on a lost race re-reads and re-checks. */
async function takeStep(deps: RequestsDeps, message: StoredMessage): Promise<void> {
  const { header } = message.envelope;
  const step = header.step;
  if (!step) throw new AppError('request.invalid', 'a transition names its step');
  const at = effectiveAt(deps, message);
  for (let attempt = 0; attempt < MAX_STEP_ATTEMPTS; attempt++) {
    const current = await loadCase(deps.cases, header.requestRef ?? '');
    if (!current)
      return refuse(deps, message, new AppError('request.not-found', 'no request of yours with that reference'));
    if ((await deps.cases.history(current.id)).some((t) => t.messageId === message.id)) return; // a retry: already taken
    let checked;
    try {
      checked = checkTransition(current, message.senderId, message.envelope, at);
    } catch (error) {
      return refuse(deps, message, error);
    }
    const transition = {
      caseId: current.id,
      no: current.seq + 1,
      action: step.action,
      side: checked.side,
      from: checked.from,
      to: checked.to,
      at,
      messageId: message.id,
      actorId: message.senderId,
      reasonCode: step.reasonCode ?? null,
      lateReason: step.lateReason ?? null,
      consent: step.consent ?? null,
      handling: header.labels.handling,
      evaluation: header.labels.evaluation ?? null,
    };
    if (!(await deps.cases.claimTransition(transition))) continue;
    const patch = patchFor(current, transition);
    await deps.cases.applyTransition(current.id, transition.no, patch);
    const next = { ...current, ...patch, seq: transition.no };
    await deps.audit.append({
      type: 'request.transition',
      actorId: message.senderId,
      state: header.from.state,
      subjectId: current.id,
      data: {
        no: transition.no,
        action: step.action,
        from: checked.from,
        to: checked.to,
        messageId: message.id,
        handling: transition.handling,
        ...(checked.byDeputy ? { onBehalfOf: current.requestedId } : {}),
        late: at.getTime() > current.deadline.getTime(),
        ...(step.reasonCode ? { reasonCode: step.reasonCode } : {}),
        ...(step.lateReason ? { lateReason: step.lateReason } : {}),
        ...(step.consent ? { consent: step.consent } : {}),
        ...(transition.evaluation ? { evaluation: transition.evaluation } : {}),
      },
    });
    await notifyParties(deps, next, message.senderId);
    return;
  }
  return refuse(
    deps,
    message,
    new AppError('request.invalid-transition', 'the request keeps changing: reload it and try again'),
  );
}

/** A request or step counts from when its recipient can see it: storing, or release from approval. */
function effectiveAt(deps: RequestsDeps, message: StoredMessage): Date {
  return message.status === 'held' ? deps.clock.now() : message.storedAt;
}

/** The step lost a race after its envelope was stored: take the envelope back (it was never delivered). */
async function refuse(deps: RequestsDeps, message: StoredMessage, error: unknown): Promise<never> {
  await deps.messages.remove(message.id);
  throw error;
}

export async function notifyParties(
  deps: RequestsDeps,
  requestCase: RequestCase,
  actorId: string | null,
): Promise<void> {
  const view = toCaseView(requestCase, await peopleLookup(deps.index));
  deps.notifier.updated(requestCase.requesterId, view, actorId);
  deps.notifier.updated(requestCase.requestedId, view, actorId);
  for (const deputy of requestCase.deputyIds) deps.notifier.updated(deputy, view, actorId);
}
