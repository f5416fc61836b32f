export interface RefreshTokenRecord {
  familyId: string;
  userId: string;
  status: 'active' | 'used' | 'revoked';
  expiresAt: Date;
  signedInAt: Date | null;
  device: string | null;
}

/** A session as its owner sees it: the family's live token. */
export interface ActiveSession {
  familyId: string;
  /** First 16 hex digits of the live refresh token's SHA-256: lets a client recognise its own. */
  tokenHint: string;
  signedInAt: Date | null;
  lastRefreshedAt: Date;
  expiresAt: Date;
  device: string | null;
}

/** Refresh tokens, by family (a family is one session). */
export interface RefreshTokenStore {
  create(input: {
    tokenHash: string;
    familyId: string;
    userId: string;
    now: Date;
    expiresAt: Date;
    signedInAt: Date;
    device: string | null;
  }): Promise<void>;
  /** The user's sessions that can still be refreshed, most recently active first. */
  activeOfUser(userId: string, now: Date): Promise<ActiveSession[]>;
  familyOwner(familyId: string): Promise<string | undefined>;
  find(tokenHash: string): Promise<RefreshTokenRecord | undefined>;
  /** Active → used, exactly once (a unique claim): the loser of a race sees reuse. */
  markUsed(tokenHash: string, now: Date, expiresAt: Date): Promise<boolean>;
  revokeFamily(familyId: string): Promise<void>;
  revokeAllOfUser(userId: string): Promise<void>;
  /** Expired tokens are useless; the sweeper deletes them (no TTL indexes on FerretDB). */
  deleteExpired(now: Date): Promise<number>;
}

/** Sessions ended one by one, while their access tokens may still be alive. */
export interface EndedSessionStore {
  /** Idempotent: ending a session twice keeps the first record. */
  end(sessionId: string, userId: string, until: Date): Promise<void>;
  isEnded(sessionId: string): Promise<boolean>;
  /** The user's ended sessions whose access tokens may still be alive. */
  ofUser(userId: string, now: Date): Promise<string[]>;
  deleteExpired(now: Date): Promise<number>;
}
