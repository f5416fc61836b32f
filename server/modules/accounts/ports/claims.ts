/** Exactly-once claims: the first caller with a key wins (OPAQUE flows, request reminders, …). */
export interface ClaimStore {
  /** True for the first caller with this key, false for every later one. */
  claim(key: string, at: Date, expiresAt?: Date | null): Promise<boolean>;
  /** When the claim was taken; undefined when nobody has claimed `key`. */
  claimedAt(key: string): Promise<Date | undefined>;
  deleteExpired(now: Date): Promise<number>;
}
