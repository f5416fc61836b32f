import type { Actor } from '../../../shared/authz/can.js';
import { SECRETARIAT_STATE } from '../../../shared/schemas/labels.js';
import type { DualControlRecord } from './ports.js';

export type SecondApproverVerdict = 'eligible' | 'same-person' | 'not-eligible';

/** The state a request's audit entries and alerts carry: none for a secretariat member. */
export const auditState = (request: Pick<DualControlRecord, 'state'>): string | null =>
  request.state === SECRETARIAT_STATE ? null : request.state;

/**
 * May `actor` approve or refuse `request` as its second person? Another secretariat member, or an
 * active national admin of the subject's state (a secretariat member's: only another secretariat
 * member); never the person who asked, never the subject.
 * Like every admin action, only from an active account with its second factor.
 */
export function secondApproverVerdict(
  actor: Actor,
  request: Pick<DualControlRecord, 'requestedBy' | 'subjectId' | 'state'>,
): SecondApproverVerdict {
  if (actor.id === request.requestedBy) return 'same-person';
  if (actor.id === request.subjectId) return 'not-eligible';
  if (actor.status !== 'active' || !actor.totpEnabled) return 'not-eligible';
  if (actor.role === 'network-admin') return 'eligible';
  if (actor.role === 'national-admin' && actor.state === request.state) return 'eligible';
  return 'not-eligible';
}
