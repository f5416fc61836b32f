import type { RequestCaseView, RequestTransitionView } from '../../../shared/schemas/requests.js';
import type { RequestCase, RequestTransition } from './ports.js';

const iso = (date: Date | null): { value?: string } => (date ? { value: date.toISOString() } : {});

export function toCaseView(c: RequestCase): RequestCaseView {
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
    requester: { userId: c.requesterId, state: c.requesterState },
    requested: { userId: c.requestedId, state: c.requestedState },
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

export function toTransitionView(t: RequestTransition): RequestTransitionView {
  return {
    no: t.no,
    action: t.action,
    side: t.side,
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
