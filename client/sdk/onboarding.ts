import { toBase64Url } from '../../shared/crypto/encoding.js';
import { CryptoError } from '../../shared/crypto/errors.js';
import type { KdfLimits } from '../../shared/crypto/key-wrap.js';
import type { UserKeys } from '../../shared/crypto/keys.js';
import { Password, Username, type RegisterResponse, type UserView } from '../../shared/schemas/accounts.js';
import { ApiError, localValidationError } from './api-error.js';
import type { InvitationsApi } from './api/invitations-api.js';
import type { MeApi } from './api/me-api.js';
import type { EnrolmentStep, KeyCrypto } from './key-crypto.js';
import type { KeyStore } from './key-store.js';
import type { SessionManager } from './session-manager.js';
import type { StoredSession } from './session-store.js';

export interface RegisterWithInvitationInput {
  /** The invitation token (from the link's fragment). */
  token: string;
  username: string;
  /** The account password, also the passphrase that wraps the private keys. */
  password: string;
  displayName?: string;
  onProgress?: (step: EnrolmentStep) => void;
  /** argon2id cost; the default (ops 3, 64 MiB) is the production setting. */
  kdfLimits?: KdfLimits;
}

export interface Registration {
  user: UserView;
  verifiers: RegisterResponse['verifiers'];
  /** Shown to the person once; never stored by the SDK. */
  recoveryKeyText: string;
  keys: UserKeys;
}

export type UnlockInput = { password: string } | { recoveryKeyText: string };

interface OnboardingDeps {
  invitations: InvitationsApi;
  me: MeApi;
  session: SessionManager;
  keyStore: KeyStore;
  keyCrypto: KeyCrypto;
}

/**
 * Makes keys and a recovery key on this machine, wraps the private keys under the password and
 * the recovery key, and redeems the invitation. The private keys leave only wrapped.
 */
export async function registerWithInvitation(deps: OnboardingDeps, input: RegisterWithInvitationInput): Promise<Registration> {
  // Checked here first, with the server's own rules, so a typo does not cost a key derivation.
  const username = Username.safeParse(input.username);
  if (!username.success) throw localValidationError('username', username.error.issues[0]?.message ?? 'invalid');
  const password = Password.safeParse(input.password);
  if (!password.success) throw localValidationError('password', password.error.issues[0]?.message ?? 'invalid');

  const material = await deps.keyCrypto.enrol(
    { username: username.data, passphrase: input.password, ...(input.kdfLimits ? { limits: input.kdfLimits } : {}) },
    input.onProgress,
  );
  input.onProgress?.('registering');
  const response = await deps.invitations.register({
    token: input.token,
    username: username.data,
    password: input.password,
    ...(input.displayName?.trim() ? { displayName: input.displayName.trim() } : {}),
    keys: material.bundle,
    wrappedKeys: material.wrappedKeys,
  });
  deps.keyStore.set({ username: response.user.username, keys: material.keys });
  input.onProgress?.('done');
  return { user: response.user, verifiers: response.verifiers, recoveryKeyText: material.recoveryKeyText, keys: material.keys };
}

/**
 * Fetches the wrapped keys of the signed-in person and unwraps them with the password or the
 * recovery key. The result must match the identity key the directory publishes for them: a
 * server handing out someone else's blob is caught here.
 * @throws CryptoError 'crypto.wrong-passphrase' | 'crypto.wrong-recovery-key' | 'crypto.recovery-key-typo'; ApiError
 */
export async function unlockKeys(deps: OnboardingDeps, input: UnlockInput): Promise<UserKeys> {
  if (!deps.session.current()) throw new ApiError(401, 'auth.unauthenticated', 'sign in first');
  const wrapped = await deps.me.wrappedKeys();
  const user = deps.session.current()?.user;
  if (!user) throw new ApiError(401, 'auth.unauthenticated', 'sign in first');
  const { username, keys: published } = user;
  const keys = 'password' in input
    ? await deps.keyCrypto.unwrapWithPassphrase(wrapped.passphrase, input.password, username)
    : await deps.keyCrypto.unwrapWithRecoveryKey(wrapped.recovery, input.recoveryKeyText, username);
  if (published && published.identityKey !== toBase64Url(keys.identity.publicKey)) {
    throw new CryptoError('crypto.malformed', 'the unwrapped keys are not the ones published for this account');
  }
  deps.keyStore.set({ username, keys });
  return keys;
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  /** argon2id cost for the new wrapping; the default (64 MiB, 3 passes) unless testing. */
  limits?: KdfLimits;
}

/**
 * A new password: the unlocked keys are wrapped under it here (the server never sees them), then
 * the server checks the current password and stores both. Other sessions end; this one goes on.
 */
export async function changePassword(deps: OnboardingDeps, input: ChangePasswordInput): Promise<StoredSession> {
  const user = deps.session.current()?.user;
  if (!user) throw new ApiError(401, 'auth.unauthenticated', 'sign in first');
  const unlocked = deps.keyStore.get();
  if (!unlocked || unlocked.username !== user.username) throw new ApiError(0, 'client.keys-locked', 'unlock your keys first');
  // The server's length rule first, so a typo does not cost a key derivation.
  const password = Password.safeParse(input.newPassword);
  if (!password.success) throw localValidationError('newPassword', password.error.issues[0]?.message ?? 'invalid');
  const wrappedKeys = await deps.keyCrypto.wrapWithPassphrase(unlocked.keys, input.newPassword, user.username, input.limits);
  return deps.me.changePassword({ currentPassword: input.currentPassword, newPassword: input.newPassword, wrappedKeys });
}
