/**
 * The durable outbox: everything FocalNet must hand to a system outside it (an SMTP server, a
 * national system's webhook) is first written here, then sent by whichever node takes it.
 */

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface NewOutboxItem {
  /** Which sender takes it: 'email', 'webhook', … */
  channel: string;
  /** Unique over the whole outbox: adding the same key twice keeps the first. */
  key: string;
  /** What the sender needs, as plain JSON (already free of anything the channel must not carry). */
  payload: Record<string, unknown>;
  /** Not before. */
  dueAt: Date;
  /** For whom: the state whose national admins see its failures, the person, the endpoint or address. */
  state?: string;
  userId?: string;
  target?: string;
}

export interface OutboxItem extends NewOutboxItem {
  id: string;
  status: OutboxStatus;
  /** Attempts made so far (the next attempt is number `attempts + 1`). */
  attempts: number;
  createdAt: Date;
  lastAttemptAt?: Date;
  lastError?: string;
  sentAt?: Date;
}

export interface OutboxFilter {
  channel?: string;
  state?: string;
  userId?: string;
  target?: string;
  status?: OutboxStatus;
}

export interface OutboxStore {
  /** False when an item with this key exists already (the event was queued before). */
  add(item: NewOutboxItem, now: Date): Promise<boolean>;
  /** Pending items of `channel` due at `now`, oldest first. */
  due(channel: string, now: Date, limit: number): Promise<OutboxItem[]>;
  /**
   * Takes the item's next attempt for this node: true for exactly one caller across nodes. An
   * attempt taken more than `leaseMs` ago and never settled (its node stopped) is given up, so
   * a later call may take the one after it.
   */
  take(item: OutboxItem, now: Date, leaseMs: number): Promise<boolean>;
  sent(id: string, at: Date): Promise<void>;
  /** The attempt failed; try again at `dueAt`. */
  retry(id: string, attempts: number, dueAt: Date, error: string, at: Date): Promise<void>;
  /** The attempt failed and no more will be made. */
  failed(id: string, attempts: number, error: string, at: Date): Promise<void>;
  /** Newest first. */
  list(filter: OutboxFilter, limit: number): Promise<OutboxItem[]>;
  findByKey(key: string): Promise<OutboxItem | undefined>;
  /** Forgets items settled (sent or failed) before `before`; pending ones are kept whatever their age. */
  forgetSettled(before: Date): Promise<number>;
}
