import { can, type Action, type Target } from '../../../shared/authz/can.js';
import { AppError } from '../../../shared/errors.js';
import type { User } from './ports/users.js';

/** Throws auth.forbidden unless the pure rule allows it; `refusal` says why in the caller's words. */
export function authorize(actor: User, action: Action, target: Target = {}, refusal = `not allowed: ${action}`): void {
  if (!can(actor, action, target)) throw new AppError('auth.forbidden', refusal);
}
