import { randomUUID } from 'node:crypto';
import { DEFAULT_KEY_STRETCHING } from '../../../shared/crypto/opaque-format.js';
import { AppError } from '../../../shared/errors.js';
import type {
  Session,
  SignInFinishRequest,
  SignInStartRequest,
  SignInStartResponse,
} from '../../../shared/schemas/accounts.js';
import type { User } from './ports/users.js';
import type { AccountsDeps } from './accounts-deps.js';
import { ACCESS_TOKEN_TTL_SECONDS } from './access-tokens.js';
import { hashOpaqueToken, newOpaqueToken } from './opaque-tokens.js';
import { verifyPassword } from './passwords.js';
import { matchTotp } from './totp.js';
import { toUserView } from './user-view.js';
import { endSession } from './end-session.js';

export const REFRESH_TOKEN_TTL_MS = 12 * 3_600_000;
const CAN_SIGN_IN = new Set(['active', 'pending-verification']);

const invalidCredentials = (): AppError => new AppError('auth.invalid-credentials', 'wrong username or password');
const sessionInvalid = (): AppError => new AppError('auth.session-invalid', 'the session has ended: sign in again');

/** Where a session came from, kept with it so its owner can tell their sessions apart. */
export interface SessionOrigin {
  signedInAt?: Date | null | undefined;
  device?: string | null | undefined;
}

export async function issueSession(
  deps: AccountsDeps,
  user: User,
  familyId: string,
  origin: SessionOrigin = {},
): Promise<Session> {
  const now = deps.clock.now();
  const refreshToken = newOpaqueToken();
  await deps.refreshTokens.create({
    tokenHash: hashOpaqueToken(refreshToken),
    familyId,
    userId: user.id,
    now,
    expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
    signedInAt: origin.signedInAt ?? now,
    device: origin.device?.slice(0, 200) ?? null,
  });
  return {
    accessToken: deps.tokens.sign(user, now, familyId),
    refreshToken,
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    user: toUserView(user),
  };
}

/**
 * Sign-in, first round trip (OPAQUE KE1 → KE2). An unknown username, and an account that cannot
 * sign in, get the library's fake response built from the server setup: the same shape and size,
 * and the same stretching as a default account, so the answer does not tell whether the name
 * exists. Only accounts made before OPAQUE answer `upgrade: true` (they have no record yet).
 */
export async function startSignIn(
  deps: AccountsDeps,
  input: SignInStartRequest,
): Promise<SignInStartResponse & { upgrade?: true }> {
  // One read whether or not the name exists, so the answer's timing does not tell.
  const found = await deps.users.withSecretsByUsername(input.username);
  const user = found?.user;
  const secrets = found?.secrets;
  const credential = secrets?.opaque ?? null;
  const { loginResponse, serverLoginState } = deps.opaque.startLogin(
    input.username,
    credential?.record ?? null,
    input.startLoginRequest,
  );
  const flowId = deps.opaque.seal(
    {
      purpose: 'sign-in',
      username: input.username,
      userId: credential && user ? user.id : null,
      serverLoginState,
      subject: null,
    },
    deps.clock.now(),
  );
  const upgrade = user && !credential && secrets?.passwordHash ? { upgrade: true as const } : {};
  return { flowId, loginResponse, stretching: credential?.stretching ?? DEFAULT_KEY_STRETCHING, ...upgrade };
}

/**
 * Sign-in, second round trip (KE3): the client's proof that it knows the password, then (when
 * enrolled) a TOTP code. Each flow finishes once. Unknown user, wrong password and a suspended or
 * removed account all answer the same, after the same work.
 */
export async function finishSignIn(deps: AccountsDeps, input: SignInFinishRequest, device?: string): Promise<Session> {
  const flow = await deps.opaque.consume(input.flowId, 'sign-in', deps.clock.now());
  const proven =
    flow.serverLoginState !== null && deps.opaque.finishLogin(flow.serverLoginState, input.finishLoginRequest);
  const user = flow.userId ? await deps.users.findById(flow.userId) : undefined;
  if (!user || !proven || !CAN_SIGN_IN.has(user.status)) {
    const reason = !user ? 'unknown-user' : !proven ? 'wrong-password' : `status-${user.status}`;
    await deps.audit.append({
      type: 'auth.sign-in-failed',
      actorId: user?.id ?? null,
      state: user?.state ?? null,
      data: { username: flow.username, reason },
    });
    throw invalidCredentials();
  }
  return secondStepAndSession(deps, user, input.totp, device);
}

