import type { RequestCaseView, RequestTransitionView } from '../../../shared/schemas/requests.js';
import type { RequestCase, RequestTransition } from './ports.js';
import { NO_PEOPLE, type PeopleLookup } from './case-people.js';

const iso = (date: Date | null): { value?: string } => (date ? { value: date.toISOString() } : {});

/** The case as its readers see it; `people` names the two sides (NO_PEOPLE leaves them as states). */
export function toCaseView(c: RequestCase, people: PeopleLookup = NO_PEOPLE): RequestCaseView {
  const acknowledgedAt = iso(c.acknowledgedAt).value;
  const respondedAt = iso(c.respondedAt).value;
  const overdueAt = iso(c.overdueAt).value;
  return {
    id: c.id,
    reference: c.reference,
    kind: c.kind,
    domain: c.domain,
    category: c.category,
    classification: c.classification,
    urgency: c.urgency,
    ...(c.threadId ? { threadId: c.threadId } : {}),
    requester: { userId: c.requesterId, state: c.requesterState, ...people(c.requesterId) },
    requested: { userId: c.requestedId, state: c.requestedState, ...people(c.requestedId) },
    ...(c.deputyIds.length > 0
      ? { deputies: c.deputyIds.map((userId) => ({ userId, state: c.requestedState, ...people(userId) })) }
      : {}),
    status: c.status,
    submittedAt: c.submittedAt.toISOString(),
    deadline: c.deadline.toISOString(),
    ...(acknowledgedAt ? { acknowledgedAt } : {}),
    ...(respondedAt ? { respondedAt } : {}),
    overdue: c.overdue,
    ...(overdueAt ? { overdueAt } : {}),
    ...(c.originalCaseId ? { originalCaseId: c.originalCaseId } : {}),
    ...(c.consent ? { consent: c.consent } : {}),
    transitions: c.seq,
  };
}

export function toTransitionView(t: RequestTransition, c?: Pick<RequestCase, 'deputyIds'>): RequestTransitionView {
  return {
    no: t.no,
    action: t.action,
    side: t.side,
    ...(t.side === 'requested' && c?.deputyIds.includes(t.actorId) ? { byDeputy: t.actorId } : {}),
    from: t.from,
    to: t.to,
    at: t.at.toISOString(),
    messageId: t.messageId,
    handling: t.handling,
    ...(t.reasonCode ? { reasonCode: t.reasonCode } : {}),
    ...(t.lateReason ? { lateReason: t.lateReason } : {}),
    ...(t.consent ? { consent: t.consent } : {}),
    ...(t.evaluation ? { evaluation: t.evaluation } : {}),
  };
}
