import type { User } from './ports/users.js';
import { DATABASE_CALL_DEADLINE_MS, withDeadline } from '../../system/deadline.js';

/** An account as every request re-checks it, with the sessions ended on their own (their access tokens are refused). */
export type ActorRecord = User & { readonly endedSessions: readonly string[] };

/** Where resolveActor reads accounts from: the repositories, or this cache in front of them. */
export interface ActorSource {
  findById(id: string): Promise<ActorRecord | undefined>;
  /** Drops a cached copy, if the source keeps one. */
  forget?(id: string): void;
}

export interface ActorCacheOptions {
  /** No entry is trusted for longer than this (bounds staleness if a forget is ever missed). */
  maxAgeMs: number;
  maxEntries: number;
  /**
   * False while another node's changes might not reach this one (Redis down): then every
   * lookup goes to the database, so a revocation fails closed.
   */
  trusted: () => boolean;
  now?: () => number;
}

/**
 * Accounts as every request and socket event re-checks them (status, role, token version),
 * kept briefly in memory so that a re-check is not a database read each time. Correctness
 * rests on invalidation, not on the age limit: every write to a user on this node forgets it
 * at once, other nodes are told through the Socket.io adapter, and while they might not be
 * (Redis down) the cache is bypassed. A read that was in flight when any forget happened is
 * not cached, so a slow read cannot bring back a revoked account.
 */
export class ActorCache implements ActorSource {
  private readonly entries = new Map<string, { user: ActorRecord; expiresAt: number }>();
  /** One database read per account at a time, however many requests ask at once. */
  private readonly loading = new Map<string, Promise<ActorRecord | undefined>>();
  private epoch = 0;
  private readonly now: () => number;

  constructor(
    private readonly source: ActorSource,
    private readonly options: ActorCacheOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  async findById(id: string): Promise<ActorRecord | undefined> {
    if (!this.options.trusted()) {
      this.clear();
      return this.source.findById(id);
    }
    const hit = this.entries.get(id);
    if (hit && this.now() < hit.expiresAt) return hit.user;
    const joined = this.loading.get(id);
    if (joined) return joined;
    const load: Promise<ActorRecord | undefined> = this.load(id).finally(() => {
      if (this.loading.get(id) === load) this.loading.delete(id);
    });
    this.loading.set(id, load);
    return load;
  }

  private async load(id: string): Promise<ActorRecord | undefined> {
    const epoch = this.epoch;
    const started = this.now();
    // Bounded: every request of this account joins this read.
    const user = await withDeadline(this.source.findById(id), DATABASE_CALL_DEADLINE_MS, 'reading the account');
    if (user && epoch === this.epoch) this.remember(id, user, started);
    return user;
  }

  forget(id: string): void {
    this.epoch += 1;
    this.entries.delete(id);
    // A read in flight began before the change: later callers must not join it.
    this.loading.delete(id);
  }

  /** Forgets everything: after an outage in which other nodes' changes may have gone unheard. */
  clear(): void {
    this.epoch += 1;
    this.entries.clear();
    this.loading.clear();
  }

  private remember(id: string, user: ActorRecord, at: number): void {
    this.entries.delete(id);
    // Map keeps insertion order: the first key is the least recently loaded.
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    // Expiry spread over the second half of the age limit: accounts read together (a burst of
    // sign-ins, a restart) are not all read again at the same moment.
    this.entries.set(id, { user, expiresAt: at + this.options.maxAgeMs * (1 - Math.random() / 2) });
  }
}
