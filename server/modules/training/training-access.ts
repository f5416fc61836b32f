import { can } from '../../../shared/authz/can.js';
import { AppError } from '../../../shared/errors.js';
import type { User } from '../accounts/ports/users.js';
import type { TrainingRequest } from './ports.js';

/** Signed in, active, with the second factor admins need: what every training step asks first. */
export function assertActive(actor: User): void {
  if (!can(actor, 'directory:read')) throw new AppError('auth.forbidden', 'not allowed');
}

export const isSecretariat = (actor: User): boolean => actor.role === 'network-admin';
export const isNationalAdminOf = (actor: User, state: string): boolean =>
  actor.role === 'national-admin' && actor.state === state;

/** A state's centres are described by its national admins; the secretariat may correct any. */
export function assertMayManageCentre(actor: User, state: string): void {
  assertActive(actor);
  if (!isSecretariat(actor) && !isNationalAdminOf(actor, state))
    throw new AppError('auth.forbidden', "only the state's national admins (or the secretariat) manage its centres");
}

/** The two states' admins and the secretariat: for anyone else the request does not exist. */
export function maySeeRequest(actor: User, request: TrainingRequest): boolean {
  return (
    isSecretariat(actor) ||
    isNationalAdminOf(actor, request.requestingState) ||
    isNationalAdminOf(actor, request.hostState)
  );
}
