import { ACCESS_TOKEN_TTL_SECONDS } from './access-tokens.js';
import type { AccountsDeps } from './accounts-deps.js';

/** Slack for access tokens issued a moment after the end was recorded (a refresh racing it). */
const ISSUE_RACE_MS = 60_000;

/**
 * Ends one session at once, the same way whoever ends it (its owner from the sessions list, a
 * sign-out, a refresh token presented twice): recorded as ended first, so a refresh racing this
 * either sees it or has its new token revoked by the next step; then its refresh tokens die, its
 * access tokens are refused until they would have expired, and its sockets close on every node.
 */
export async function endSession(deps: AccountsDeps, userId: string, familyId: string): Promise<void> {
  const now = deps.clock.now();
  await deps.endedSessions.end(
    familyId,
    userId,
    new Date(now.getTime() + ACCESS_TOKEN_TTL_SECONDS * 1000 + ISSUE_RACE_MS),
  );
  await deps.refreshTokens.revokeFamily(familyId);
  deps.users.changed(userId); // every node's cache reads the account, with this session ended, again
  deps.revocations.revokeSession(familyId);
}
