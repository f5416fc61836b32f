import { verifyKeyBundle } from '../../../shared/crypto/verify-key-bundle.js';
import type { PublicKeyBundle } from '../../../shared/crypto/verify-key-bundle.js';
import type { StoredWrappedKeys } from '../../../shared/crypto/wrapped-keys-format.js';
import { AppError } from '../../../shared/errors.js';
import type { RegisterResponse, UserView } from '../../../shared/schemas/accounts.js';
import type { PublicKeys, User } from './ports/users.js';
import type { AccountsDeps } from './accounts-deps.js';
import { verifiersFor } from './register.js';
import { matchTotp, newTotpSecret, totpUri } from './totp.js';
import { toUserView } from './user-view.js';

export async function me(deps: AccountsDeps, actor: User): Promise<RegisterResponse> {
  return {
    user: toUserView(actor),
    verifiers: actor.status === 'pending-verification' ? await verifiersFor(deps, actor) : [],
  };
}

/** The wrapped private keys, for unlocking in a new browser; useless without passphrase or recovery key. */
export async function myWrappedKeys(deps: AccountsDeps, actor: User): Promise<unknown> {
  const wrapped = await deps.users.wrappedKeys(actor.id);
  if (!wrapped) throw new AppError('user.not-found', 'no keys stored for this account');
  return wrapped;
}

/** Starts TOTP enrolment: the secret becomes active only once a code from it is confirmed. */
export async function startTotpSetup(deps: AccountsDeps, actor: User): Promise<{ secret: string; otpauthUrl: string }> {
  const secret = newTotpSecret();
  await deps.users.update(actor.id, { totpPendingSecret: secret }, { now: deps.clock.now() });
  return { secret, otpauthUrl: totpUri(secret, actor.username) };
}

export async function confirmTotp(deps: AccountsDeps, actor: User, code: string): Promise<UserView> {
  const secrets = await deps.users.secrets(actor.id);
  if (!secrets?.totpPendingSecret) throw new AppError('user.invalid-transition', 'start the authenticator setup first');
  const step = await matchTotp(secrets.totpPendingSecret, code, deps.clock.now());
  if (step === undefined)
    throw new AppError(
      'auth.totp-invalid',
      'the code does not match: check the time on your device and try the next code',
    );
  const updated = await deps.users.update(
    actor.id,
    { totpSecret: secrets.totpPendingSecret, totpPendingSecret: null, totpEnabled: true, totpLastStep: step },
    { now: deps.clock.now() },
  );
  await deps.audit.append({ type: 'auth.totp-enabled', actorId: actor.id, state: actor.state, subjectId: actor.id });
  return toUserView(updated ?? actor);
}

/** What the audit trail keeps of the key moved to the history: its validity and verification, metadata only. */
function previousKeyAudit(previous: PublicKeys | null, replacedAt: Date): Record<string, string | boolean | null> {
  if (!previous) return {};
  return {
    previousKeyValidFrom: previous.createdAt.toISOString(),
    previousKeyValidUntil: replacedAt.toISOString(),
    previousKeyVerified: previous.verifiedAt !== null,
    previousKeyVerifiedBy: previous.verifiedBy,
  };
}

/**
 * New keys (lost device, suspected compromise): the account needs verification again, every
 * token issued so far ends, and contacts see the key change in the directory, which keeps the
 * replaced keys in the entry's key history.
 */
export async function rotateKeys(
  deps: AccountsDeps,
  actor: User,
  keys: PublicKeyBundle,
  wrappedKeys: StoredWrappedKeys,
): Promise<UserView> {
  if (!(await verifyKeyBundle(keys)))
    throw new AppError('keys.invalid', 'the encryption key is not signed by the identity key');
  if (actor.status !== 'active' && actor.status !== 'pending-verification')
    throw new AppError('user.invalid-transition', `the account is ${actor.status}`);
  const now = deps.clock.now();
  // Read fresh, not from the actor cache: the history must record the keys' latest verification.
  const previous = (await deps.users.findById(actor.id))?.keys ?? actor.keys;
  const keyVersion = (previous?.keyVersion ?? 0) + 1;
  // The replaced keys stay as history (public keys, validity, verification), so what was signed
  // with them still verifies for its recipients; they are written with the new keys in one update.
  const updated = await deps.users.update(
    actor.id,
    {
      keys: { ...keys, keyVersion, createdAt: now, verifiedAt: null, verifiedBy: null },
      ...(previous ? { retiredKeys: { ...previous, replacedAt: now } } : {}),
      wrappedKeys,
      status: 'pending-verification',
    },
    { revokeTokens: true, now },
  );
  await deps.refreshTokens.revokeAllOfUser(actor.id);
  deps.revocations.revokeUser(actor.id);
  await deps.directoryChanged();
  await deps.audit.append({
    type: 'user.keys-rotated',
    actorId: actor.id,
    state: actor.state,
    subjectId: actor.id,
    data: { keyVersion, previousKeyVersion: previous?.keyVersion ?? null, ...previousKeyAudit(previous, now) },
  });
  deps.people.updated(updated ?? { ...actor, status: 'pending-verification' }); // to be verified again
  return toUserView(updated ?? actor);
}