async function secondStepAndSession(
  deps: AccountsDeps,
  user: User,
  totp: string | undefined,
  device: string | undefined,
): Promise<Session> {
  const secrets = await deps.users.secrets(user.id);
  if (user.totpEnabled && secrets?.totpSecret) {
    if (!totp) throw new AppError('auth.totp-required', 'enter the 6-digit code from your authenticator app');
    const step = await matchTotp(secrets.totpSecret, totp, deps.clock.now());
    if (step === undefined || !(await deps.users.claimTotpStep(user.id, step, deps.clock.now()))) {
      await deps.audit.append({
        type: 'auth.sign-in-failed',
        actorId: user.id,
        state: user.state,
        data: { username: user.username, reason: 'wrong-totp' },
      });
      throw new AppError('auth.totp-invalid', 'the code is wrong or was used already');
    }
  }
  const session = await issueSession(deps, user, randomUUID(), { device });
  await deps.audit.append({
    type: 'auth.signed-in',
    actorId: user.id,
    state: user.state,
    subjectId: user.id,
    data: { totp: user.totpEnabled },
  });
  return session;
}

/**
 * The password-sending sign-in, kept only so accounts made before OPAQUE can sign in once and be
 * upgraded (`upgradeToOpaque`). An account that has an OPAQUE record is refused here like a wrong
 * password, so the route cannot be used to learn which names exist.
 */
export async function signInWithPassword(
  deps: AccountsDeps,
  input: { username: string; password: string; totp?: string | undefined },
  device?: string,
): Promise<Session> {
  const user = await deps.users.findByUsername(input.username);
  const secrets = user ? await deps.users.secrets(user.id) : undefined;
  const legacyHash = secrets && !secrets.opaque ? (secrets.passwordHash ?? undefined) : undefined;
  const passwordOk = await verifyPassword(legacyHash, input.password);
  if (!user || !legacyHash || !passwordOk || !CAN_SIGN_IN.has(user.status)) {
    const reason = !user
      ? 'unknown-user'
      : secrets?.opaque
        ? 'password-route-after-upgrade'
        : !passwordOk
          ? 'wrong-password'
          : `status-${user.status}`;
    await deps.audit.append({
      type: 'auth.sign-in-failed',
      actorId: user?.id ?? null,
      state: user?.state ?? null,
      data: { username: input.username, reason },
    });
    throw invalidCredentials();
  }
  return secondStepAndSession(deps, user, input.totp, device);
}

/**
 * Rotates a refresh token. A token presented twice means it was stolen (or the session forked):
 * the whole family is revoked and the event audited.
 */
export async function refreshSession(deps: AccountsDeps, refreshToken: string): Promise<Session> {
  const tokenHash = hashOpaqueToken(refreshToken);
  const record = await deps.refreshTokens.find(tokenHash);
  if (!record) throw sessionInvalid();
  if (
    record.status !== 'active' ||
    !(await deps.refreshTokens.markUsed(tokenHash, deps.clock.now(), record.expiresAt))
  ) {
    // Stolen, or the session forked: it ends as a sign-out would, tokens and sockets included.
    await endSession(deps, record.userId, record.familyId);
    if (record.status !== 'revoked') {
      await deps.audit.append({
        type: 'auth.refresh-reused',
        actorId: record.userId,
        subjectId: record.userId,
        data: { familyId: record.familyId },
      });
    }
    throw sessionInvalid();
  }
  if (record.expiresAt <= deps.clock.now()) throw sessionInvalid();
  if (record.signedInAt && deps.clock.now().getTime() - record.signedInAt.getTime() >= deps.sessionMaxAgeMs) {
    await endSession(deps, record.userId, record.familyId);
    throw new AppError('auth.session-invalid', 'the session has reached its time limit: sign in again');
  }
  const user = await deps.users.findById(record.userId);
  if (!user || !CAN_SIGN_IN.has(user.status)) {
    await deps.refreshTokens.revokeFamily(record.familyId);
    throw sessionInvalid();
  }
  const session = await issueSession(deps, user, record.familyId, {
    signedInAt: record.signedInAt,
    device: record.device,
  });
  // A concurrent presentation of the same token may have ended the session meanwhile: it recorded
  // the end before revoking, so either this sees it, or that revocation comes after this new token.
  if (await deps.endedSessions.isEnded(record.familyId)) {
    await deps.refreshTokens.revokeFamily(record.familyId);
    throw sessionInvalid();
  }
  return session;
}

/** Ends the session the refresh token belongs to (and the one the access token names): tokens refused, sockets closed. */
export async function signOut(
  deps: AccountsDeps,
  actor: User,
  refreshToken: string,
  accessSessionId?: string,
): Promise<void> {
  const record = await deps.refreshTokens.find(hashOpaqueToken(refreshToken));
  const families = new Set<string>();
  if (record && record.userId === actor.id) families.add(record.familyId);
  if (accessSessionId && (await deps.refreshTokens.familyOwner(accessSessionId)) === actor.id)
    families.add(accessSessionId);
  for (const familyId of families) await endSession(deps, actor.id, familyId);
  await deps.audit.append({ type: 'auth.signed-out', actorId: actor.id, state: actor.state, subjectId: actor.id });
}
