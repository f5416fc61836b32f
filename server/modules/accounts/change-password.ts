import { randomUUID } from 'node:crypto';
import { AnyStoredWrappedKeys } from '../../../shared/crypto/wrapped-keys-format.js';
import { AppError } from '../../../shared/errors.js';
import type { ChangePasswordRequest, ChangePasswordStartResponse, Session } from '../../../shared/schemas/accounts.js';
import type { User } from './ports/users.js';
import type { AccountsDeps } from './accounts-deps.js';
import { checkCurrentTotp } from './reauthenticate.js';
import { issueSession } from './sessions.js';

const wrongPassword = (): AppError =>
  new AppError('password.wrong', 'the current password is wrong', [
    { path: ['body', 'currentPassword'], message: 'wrong password' },
  ]);

/**
 * A password change, first round trip: an OPAQUE login with the current password (its KE2) and a
 * registration of the new one (its response), sealed into one flow for this person.
 */
export async function startPasswordChange(
  deps: AccountsDeps,
  actor: User,
  input: { startLoginRequest: string; registrationRequest: string },
): Promise<ChangePasswordStartResponse> {
  const credential = (await deps.users.secrets(actor.id))?.opaque;
  if (!credential)
    throw new AppError(
      'user.invalid-transition',
      'sign in again first: this account is upgraded to the new sign-in at its next sign-in',
    );
  const { loginResponse, serverLoginState } = deps.opaque.startLogin(
    actor.username,
    credential.record,
    input.startLoginRequest,
  );
  const registrationResponse = deps.opaque.registrationResponse(actor.username, input.registrationRequest);
  const flowId = deps.opaque.seal(
    { purpose: 'password-change', username: actor.username, userId: actor.id, serverLoginState, subject: null },
    deps.clock.now(),
  );
  return { flowId, loginResponse, stretching: credential.stretching, registrationResponse };
}

/**
 * A new password, proven by the current one (the OPAQUE login finishes). The browser sends the new
 * record and the private keys wrapped under the new export key (the server cannot check the
 * wrapping, only its form; the recovery wrapping stays). Every other session ends at once —
 * tokens, refresh tokens and sockets on every node — and the caller gets a fresh session.
 */
export async function changePassword(
  deps: AccountsDeps,
  actor: User,
  input: ChangePasswordRequest,
  device?: string,
): Promise<Session> {
  const flow = await deps.opaque.consume(input.flowId, 'password-change', deps.clock.now());
  if (
    flow.userId !== actor.id ||
    !flow.serverLoginState ||
    !deps.opaque.finishLogin(flow.serverLoginState, input.finishLoginRequest)
  ) {
    await deps.audit.append({
      type: 'auth.password-change-failed',
      actorId: actor.id,
      state: actor.state,
      subjectId: actor.id,
    });
    throw wrongPassword();
  }
  // A stolen session with the password is still not enough where a second factor is enrolled.
  await checkCurrentTotp(deps, actor, input.totp);
  const stored = AnyStoredWrappedKeys.safeParse(await deps.users.wrappedKeys(actor.id));
  if (!stored.success) throw new AppError('user.invalid-transition', 'no keys are stored for this account');

  const now = deps.clock.now();
  const updated = await deps.users.update(
    actor.id,
    {
      opaque: { record: input.registrationRecord, stretching: input.stretching },
      wrappedKeys: { exportKey: input.wrappedKeys, recovery: stored.data.recovery },
    },
    { revokeTokens: true, now },
  );
  await deps.refreshTokens.revokeAllOfUser(actor.id);
  deps.revocations.revokeUser(actor.id);
  await deps.audit.append({
    type: 'auth.password-changed',
    actorId: actor.id,
    state: actor.state,
    subjectId: actor.id,
  });
  return issueSession(deps, updated ?? actor, randomUUID(), { device });
}
