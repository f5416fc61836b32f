import { randomUUID } from 'node:crypto';
import { StoredWrappedKeys } from '../../../shared/crypto/wrapped-keys-format.js';
import { AppError } from '../../../shared/errors.js';
import type { ChangePasswordRequest, Session } from '../../../shared/schemas/accounts.js';
import type { User } from '../../db/repositories/users.repository.js';
import type { AccountsDeps } from './accounts-deps.js';
import { assertStrongPassword, hashPassword, verifyPassword } from './passwords.js';
import { issueSession } from './sessions.js';

/**
 * A new password, proven by the current one. The browser sends the private keys wrapped under the
 * new password (the server cannot check the wrapping, only its form; the recovery wrapping stays).
 * Every other session ends at once — tokens, refresh tokens and sockets on every node — and the
 * caller gets a fresh session, so this tab carries on.
 */
export async function changePassword(deps: AccountsDeps, actor: User, input: ChangePasswordRequest, device?: string): Promise<Session> {
  const secrets = await deps.users.secrets(actor.id);
  if (!(await verifyPassword(secrets?.passwordHash, input.currentPassword))) {
    await deps.audit.append({ type: 'auth.password-change-failed', actorId: actor.id, state: actor.state, subjectId: actor.id });
    throw new AppError('password.wrong', 'the current password is wrong', [{ path: ['body', 'currentPassword'], message: 'wrong password' }]);
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('validation.failed', 'the new password is the current one', [{ path: ['body', 'newPassword'], message: 'choose a different password' }]);
  }
  assertStrongPassword(input.newPassword, [actor.username, actor.displayName]);
  const stored = StoredWrappedKeys.safeParse(await deps.users.wrappedKeys(actor.id));
  if (!stored.success) throw new AppError('user.invalid-transition', 'no keys are stored for this account');

  const now = deps.clock.now();
  const updated = await deps.users.update(actor.id, {
    passwordHash: await hashPassword(input.newPassword),
    wrappedKeys: { passphrase: input.wrappedKeys, recovery: stored.data.recovery },
  }, { revokeTokens: true, now });
  await deps.refreshTokens.revokeAllOfUser(actor.id);
  deps.revocations.revokeUser(actor.id);
  await deps.audit.append({ type: 'auth.password-changed', actorId: actor.id, state: actor.state, subjectId: actor.id });
  return issueSession(deps, updated ?? actor, randomUUID(), { device });
}
