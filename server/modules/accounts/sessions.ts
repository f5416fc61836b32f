import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import type { Session } from '../../../shared/schemas/accounts.js';
import type { User } from '../../db/repositories/users.repository.js';
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

export async function issueSession(deps: AccountsDeps, user: User, familyId: string, origin: SessionOrigin = {}): Promise<Session> {
  const now = deps.clock.now();
  const refreshToken = newOpaqueToken();
  await deps.refreshTokens.create({
    tokenHash: hashOpaqueToken(refreshToken), familyId, userId: user.id, now, expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
    signedInAt: origin.signedInAt ?? now, device: origin.device?.slice(0, 200) ?? null,
  });
  return { accessToken: deps.tokens.sign(user, now, familyId), refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, user: toUserView(user) };
}

/**
 * Password, then (when enrolled) a TOTP code. Unknown user, wrong password and a suspended or
 * removed account all answer the same, after the same work.
 */
export async function signIn(deps: AccountsDeps, input: { username: string; password: string; totp?: string | undefined }, device?: string): Promise<Session> {
  const user = await deps.users.findByUsername(input.username);
  const secrets = user ? await deps.users.secrets(user.id) : undefined;
  const passwordOk = await verifyPassword(secrets?.passwordHash, input.password);
  if (!user || !secrets || !passwordOk || !CAN_SIGN_IN.has(user.status)) {
    const reason = !user ? 'unknown-user' : !passwordOk ? 'wrong-password' : `status-${user.status}`;
    await deps.audit.append({ type: 'auth.sign-in-failed', actorId: user?.id ?? null, state: user?.state ?? null, data: { username: input.username, reason } });
    throw invalidCredentials();
  }
  if (user.totpEnabled && secrets.totpSecret) {
    if (!input.totp) throw new AppError('auth.totp-required', 'enter the 6-digit code from your authenticator app');
    const step = await matchTotp(secrets.totpSecret, input.totp, deps.clock.now());
    if (step === undefined || !(await deps.users.claimTotpStep(user.id, step, deps.clock.now()))) {
      await deps.audit.append({ type: 'auth.sign-in-failed', actorId: user.id, state: user.state, data: { username: input.username, reason: 'wrong-totp' } });
      throw new AppError('auth.totp-invalid', 'the code is wrong or was used already');
    }
  }
  const session = await issueSession(deps, user, randomUUID(), { device });
  await deps.audit.append({ type: 'auth.signed-in', actorId: user.id, state: user.state, subjectId: user.id, data: { totp: user.totpEnabled } });
  return session;
}

/**
 * Rotates a refresh token. A token presented twice means it was stolen (or the session forked):
 * the whole family is revoked and the event audited.
 */
export async function refreshSession(deps: AccountsDeps, refreshToken: string): Promise<Session> {
  const tokenHash = hashOpaqueToken(refreshToken);
  const record = await deps.refreshTokens.find(tokenHash);
  if (!record) throw sessionInvalid();
  if (record.status !== 'active' || !(await deps.refreshTokens.markUsed(tokenHash, deps.clock.now(), record.expiresAt))) {
    // Stolen, or the session forked: it ends as a sign-out would, tokens and sockets included.
    await endSession(deps, record.userId, record.familyId);
    if (record.status !== 'revoked') {
      await deps.audit.append({ type: 'auth.refresh-reused', actorId: record.userId, subjectId: record.userId, data: { familyId: record.familyId } });
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
  const session = await issueSession(deps, user, record.familyId, { signedInAt: record.signedInAt, device: record.device });
  // A concurrent presentation of the same token may have ended the session meanwhile: it recorded
  // the end before revoking, so either this sees it, or that revocation comes after this new token.
  if (await deps.endedSessions.isEnded(record.familyId)) {
    await deps.refreshTokens.revokeFamily(record.familyId);
    throw sessionInvalid();
  }
  return session;
}

/** Ends the session the refresh token belongs to (and the one the access token names): tokens refused, sockets closed. */
export async function signOut(deps: AccountsDeps, actor: User, refreshToken: string, accessSessionId?: string): Promise<void> {
  const record = await deps.refreshTokens.find(hashOpaqueToken(refreshToken));
  const families = new Set<string>();
  if (record && record.userId === actor.id) families.add(record.familyId);
  if (accessSessionId && (await deps.refreshTokens.familyOwner(accessSessionId)) === actor.id) families.add(accessSessionId);
  for (const familyId of families) await endSession(deps, actor.id, familyId);
  await deps.audit.append({ type: 'auth.signed-out', actorId: actor.id, state: actor.state, subjectId: actor.id });
}
