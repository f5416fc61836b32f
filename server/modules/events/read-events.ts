import type { EventListQuery, EventView, ParticipantView } from '../../../shared/schemas/events.js';
import type { User } from '../accounts/ports/users.js';
import { mayManage } from './event-rules.js';
import type { EventsDeps } from './events-deps.js';
import { findEvent } from './manage-events.js';
import type { CalendarEvent, Participant } from './ports.js';

/** Names are personal data: the secretariat and the host's admins see all, a national admin their own state's. */
function mayReadNamesOf(actor: User, event: CalendarEvent, state: string): boolean {
  if (actor.status !== 'active') return false;
  if (mayManage(actor, event)) return true;
  return actor.role === 'national-admin' && actor.state === state;
}

export function toEventView(actor: User, event: CalendarEvent, participants: Participant[]): EventView {
  const counts = new Map<string, number>();
  for (const participant of participants) counts.set(participant.state, (counts.get(participant.state) ?? 0) + 1);
  const visible: ParticipantView[] = participants
    .filter((participant) => mayReadNamesOf(actor, event, participant.state))
    .map((participant) => ({
      id: participant.id,
      state: participant.state,
      userId: participant.userId,
      name: participant.name,
      function: participant.function,
      registeredAt: participant.registeredAt.toISOString(),
    }));
  return {
    id: event.id,
    kind: event.kind,
    title: event.title,
    ...(event.description ? { description: event.description } : {}),
    domains: event.domains,
    hostState: event.hostState,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
    venue: event.venue,
    online: event.online,
    languages: event.languages,
    partners: event.partners,
    capacity: event.capacity,
    registrationDeadline: event.registrationDeadline.toISOString(),
    status: event.status,
    sequence: event.sequence,
    proposedBy: event.proposedBy,
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
    registeredByState: [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([state, count]) => ({ state, count })),
    registeredTotal: participants.length,
    participants: visible,
    mayManage: mayManage(actor, event),
  };
}

export async function readEvent(deps: EventsDeps, actor: User, id: string): Promise<EventView> {
  const event = await findEvent(deps, id);
  return toEventView(actor, event, await deps.participants.ofEvent(id));
}

/** Upcoming (not yet ended; soonest first) or past (latest first); everyone signed in reads the calendar. */
export async function listEvents(deps: EventsDeps, actor: User, query: EventListQuery): Promise<EventView[]> {
  const now = deps.clock.now();
  const events = await deps.events.list({
    ...(query.when === 'upcoming' ? { from: now } : { before: now }),
    ...(query.domain ? { domain: query.domain } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
  });
  events.sort((a, b) =>
    query.when === 'upcoming'
      ? a.startsAt.getTime() - b.startsAt.getTime()
      : b.startsAt.getTime() - a.startsAt.getTime(),
  );
  const participants = await deps.participants.ofEvents(events.map((event) => event.id));
  const byEvent = new Map<string, Participant[]>();
  for (const participant of participants)
    byEvent.set(participant.eventId, [...(byEvent.get(participant.eventId) ?? []), participant]);
  return events.map((event) => toEventView(actor, event, byEvent.get(event.id) ?? []));
}
