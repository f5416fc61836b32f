import { can, type Action, type Target } from '../../../shared/authz/can.js';
import { AppError } from '../../../shared/errors.js';
import type { User } from './ports/users.js';

/** Throws auth.forbidden unless the pure rule allows it. */
export function authorize(actor: User, action: Action, target: Target = {}): void {
  if (!can(actor, action, target)) throw new AppError('auth.forbidden', `not allowed: ${action}`);
}
