import type { CentreView, TrainingRequestView } from '../../../shared/schemas/training.js';
import type { Centre, TrainingRequest } from './ports.js';

const DAY_MS = 86_400_000;

export function centreView(centre: Centre, now: Date, freshnessDays: number): CentreView {
  return {
    id: centre.id,
    name: centre.name,
    state: centre.state,
    domains: centre.domains,
    subjects: centre.subjects,
    languages: centre.languages,
    contact: centre.contact,
    formats: centre.formats,
    hostsForeignParticipants: centre.hostsForeignParticipants,
    createdAt: centre.createdAt.toISOString(),
    updatedAt: centre.updatedAt.toISOString(),
    lastConfirmedAt: centre.lastConfirmedAt.toISOString(),
    stale: now.getTime() - centre.lastConfirmedAt.getTime() > freshnessDays * DAY_MS,
  };
}

export function requestView(request: TrainingRequest): TrainingRequestView {
  return {
    id: request.id,
    requestingState: request.requestingState,
    hostState: request.hostState,
    ...(request.centreId ? { centreId: request.centreId } : {}),
    domain: request.domain,
    subject: request.subject,
    kind: request.kind,
    period: request.period,
    languages: request.languages,
    participants: request.participants,
    ...(request.notes ? { notes: request.notes } : {}),
    status: request.status,
    requestedBy: request.requestedBy,
    createdAt: request.createdAt.toISOString(),
    answeredBy: request.answeredBy,
    answeredAt: request.answeredAt?.toISOString() ?? null,
    proposedPeriod: request.proposedPeriod,
    format: request.format,
    declineReason: request.declineReason,
    eventId: request.eventId,
    plannedAt: request.plannedAt?.toISOString() ?? null,
  };
}
