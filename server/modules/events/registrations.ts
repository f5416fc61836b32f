import { AppError, type FieldIssue } from '../../../shared/errors.js';
import type { ParticipantInput, RegistrationInput } from '../../../shared/schemas/events.js';
import type { User } from '../accounts/ports/users.js';
import { auditData } from './event-rules.js';
import type { EventsDeps } from './events-deps.js';
import { findEvent } from './manage-events.js';
import type { CalendarEvent, NewParticipant, Participant } from './ports.js';

/** The same official typed twice differs at most in case and spacing. */
const foldName = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('ru');

const personKey = (state: string, participant: ParticipantInput): string =>
  'userId' in participant ? `user:${participant.userId}` : `name:${state}:${foldName(participant.name)}`;

/** Registration is open while the event is scheduled, not begun, and its deadline not passed. */
function assertOpen(event: CalendarEvent, now: Date): void {
  if (event.status === 'cancelled') throw new AppError('event.closed', 'the event is cancelled');
  if (event.startsAt.getTime() <= now.getTime()) throw new AppError('event.closed', 'the event has begun or is over');
  if (event.registrationDeadline.getTime() < now.getTime())
    throw new AppError('event.closed', `registration closed at ${event.registrationDeadline.toISOString()}`);
}

function assertOwnState(actor: User, state: string): void {
  if (actor.status === 'active' && actor.role === 'national-admin' && actor.state === state) return;
  throw new AppError('auth.forbidden', "a national admin registers and withdraws only their own state's participants");
}

/** Focal points must be active accounts of the registering state; officials are named. */
async function toNewParticipants(
  deps: EventsDeps,
  actor: User,
  event: CalendarEvent,
  input: RegistrationInput,
): Promise<NewParticipant[]> {
  const now = deps.clock.now();
  const issues: FieldIssue[] = [];
  const people: NewParticipant[] = [];
  for (const [i, participant] of input.participants.entries()) {
    let userId: string | null = null;
    let name: string;
    let fn: string | null;
    if ('userId' in participant) {
      const user = await deps.users.findById(participant.userId);
      if (!user || user.status !== 'active' || user.role !== 'focal-point' || user.state !== input.state) {
        issues.push({
          path: ['body', 'participants', i, 'userId'],
          message: `not an active focal point of ${input.state}`,
        });
        continue;
      }
      userId = user.id;
      name = user.displayName;
      fn = null;
    } else {
      name = participant.name;
      fn = participant.function;
    }
    people.push({
      eventId: event.id,
      state: input.state,
      userId,
      name,
      function: fn,
      personKey: personKey(input.state, participant),
      registeredBy: actor.id,
      registeredAt: now,
    });
  }
  if (issues.length > 0) throw new AppError('event.invalid', issues.map((issue) => issue.message).join('; '), issues);
  return people;
}

function assertNoDuplicates(people: NewParticipant[], existing: Participant[]): void {
  const seen = new Set(existing.map((participant) => participant.personKey));
  for (const person of people) {
    if (seen.has(person.personKey))
      throw new AppError('event.duplicate-participant', `${person.name} is registered already`);
    seen.add(person.personKey);
  }
}

/**
 * A national admin registers participants of their state, all or none. Seats are reserved with one
 * conditional update before anything is inserted, so two admins racing for the last seat cannot
 * both get it; should the insert then find a person registered meanwhile, the seats are given back.
 */
export async function registerParticipants(
  deps: EventsDeps,
  actor: User,
  eventId: string,
  input: RegistrationInput,
): Promise<Participant[]> {
  assertOwnState(actor, input.state);
  const event = await findEvent(deps, eventId);
  assertOpen(event, deps.clock.now());
  const people = await toNewParticipants(deps, actor, event, input);
  assertNoDuplicates(people, await deps.participants.ofEvent(eventId));
  if (!(await deps.events.reserveSeats(eventId, people.length))) {
    const now = await findEvent(deps, eventId);
    assertOpen(now, deps.clock.now());
    const left = Math.max(0, (now.capacity ?? 0) - now.seatsTaken);
    throw new AppError(
      'event.full',
      `not enough places: ${left} left of ${now.capacity ?? 0}, ${people.length} asked for`,
    );
  }
  const added = await deps.participants.addAll(people);
  if (!added.ok) {
    await deps.events.releaseSeats(eventId, people.length);
    throw new AppError('event.duplicate-participant', `${added.duplicate} is registered already`);
  }
  await deps.audit.append({
    type: 'event.registered',
    actorId: actor.id,
    state: input.state,
    subjectId: eventId,
    data: {
      ...auditData(event),
      registeringState: input.state,
      participants: people.length,
      focalPoints: people.filter((person) => person.userId !== null).length,
    },
  });
  return added.added;
}

/** A national admin withdraws one of their state's participants, until the event begins. */
export async function withdrawParticipant(
  deps: EventsDeps,
  actor: User,
  eventId: string,
  participantId: string,
): Promise<void> {
  const event = await findEvent(deps, eventId);
  const participant = (await deps.participants.ofEvent(eventId)).find((p) => p.id === participantId);
  if (!participant) throw new AppError('event.participant-not-found', 'no such participant of this event');
  assertOwnState(actor, participant.state);
  if (event.startsAt.getTime() <= deps.clock.now().getTime())
    throw new AppError('event.closed', 'the event has begun or is over');
  const removed = await deps.participants.remove(eventId, participantId);
  if (!removed) throw new AppError('event.participant-not-found', 'no such participant of this event');
  await deps.events.releaseSeats(eventId, 1);
  await deps.audit.append({
    type: 'event.registration-withdrawn',
    actorId: actor.id,
    state: participant.state,
    subjectId: eventId,
    data: { ...auditData(event), registeringState: participant.state, participants: 1 },
  });
}
