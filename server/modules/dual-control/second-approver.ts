import type { Actor } from '../../../shared/authz/can.js';
import type { DualControlRecord } from './ports.js';

export type SecondApproverVerdict = 'eligible' | 'same-person' | 'not-eligible';

/**
 * May `actor` approve or refuse `request` as its second person? Another secretariat member, or an
 * active national admin of the subject's state; never the person who asked, never the subject.
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
