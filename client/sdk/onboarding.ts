import { toBase64Url } from '../../shared/crypto/encoding.js';
import { proveIdentity, type ReauthenticationInput } from './prove-identity.js';
import { CryptoError } from '../../shared/crypto/errors.js';
import { wrapWithExportKey, wrapWithRecoveryKey, type KdfLimits } from '../../shared/crypto/key-wrap.js';
import { generateRecoveryKey } from '../../shared/crypto/recovery-key.js';
import type { UserKeys } from '../../shared/crypto/keys.js';
import { passwordWeakness } from '../../shared/password-strength.js';
import {
  ChangePasswordStartResponse,
  Password,
  RegistrationStartResponse,
  Username,
  UserView as UserViewSchema,
  type RegisterResponse,
  type UserView,
} from '../../shared/schemas/accounts.js';
import { ApiError, localValidationError } from './api-error.js';
import type { InvitationsApi } from './api/invitations-api.js';
import type { MeApi } from './api/me-api.js';
import type { EnrolmentStep } from './key-crypto.js';
import { stretchingFor } from './opaque-client.js';
import { exportKeyFor, openWithExportKey, refusedProof, type SignInDeps } from './opaque-sign-in.js';
import type { StoredSession } from './session-store.js';

export interface RegisterWithInvitationInput {
  /** The invitation token (from the link's fragment). */
  token: string;
  username: string;
  /** The account password: it never leaves this machine (OPAQUE); its export key wraps the private keys. */
  password: string;
  displayName?: string;
  onProgress?: (step: EnrolmentStep) => void;
  /** argon2id cost of OPAQUE's key stretching; the default (ops 3, 64 MiB) is the production setting. */
  kdfLimits?: KdfLimits;
  /**
   * Shows the recovery key and resolves once the newcomer typed part of it back (rejects to give
   * up): the account is registered only then, marked as having a confirmed recovery key. Without
   * it the account is registered at once, its recovery key shown as not confirmed.
   */
  confirmRecoveryKey?: (recoveryKeyText: string) => Promise<void>;
}

export interface Registration {
  user: UserView;
  verifiers: RegisterResponse['verifiers'];
  /** Shown to the person once; never stored by the SDK. */
  recoveryKeyText: string;
  keys: UserKeys;
}

export type UnlockInput = { password: string } | { recoveryKeyText: string };

interface OnboardingDeps extends SignInDeps {
  invitations: InvitationsApi;
  me: MeApi;
}

/** The schema's length rule and the strength check, here: the server never sees the password to check it. */
export function checkNewPassword(field: string, password: string, userInputs: string[]): void {
  const parsed = Password.safeParse(password);
  if (!parsed.success) throw localValidationError(field, parsed.error.issues[0]?.message ?? 'invalid');
  const weakness = passwordWeakness(password, userInputs);
  if (weakness)
    throw new ApiError(400, 'password.weak', `password is too easy to guess: ${weakness}`, [
      { path: ['body', field], message: weakness },
    ]);
}

/**
 * Registers the password by OPAQUE (it never leaves this machine), makes keys and a recovery key
 * here, wraps the private keys under a key derived from OPAQUE's export key and under the recovery
 * key, and redeems the invitation. The private keys leave only wrapped.
 */
export async function registerWithInvitation(
  deps: OnboardingDeps,
  input: RegisterWithInvitationInput,
): Promise<Registration> {
  // Checked here first, with the server's own rules, so a typo does not cost a key derivation.
  const username = Username.safeParse(input.username);
  if (!username.success) throw localValidationError('username', username.error.issues[0]?.message ?? 'invalid');
  checkNewPassword('password', input.password, [username.data, input.displayName ?? '']);

  const registration = await deps.opaque.startRegistration(input.password);
  const started = await deps.transport.send({
    method: 'POST',
    path: '/api/registrations/start',
    body: { token: input.token, username: username.data, registrationRequest: registration.registrationRequest },
    schema: RegistrationStartResponse,
  });
  const stretching = stretchingFor(input.kdfLimits);
  const { registrationRecord, exportKey } = await registration.finish(started.registrationResponse, stretching);
  const material = await deps.keyCrypto.enrol({ username: username.data, exportKey }, input.onProgress);
  exportKey.fill(0);
  if (input.confirmRecoveryKey) await input.confirmRecoveryKey(material.recoveryKeyText);
  input.onProgress?.('registering');
  const response = await deps.invitations.register({
    token: input.token,
    username: username.data,
    ...(input.displayName?.trim() ? { displayName: input.displayName.trim() } : {}),
    opaque: { flowId: started.flowId, registrationRecord, stretching },
    keys: material.bundle,
    wrappedKeys: material.wrappedKeys,
    recoveryKeyConfirmed: input.confirmRecoveryKey !== undefined,
  });
  deps.keyStore.set({ username: response.user.username, keys: material.keys });
  input.onProgress?.('done');
  return {
    user: response.user,
    verifiers: response.verifiers,
    recoveryKeyText: material.recoveryKeyText,
    keys: material.keys,
  };
}

/**
 * Fetches the wrapped keys of the signed-in person and unwraps them with OPAQUE's export key (held
 * since sign-in, or from proving the password again) or the recovery key. The result must match
 * the identity key the directory publishes for them: a server handing out someone else's blob is caught here.
 * @throws CryptoError 'crypto.wrong-passphrase' | 'crypto.wrong-recovery-key' | 'crypto.recovery-key-typo'; ApiError
 */
