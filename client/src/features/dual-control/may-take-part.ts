import type { Actor } from '../../../../shared/authz/can';

/** Admins with their second factor take part in actions that need two people (the server decides each request). */
export function mayTakePartInDualControl(actor: Actor): boolean {
  return actor.status === 'active' && actor.totpEnabled && actor.role !== 'focal-point';
}
