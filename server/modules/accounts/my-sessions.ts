import { AppError } from '../../../shared/errors.js';
import type { SessionView } from '../../../shared/schemas/accounts.js';
import type { User } from './ports/users.js';
import type { AccountsDeps } from './accounts-deps.js';
import { endSession } from './end-session.js';

/** My sessions that can still be renewed, most recently active first: so I can spot one that is not mine. */
export async function mySessions(deps: AccountsDeps, actor: User): Promise<SessionView[]> {
  const sessions = await deps.refreshTokens.activeOfUser(actor.id, deps.clock.now());
  return sessions.map((s) => ({
    id: s.familyId,
    tokenHint: s.tokenHint,
    signedInAt: s.signedInAt?.toISOString() ?? null,
    lastRefreshedAt: s.lastRefreshedAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    device: s.device,
  }));
}

/**
 * Ends one of my sessions at once: its refresh tokens die, its access tokens are refused from now
 * until they would have expired, and its sockets close on every node. My other sessions go on
 * untouched.
 */
export async function endMySession(deps: AccountsDeps, actor: User, familyId: string): Promise<void> {
  if ((await deps.refreshTokens.familyOwner(familyId)) !== actor.id)
    throw new AppError('http.not-found', 'no such session of yours');
  await endSession(deps, actor.id, familyId);
  await deps.audit.append({
    type: 'auth.session-ended',
    actorId: actor.id,
    state: actor.state,
    subjectId: actor.id,
    data: { familyId },
  });
}
