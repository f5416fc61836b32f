import type { EventKind } from '../../../../shared/schemas/events';
import type { TrainingKind, TrainingRequestView } from '../../../../shared/schemas/training';

const EVENT_KIND_OF: Record<TrainingKind, EventKind> = {
  seminar: 'seminar',
  'training-of-trainers': 'training',
  'needs-assessment': 'meeting',
  'experts-meeting': 'experts-meeting',
};

/** `/events/new?trainingRequest=<id>`: the training request an event is planned for, if any. */
export function trainingRequestOfLocation(): string | undefined {
  const id = new URLSearchParams(window.location.search).get('trainingRequest');
  return id && /^[0-9a-f]{24}$/.test(id) ? id : undefined;
}

/** What a new event takes from the accepted request: kind, domain, host, languages, title and the agreed period (09:00–17:00 local). */
export function eventFieldsOf(request: TrainingRequestView) {
  const period = request.proposedPeriod ?? request.period;
  return {
    kind: EVENT_KIND_OF[request.kind],
    titleEn: request.subject,
    domains: [request.domain],
    hostState: request.hostState,
    startsAt: `${period.from}T09:00`,
    endsAt: `${period.to}T17:00`,
    languages: request.languages.join(', '),
    capacity: String(request.participants),
  };
}
