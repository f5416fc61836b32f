import { AnyStoredWrappedKeys } from '../../../shared/crypto/wrapped-keys-format.js';
import { verifyPasswordReset } from '../../../shared/crypto/verify-password-reset.js';
import { AppError } from '../../../shared/errors.js';
import type {
  CompletePasswordReset,
  IssuedPasswordReset,
  PasswordResetPreview,
  RegistrationStartResponse,
} from '../../../shared/schemas/accounts.js';
import type { User } from './ports/users.js';
import type { AccountsDeps } from './accounts-deps.js';
import { authorize } from './authorize.js';
import { hashOpaqueToken, newOpaqueToken } from './opaque-tokens.js';

const RESET_TTL_MS = 72 * 3_600_000;
const CAN_RESET = new Set(['active', 'pending-verification']);

const resetInvalid = (): AppError =>
  new AppError(
    'password.reset-invalid',
    'this reset link is not valid: it was used, replaced by a newer one, or has expired — ask your administrator for a new one',
  );

/**
 * A person who forgot their password gets a single-use link from their responsible admin (the
 * same who verifies them). The link alone is not enough: finishing it needs the recovery key,
 * proven by a signature of the identity key it unlocks. Without the recovery key the only way
 * back is new keys, verified again.
 */
export async function issuePasswordReset(
  deps: AccountsDeps,
  actor: User,
  userId: string,
): Promise<IssuedPasswordReset> {
  const user = await deps.users.findById(userId);
  if (!user || user.status === 'removed') throw new AppError('user.not-found', 'no such user');
  authorize(actor, 'user:reset-password', { id: user.id, role: user.role, state: user.state });
  if (!CAN_RESET.has(user.status) || !user.keys)
    throw new AppError(
      'user.invalid-transition',
      `a password reset is not possible for an account that is ${user.status}`,
    );
  const token = newOpaqueToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
  await deps.users.setPasswordReset(user.id, hashOpaqueToken(token), expiresAt, now);
  await deps.audit.append({
    type: 'user.password-reset-issued',
    actorId: actor.id,
    state: user.state,
    subjectId: user.id,
    data: { expiresAt: expiresAt.toISOString() },
  });
  // The token travels in the fragment: browsers never send it to a server or put it in logs.
  return { token, link: `${deps.publicOrigin.replace(/\/$/, '')}/reset#${token}`, expiresAt: expiresAt.toISOString() };
}

async function openReset(
  deps: AccountsDeps,
  token: string,
): Promise<{ user: User; expiresAt: Date; wrapped: AnyStoredWrappedKeys; identityKey: string }> {
  const found = await deps.users.findByResetToken(hashOpaqueToken(token));
  if (!found || found.expiresAt <= deps.clock.now() || !CAN_RESET.has(found.user.status) || !found.user.keys)
    throw resetInvalid();
  const wrapped = AnyStoredWrappedKeys.safeParse(await deps.users.wrappedKeys(found.user.id));
  if (!wrapped.success) throw resetInvalid();
  return { ...found, wrapped: wrapped.data, identityKey: found.user.keys.identityKey };
}

/** Whose account the link is for, and their keys wrapped under the recovery key (useless without it). */
export async function previewPasswordReset(deps: AccountsDeps, token: string): Promise<PasswordResetPreview> {
  const { user, expiresAt, wrapped, identityKey } = await openReset(deps, token);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    identityKey,
    recovery: wrapped.recovery,
    expiresAt: expiresAt.toISOString(),
  };
}

/** The reset's OPAQUE registration of the new password starts (the record is bound to this account's username). */
export async function startPasswordReset(
  deps: AccountsDeps,
  input: { token: string; registrationRequest: string },
): Promise<RegistrationStartResponse> {
  const { user } = await openReset(deps, input.token);
  const registrationResponse = deps.opaque.registrationResponse(user.username, input.registrationRequest);
  const flowId = deps.opaque.seal(
    {
      purpose: 'password-reset',
      username: user.username,
      userId: user.id,
      serverLoginState: null,
      subject: hashOpaqueToken(input.token),
    },
    deps.clock.now(),
  );
  return { flowId, registrationResponse };
}

/** Sets the new OPAQUE record once the identity key has signed for it and the keys; every session of the person ends. */
export async function completePasswordReset(deps: AccountsDeps, input: CompletePasswordReset): Promise<void> {
  const { user, wrapped, identityKey } = await openReset(deps, input.token);
  const flow = await deps.opaque.consume(input.opaque.flowId, 'password-reset', deps.clock.now());
  if (flow.userId !== user.id || flow.subject !== hashOpaqueToken(input.token)) {
    throw new AppError(
      'auth.username-mismatch',
      'this registration record was made for another account or link: start the reset again',
    );
  }
  const signed = await verifyPasswordReset({
    userId: user.id,
    token: input.token,
    wrappedKeys: input.wrappedKeys,
    registrationRecord: input.opaque.registrationRecord,
    signature: input.signature,
    identityKey,
  });
  if (!signed) {
    await deps.audit.append({
      type: 'user.password-reset-refused',
      actorId: user.id,
      state: user.state,
      subjectId: user.id,
      data: { reason: 'signature' },
    });
    throw new AppError(
      'keys.invalid',
      'the proof does not verify against your identity key: unlock the keys with your own recovery key',
    );
  }
  const done = await deps.users.completePasswordReset(
    user.id,
    hashOpaqueToken(input.token),
    {
      opaque: { record: input.opaque.registrationRecord, stretching: input.opaque.stretching },
      wrappedKeys: { exportKey: input.wrappedKeys, recovery: wrapped.recovery },
    },
    deps.clock.now(),
  );
  if (!done) throw resetInvalid();
  await deps.refreshTokens.revokeAllOfUser(user.id);
  deps.revocations.revokeUser(user.id);
  await deps.audit.append({ type: 'user.password-reset', actorId: user.id, state: user.state, subjectId: user.id });
}
