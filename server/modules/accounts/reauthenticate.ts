import { AppError } from '../../../shared/errors.js';
import type { Reauthentication } from '../../../shared/schemas/accounts.js';
import type { User } from './ports/users.js';
import type { AccountsDeps } from './accounts-deps.js';
import { matchTotp } from './totp.js';
import { finishUnlock } from './unlock-keys.js';

/**
 * The person proves, now, the password (an OPAQUE login, each flow used once) and, once enrolled,
 * the current authenticator code (each code used once). Asked before what a stolen access token
 * must not be able to do: replace the second factor or the keys.
 */
export async function reauthenticate(deps: AccountsDeps, actor: User, reauth: Reauthentication): Promise<void> {
  await finishUnlock(deps, actor, reauth.proof);
  await checkCurrentTotp(deps, actor, reauth.totp);
}

/** Once the second factor is enrolled, the current authenticator code (each used once); nothing before. */
export async function checkCurrentTotp(deps: AccountsDeps, actor: User, totp: string | undefined): Promise<void> {
  if (!actor.totpEnabled) return;
  const secret = (await deps.users.secrets(actor.id))?.totpSecret;
  if (!secret) return;
  if (!totp) throw new AppError('auth.totp-required', 'enter the current 6-digit code from your authenticator app');
  const now = deps.clock.now();
  const step = await matchTotp(secret, totp, now);
  if (step === undefined || !(await deps.users.claimTotpStep(actor.id, step, now))) {
    await deps.audit.append({
      type: 'auth.sign-in-failed',
      actorId: actor.id,
      state: actor.state,
      data: { username: actor.username, reason: 'wrong-totp-reauth' },
    });
    throw new AppError('auth.totp-invalid', 'the code is wrong or was used already');
  }
}
