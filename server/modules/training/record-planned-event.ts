import { AppError } from '../../../shared/errors.js';
import type { TrainingRequestView } from '../../../shared/schemas/training.js';
import type { User } from '../accounts/ports/users.js';
import { isNationalAdminOf } from './training-access.js';
import type { TrainingDeps } from './training-deps.js';
import { advance, visibleRequest } from './training-requests.js';
import { requestView } from './training-views.js';

const EVENT_ID = /^[0-9a-f]{24}$/;

/**
 * An accepted request became an event of the calendar: the host's admins record which one. The
 * event must exist and be hosted by the host state (asked of the calendar through `plannedEvents`).
 */
export async function recordPlannedEvent(
  deps: Pick<TrainingDeps, 'requests' | 'claims' | 'audit' | 'clock' | 'plannedEvents'>,
  actor: User,
  requestId: string,
  eventId: string,
): Promise<TrainingRequestView> {
  const request = await visibleRequest(deps, actor, requestId);
  if (!isNationalAdminOf(actor, request.hostState))
    throw new AppError('training.wrong-side', "only the host state's national admins plan the event");
  const invalid = (message: string) =>
    new AppError('training.invalid', message, [{ path: ['body', 'eventId'], message }]);
  if (!EVENT_ID.test(eventId)) throw invalid('an event id is 24 hex characters');
  if (request.status !== 'accepted')
    throw new AppError('training.invalid-transition', `the request is ${request.status}, not accepted`);
  if (!deps.plannedEvents) throw invalid('the events calendar is not available on this server');
  const host = await deps.plannedEvents.hostOf(eventId);
  if (host === undefined) throw invalid('no such event');
  if (host !== request.hostState) throw invalid(`the event is hosted by ${host}, not ${request.hostState}`);
  const planned = await advance(deps, request, 'accepted', {
    status: 'planned',
    eventId,
    plannedAt: deps.clock.now(),
  });
  await deps.audit.append({
    type: 'training.planned',
    actorId: actor.id,
    state: planned.hostState,
    subjectId: planned.id,
    data: {
      requestingState: planned.requestingState,
      hostState: planned.hostState,
      domain: planned.domain,
      kind: planned.kind,
      eventId,
    },
  });
  return requestView(planned);
}
