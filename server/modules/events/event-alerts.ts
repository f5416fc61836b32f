import type { Alert } from '../../../shared/schemas/alerts.js';
import type { EventsDeps } from './events-deps.js';
import type { CalendarEvent } from './ports.js';

/** Metadata only: the kind of news, the state, the first domain, ids. Never titles or names. */
export function eventAlert(
  kind: Alert['kind'],
  event: CalendarEvent,
  to: { state?: string; userId?: string },
  key: string,
  at: Date,
  deadline?: Date,
): Alert {
  return {
    id: `${kind}:${event.id}:${key}`,
    kind,
    ...(to.userId ? { userId: to.userId } : {}),
    ...(to.state ? { state: to.state } : {}),
    ...(event.hostState && event.hostState !== to.state ? { counterpartState: event.hostState } : {}),
    ...(event.domains[0] ? { domain: event.domains[0] } : {}),
    ...(deadline ? { deadline: deadline.toISOString() } : {}),
    refs: { eventId: event.id },
    at: at.toISOString(),
  };
}

/** A changed or cancelled event: the admins of every state with registered participants hear of it. */
export async function tellParticipantStates(deps: EventsDeps, event: CalendarEvent): Promise<void> {
  const states = new Set((await deps.participants.ofEvent(event.id)).map((participant) => participant.state));
  const now = deps.clock.now();
  for (const state of states)
    await deps.raise(eventAlert('event.changed', event, { state }, `${state}:${event.sequence}`, now));
}