export async function unlockKeys(deps: OnboardingDeps, input: UnlockInput): Promise<UserKeys> {
  const user = deps.session.current()?.user;
  if (!user) throw new ApiError(401, 'auth.unauthenticated', 'sign in first');
  const wrapped = await deps.me.wrappedKeys();
  let keys: UserKeys;
  if ('password' in input) {
    const exportKey = await exportKeyFor(deps, user.username, input.password);
    try {
      keys = await openWithExportKey(wrapped, exportKey, user);
    } finally {
      exportKey.fill(0);
    }
  } else {
    keys = await deps.keyCrypto.unwrapWithRecoveryKey(wrapped.recovery, input.recoveryKeyText, user.username);
    if (user.keys && user.keys.identityKey !== toBase64Url(keys.identity.publicKey)) {
      throw new CryptoError('crypto.malformed', 'the unwrapped keys are not the ones published for this account');
    }
  }
  deps.keyStore.set({ username: user.username, keys });
  return keys;
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  /** Once the second factor is enrolled: the current authenticator code. */
  totp?: string;
  /** argon2id cost of the new password's key stretching; the default (64 MiB, 3 passes) unless testing. */
  limits?: KdfLimits;
}

/**
 * A new password: an OPAQUE login proves the current one and an OPAQUE registration makes the new
 * one's record, both here; the unlocked keys are wrapped under the new export key. Neither password
 * leaves this machine. Other sessions end; this one goes on.
 */
export async function changePassword(deps: OnboardingDeps, input: ChangePasswordInput): Promise<StoredSession> {
  const user = deps.session.current()?.user;
  if (!user) throw new ApiError(401, 'auth.unauthenticated', 'sign in first');
  const unlocked = deps.keyStore.get();
  if (!unlocked || unlocked.username !== user.username)
    throw new ApiError(0, 'client.keys-locked', 'unlock your keys first');
  checkNewPassword('newPassword', input.newPassword, [user.username, user.displayName]);
  if (input.newPassword === input.currentPassword)
    throw localValidationError('newPassword', 'choose a different password');

  const login = await deps.opaque.startLogin(input.currentPassword);
  const registration = await deps.opaque.startRegistration(input.newPassword);
  const started = await deps.session.authed({
    method: 'POST',
    path: '/api/me/password/start',
    body: { startLoginRequest: login.startLoginRequest, registrationRequest: registration.registrationRequest },
    schema: ChangePasswordStartResponse,
  });
  const proven = await login.finish(started.loginResponse, started.stretching);
  proven?.exportKey.fill(0);
  const stretching = input.limits ? stretchingFor(input.limits) : started.stretching;
  const { registrationRecord, exportKey } = await registration.finish(started.registrationResponse, stretching);
  const wrappedKeys = await wrapWithExportKey(unlocked.keys, exportKey, user.username);
  // A wrong current password sends a proof that fails, so the server refuses and audits it.
  const session = await deps.me.changePassword({
    flowId: started.flowId,
    finishLoginRequest: proven?.finishLoginRequest ?? refusedProof(),
    registrationRecord,
    stretching,
    wrappedKeys,
    ...(input.totp ? { totp: input.totp } : {}),
  });
  if (!proven) throw new ApiError(400, 'password.wrong', 'the current password is wrong');
  await deps.exportKeys.hold(user.username, exportKey, input.newPassword);
  exportKey.fill(0);
  return session;
}

export interface KeyRotation {
  user: UserView;
  /** The new recovery key: the old one stops working. Shown once; never stored by the SDK. */
  recoveryKeyText: string;
  keys: UserKeys;
}

/**
 * New keys (lost device, suspected compromise), made and wrapped here under the export key held
 * since sign-in and a new recovery key. The account needs verification again and every session,
 * this one too, ends: sign in again.
 */
export async function rotateKeys(
  deps: OnboardingDeps,
  input: ReauthenticationInput,
  onProgress?: (step: EnrolmentStep) => void,
): Promise<KeyRotation> {
  const user = deps.session.current()?.user;
  if (!user) throw new ApiError(401, 'auth.unauthenticated', 'sign in first');
  const reauth = await proveIdentity(deps, input);
  const exportKey = await deps.exportKeys.get(user.username);
  if (!exportKey) throw new ApiError(0, 'client.keys-locked', 'unlock your keys with your password first');
  const material = await deps.keyCrypto.enrol({ username: user.username, exportKey }, onProgress);
  exportKey.fill(0);
  const updated = await deps.me.rotateKeys({ keys: material.bundle, wrappedKeys: material.wrappedKeys, reauth });
  deps.keyStore.set({ username: user.username, keys: material.keys });
  return { user: updated, recoveryKeyText: material.recoveryKeyText, keys: material.keys };
}

/**
 * A new recovery key for the unlocked keys: made and wrapped here, shown through `confirm`, which
 * resolves once the person typed part of it back. The server then replaces the recovery wrapping:
 * the old key stops working.
 */
export async function newRecoveryKey(
  deps: OnboardingDeps,
  confirm: (recoveryKeyText: string) => Promise<void>,
): Promise<UserView> {
  const user = deps.session.current()?.user;
  if (!user) throw new ApiError(401, 'auth.unauthenticated', 'sign in first');
  const unlocked = deps.keyStore.get();
  if (!unlocked || unlocked.username !== user.username)
    throw new ApiError(0, 'client.keys-locked', 'unlock your keys first');
  const recovery = await generateRecoveryKey();
  try {
    const wrapped = await wrapWithRecoveryKey(unlocked.keys, recovery.bytes, user.username);
    await confirm(recovery.text);
    const updated = await deps.session.authed({
      method: 'POST',
      path: '/api/me/recovery-key',
      body: { recovery: wrapped, confirmed: true },
      schema: UserViewSchema,
    });
    deps.session.updateUser(updated);
    return updated;
  } finally {
    recovery.bytes.fill(0);
  }
}
