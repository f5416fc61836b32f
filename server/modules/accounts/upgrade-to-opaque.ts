import { LegacyStoredWrappedKeys } from '../../../shared/crypto/wrapped-keys-format.js';
import { AppError } from '../../../shared/errors.js';
import type { RegistrationStartResponse, UserView } from '../../../shared/schemas/accounts.js';
import type { User } from './ports/users.js';
import type { AccountsDeps } from './accounts-deps.js';
import { toUserView } from './user-view.js';
import type { ExportKeyWrappedKeys } from '../../../shared/crypto/wrapped-keys-format.js';
import type { KeyStretching } from '../../../shared/crypto/opaque-format.js';

const notLegacy = (): AppError =>
  new AppError('user.invalid-transition', 'this account already signs in without sending its password');

async function legacyWrapping(deps: AccountsDeps, actor: User): Promise<LegacyStoredWrappedKeys> {
  const secrets = await deps.users.secrets(actor.id);
  const wrapped = LegacyStoredWrappedKeys.safeParse(await deps.users.wrappedKeys(actor.id));
  if (!secrets || secrets.opaque || !secrets.passwordHash || !wrapped.success) throw notLegacy();
  return wrapped.data;
}

/** An account made before OPAQUE, just signed in by password: the OPAQUE registration of the same password starts. */
export async function startUpgrade(
  deps: AccountsDeps,
  actor: User,
  registrationRequest: string,
): Promise<RegistrationStartResponse> {
  await legacyWrapping(deps, actor);
  const registrationResponse = deps.opaque.registrationResponse(actor.username, registrationRequest);
  const flowId = deps.opaque.seal(
    { purpose: 'upgrade', username: actor.username, userId: actor.id, serverLoginState: null, subject: null },
    deps.clock.now(),
  );
  return { flowId, registrationResponse };
}

/**
 * Stores the OPAQUE record and the keys re-wrapped under its export key, and forgets the password
 * hash and the password wrapping: from now on the password-sending route refuses this account.
 */
export async function finishUpgrade(
  deps: AccountsDeps,
  actor: User,
  input: { flowId: string; registrationRecord: string; stretching: KeyStretching; wrappedKeys: ExportKeyWrappedKeys },
): Promise<UserView> {
  const flow = await deps.opaque.consume(input.flowId, 'upgrade', deps.clock.now());
  if (flow.userId !== actor.id)
    throw new AppError('auth.username-mismatch', 'this registration record was made for another account');
  const legacy = await legacyWrapping(deps, actor);
  const updated = await deps.users.update(
    actor.id,
    {
      opaque: { record: input.registrationRecord, stretching: input.stretching },
      wrappedKeys: { exportKey: input.wrappedKeys, recovery: legacy.recovery },
    },
    { now: deps.clock.now() },
  );
  await deps.audit.append({
    type: 'auth.password-upgraded',
    actorId: actor.id,
    state: actor.state,
    subjectId: actor.id,
  });
  return toUserView(updated ?? actor);
}
