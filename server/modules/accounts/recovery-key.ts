import { AnyStoredWrappedKeys, type RecoveryWrappedKeys } from '../../../shared/crypto/wrapped-keys-format.js';
import { AppError } from '../../../shared/errors.js';
import type { UserView } from '../../../shared/schemas/accounts.js';
import type { User } from './ports/users.js';
import type { AccountsDeps } from './accounts-deps.js';
import { toUserView } from './user-view.js';

/**
 * A new recovery key: the browser wrapped the unlocked keys under it and the person typed part of it
 * back. The old recovery wrapping is replaced, so the old key stops working (a reset link needs the
 * new one). The server cannot check the wrapping, only its form — as for every wrapping.
 */
export async function replaceRecoveryKey(
  deps: AccountsDeps,
  actor: User,
  recovery: RecoveryWrappedKeys,
): Promise<UserView> {
  const stored = AnyStoredWrappedKeys.safeParse(await deps.users.wrappedKeys(actor.id));
  if (!stored.success) throw new AppError('user.invalid-transition', 'no keys are stored for this account');
  const now = deps.clock.now();
  const updated = await deps.users.update(
    actor.id,
    { wrappedKeys: { ...stored.data, recovery }, recoveryConfirmedAt: now },
    { now },
  );
  await deps.audit.append({
    type: 'user.recovery-key-replaced',
    actorId: actor.id,
    state: actor.state,
    subjectId: actor.id,
  });
  return toUserView(updated ?? actor);
}
