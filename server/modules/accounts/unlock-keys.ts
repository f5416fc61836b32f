import { AppError } from '../../../shared/errors.js';
import type { SignInStartResponse } from '../../../shared/schemas/accounts.js';
import type { User } from './ports/users.js';
import type { AccountsDeps } from './accounts-deps.js';

/**
 * A signed-in person whose keys are locked (a reload on a shared computer) proves the password
 * again by an OPAQUE login: the client gets the export key that unwraps them, the server only
 * learns whether the proof held. No new session is issued.
 */
export async function startUnlock(
  deps: AccountsDeps,
  actor: User,
  startLoginRequest: string,
): Promise<SignInStartResponse> {
  const credential = (await deps.users.secrets(actor.id))?.opaque;
  if (!credential)
    throw new AppError(
      'user.invalid-transition',
      'sign in again: this account is upgraded to the new sign-in at its next sign-in',
    );
  const { loginResponse, serverLoginState } = deps.opaque.startLogin(
    actor.username,
    credential.record,
    startLoginRequest,
  );
  const flowId = deps.opaque.seal(
    { purpose: 'unlock', username: actor.username, userId: actor.id, serverLoginState, subject: null },
    deps.clock.now(),
  );
  return { flowId, loginResponse, stretching: credential.stretching };
}

export async function finishUnlock(
  deps: AccountsDeps,
  actor: User,
  input: { flowId: string; finishLoginRequest: string },
): Promise<void> {
  const flow = await deps.opaque.consume(input.flowId, 'unlock', deps.clock.now());
  if (
    flow.userId !== actor.id ||
    !flow.serverLoginState ||
    !deps.opaque.finishLogin(flow.serverLoginState, input.finishLoginRequest)
  ) {
    await deps.audit.append({
      type: 'auth.sign-in-failed',
      actorId: actor.id,
      state: actor.state,
      data: { username: actor.username, reason: 'wrong-password-unlock' },
    });
    throw new AppError('password.wrong', 'the password is wrong', [
      { path: ['body', 'password'], message: 'wrong password' },
    ]);
  }
}
