import { AppError } from '../../../shared/errors.js';
import type { EventInput } from '../../../shared/schemas/events.js';
import type { User } from '../accounts/ports/users.js';
import { requireActiveDomains } from '../directory/domains.js';
import { assertMayPropose, auditData, checkDates, mayManage, titleOf } from './event-rules.js';
import type { EventsDeps } from './events-deps.js';
import type { CalendarEvent, EventFields } from './ports.js';
import { tellParticipantStates } from './event-alerts.js';

export async function findEvent(deps: Pick<EventsDeps, 'events'>, id: string): Promise<CalendarEvent> {
  const event = await deps.events.find(id);
  if (!event) throw new AppError('event.not-found', 'no such event');
  return event;
}

/** Everything checked before the first write: who, the domains, the dates, and the host's other events. */
async function checkedFields(
  deps: EventsDeps,
  input: EventInput,
  options: { keptStart?: Date; except?: string } = {},
): Promise<EventFields> {
  const dates = checkDates(input, deps.clock.now(), options.keptStart);
  await requireActiveDomains(deps.index, input.domains, ['body', 'domains']);
  const clashes = await deps.events.overlapping(input.hostState, dates.startsAt, dates.endsAt, options.except);
  const clash = clashes[0];
  if (clash) {
    const message = `the host already has an event at that time: "${titleOf(clash)}" (${clash.startsAt.toISOString()} – ${clash.endsAt.toISOString()})`;
    throw new AppError('event.overlap', message, [{ path: ['body', 'startsAt'], message }], { eventId: clash.id });
  }
  return {
    kind: input.kind,
    title: input.title,
    description: input.description ?? null,
    domains: [...new Set(input.domains)],
    hostState: input.hostState,
    ...dates,
    timeZone: input.timeZone,
    venue: input.venue,
    online: input.online,
    languages: [...new Set(input.languages)],
    partners: input.partners,
    capacity: input.capacity,
  };
}

export async function proposeEvent(deps: EventsDeps, actor: User, input: EventInput): Promise<CalendarEvent> {
  assertMayPropose(actor, input.hostState);
  const fields = await checkedFields(deps, input);
  const event = await deps.events.create(fields, actor.id, deps.clock.now());
  await deps.audit.append({
    type: 'event.proposed',
    actorId: actor.id,
    state: actor.state,
    subjectId: event.id,
    data: auditData(event),
  });
  return event;
}

function assertManageable(actor: User, event: CalendarEvent): void {
  if (!mayManage(actor, event))
    throw new AppError('auth.forbidden', "only the host state's admins and the secretariat change an event");
  if (event.status === 'cancelled') throw new AppError('event.closed', 'the event is cancelled');
}

export async function updateEvent(
  deps: EventsDeps,
  actor: User,
  id: string,
  input: EventInput,
): Promise<CalendarEvent> {
  const current = await findEvent(deps, id);
  assertManageable(actor, current);
  // The host stays: another state cannot be made host by an edit.
  if (input.hostState !== current.hostState) assertMayPropose(actor, input.hostState);
  const fields = await checkedFields(deps, input, { keptStart: current.startsAt, except: id });
  if (fields.capacity !== null && fields.capacity < current.seatsTaken) {
    const message = `${current.seatsTaken} participants are registered already`;
    throw new AppError('event.invalid', message, [{ path: ['body', 'capacity'], message }]);
  }
  const updated = await deps.events.update(id, current.sequence, fields, deps.clock.now());
  if (!updated) throw new AppError('event.invalid', 'the event was changed meanwhile: reload it and try again');
  await deps.audit.append({
    type: 'event.updated',
    actorId: actor.id,
    state: actor.state,
    subjectId: id,
    data: { ...auditData(updated), sequence: updated.sequence },
  });
  await tellParticipantStates(deps, updated);
  return updated;
}

export async function cancelEvent(deps: EventsDeps, actor: User, id: string): Promise<CalendarEvent> {
  const current = await findEvent(deps, id);
  assertManageable(actor, current);
  const cancelled = await deps.events.cancel(id, deps.clock.now());
  if (!cancelled) throw new AppError('event.closed', 'the event is cancelled');
  await deps.audit.append({
    type: 'event.cancelled',
    actorId: actor.id,
    state: actor.state,
    subjectId: id,
    data: { ...auditData(cancelled), participants: cancelled.seatsTaken },
  });
  await tellParticipantStates(deps, cancelled);
  return cancelled;
}
