import { IANAZone } from 'luxon';
import { AppError, type FieldIssue } from '../../../shared/errors.js';
import type { EventInput } from '../../../shared/schemas/events.js';
import type { User } from '../accounts/ports/users.js';
import type { CalendarEvent } from './ports.js';

/** The secretariat manages any event; a state's national admins those their state hosts. */
export function mayManage(actor: User, event: Pick<CalendarEvent, 'hostState'>): boolean {
  if (actor.status !== 'active') return false;
  if (actor.role === 'network-admin') return true;
  return actor.role === 'national-admin' && actor.state !== null && actor.state === event.hostState;
}

/** Proposing: the secretariat for any host (or itself); a national admin only with their own state as host. */
export function assertMayPropose(actor: User, hostState: string | null): void {
  if (mayManage(actor, { hostState })) return;
  const reason =
    actor.role === 'national-admin'
      ? 'a national admin proposes events hosted by their own state'
      : 'only the secretariat and national admins propose events';
  throw new AppError('auth.forbidden', reason, [{ path: ['body', 'hostState'], message: reason }]);
}

/**
 * The dates of an event as proposed or edited: an end after the start, a start in the future (an
 * edit that keeps the start of a begun event is let through), a registration deadline no later
 * than the start, a zone IANA knows. All problems are named at once.
 */
export function checkDates(
  input: EventInput,
  now: Date,
  keptStart?: Date,
): { startsAt: Date; endsAt: Date; registrationDeadline: Date } {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const registrationDeadline = new Date(input.registrationDeadline);
  const issues: FieldIssue[] = [];
  const at = (field: string, message: string) => issues.push({ path: ['body', field], message });
  if (!IANAZone.isValidZone(input.timeZone)) at('timeZone', `not an IANA time zone: ${input.timeZone}`);
  if (endsAt.getTime() <= startsAt.getTime()) at('endsAt', 'the event must end after it starts');
  const startKept = keptStart !== undefined && keptStart.getTime() === startsAt.getTime();
  if (!startKept && startsAt.getTime() <= now.getTime()) at('startsAt', 'the start is in the past');
  if (registrationDeadline.getTime() > startsAt.getTime())
    at('registrationDeadline', 'registration must close no later than the start');
  if (input.capacity !== null && input.capacity < 1) at('capacity', 'at least one participant');
  if (issues.length > 0) throw new AppError('event.invalid', issues.map((issue) => issue.message).join('; '), issues);
  return { startsAt, endsAt, registrationDeadline };
}

/** Metadata for the audit trail and the annual review: never titles, descriptions or names. */
export function auditData(event: CalendarEvent): Record<string, string | number | boolean | null | string[]> {
  return {
    eventId: event.id,
    kind: event.kind,
    domains: event.domains,
    hostState: event.hostState,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
  };
}

export function titleOf(event: Pick<CalendarEvent, 'title'>, language: 'en' | 'ru' = 'en'): string {
  return event.title[language] ?? event.title.en ?? event.title.ru ?? '';
}
