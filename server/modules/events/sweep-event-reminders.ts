import type { EventsDeps } from './events-deps.js';
import { eventAlert } from './event-alerts.js';
import type { CalendarEvent } from './ports.js';

export const EVENT_REMINDER_SWEEP_INTERVAL_MS = 5 * 60_000;
const DAY_MS = 86_400_000;
/** States that take part in an event's domains and registered nobody hear this long before the deadline. */
export const REGISTRATION_REMINDER_MS = 3 * DAY_MS;
/** Registered participants with accounts, and their admins, hear this long before the start. */
export const START_REMINDER_MS = DAY_MS;

/** Each reminder once across nodes; the claim outlives the event by a day, then housekeeping forgets it. */
const claimOnce = (deps: EventsDeps, event: CalendarEvent, key: string): Promise<boolean> =>
  deps.claims.claim(`event-reminder:${event.id}:${key}`, deps.clock.now(), new Date(event.endsAt.getTime() + DAY_MS));

async function remindRegistration(deps: EventsDeps, event: CalendarEvent): Promise<number> {
  const registered = new Set((await deps.participants.ofEvent(event.id)).map((participant) => participant.state));
  const { states } = await deps.index.snapshot();
  const now = deps.clock.now();
  let sent = 0;
  for (const state of states.values()) {
    if (registered.has(state.code) || !state.domains.some((domain) => event.domains.includes(domain))) continue;
    const deadline = event.registrationDeadline.toISOString();
    if (!(await claimOnce(deps, event, `deadline:${deadline}:${state.code}`))) continue;
    await deps.raise(
      eventAlert(
        'event.registration-closing',
        event,
        { state: state.code },
        state.code,
        now,
        event.registrationDeadline,
      ),
    );
    sent++;
  }
  return sent;
}

async function remindStart(deps: EventsDeps, event: CalendarEvent): Promise<number> {
  const participants = await deps.participants.ofEvent(event.id);
  const now = deps.clock.now();
  const start = event.startsAt.toISOString();
  let sent = 0;
  for (const userId of new Set(participants.flatMap((participant) => participant.userId ?? []))) {
    if (!(await claimOnce(deps, event, `start:${start}:user:${userId}`))) continue;
    await deps.raise(eventAlert('event.starting', event, { userId }, `user:${userId}`, now, event.startsAt));
    sent++;
  }
  for (const state of new Set(participants.map((participant) => participant.state))) {
    if (!(await claimOnce(deps, event, `start:${start}:state:${state}`))) continue;
    await deps.raise(eventAlert('event.starting', event, { state }, `state:${state}`, now, event.startsAt));
    sent++;
  }
  return sent;
}

/**
 * Periodic on every node: reminders before registration closes (to states of the event's domains
 * that registered nobody) and before the event (to its participants with accounts and their
 * states' admins), through the alerts outbox. Each is claimed once, so nodes and repeated sweeps
 * never send one twice.
 */
export async function sweepEventReminders(deps: EventsDeps): Promise<{ registration: number; start: number }> {
  const now = deps.clock.now();
  let registration = 0;
  let start = 0;
  const closing = await deps.events.upcomingBetween(
    'registrationDeadline',
    now,
    new Date(now.getTime() + REGISTRATION_REMINDER_MS),
  );
  for (const event of closing) registration += await remindRegistration(deps, event);
  for (const event of await deps.events.upcomingBetween('startsAt', now, new Date(now.getTime() + START_REMINDER_MS)))
    start += await remindStart(deps, event);
  if (registration + start > 0)
    await deps.audit.append({ type: 'event.reminders-sent', data: { registration, start } });
  return { registration, start };
}
