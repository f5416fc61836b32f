import type { Envelope } from '../../../shared/crypto/envelope-format.js';

export type MessageStatus = 'held' | 'accepted' | 'rejected' | 'expired';

export interface StoredMessage {
  id: string;
  senderId: string;
  msgId: string;
  envelope: Envelope;
  attachmentIds: string[];
  status: MessageStatus;
  approvalId: string | null;
  conditions: Record<string, unknown>;
  storedAt: Date;
  recipientIds: string[];
}

export interface NewMessage {
  senderId: string;
  envelope: Envelope;
  attachmentIds: string[];
  status: 'held' | 'accepted';
  conditions: Record<string, unknown>;
  storedAt: Date;
  retentionUntil: Date | null;
}

/** A copy taken out of the queue by its recipient's acknowledgement, delivered at `at` (the first acknowledgement). */
export interface AckedCopy {
  messageId: string;
  senderId: string;
  msgId: string;
  at: Date;
}

/** When each recipient of a message first acknowledged it. */
export type DeliveredTo = Array<{ userId: string; at: Date }>;

/** The stored messages (envelopes and relay metadata): the history. Removing one also takes its queued copies and delivery records. */
export interface MessageStore {
  newId(): string;
  /** The id a message from `senderId` with client `msgId` is stored under: a retry maps to the same id. */
  idFor(senderId: string, msgId: string): string;
  findBySenderMsgId(senderId: string, msgId: string): Promise<StoredMessage | undefined>;
  findById(id: string): Promise<StoredMessage | undefined>;
  /** The messages with these ids, in this order (ids not stored are left out). */
  findMany(ids: readonly string[]): Promise<StoredMessage[]>;
  /** Durable insert (group-committed); on a duplicate (sender, msgId) the stored message is returned instead. */
  insert(id: string, input: NewMessage): Promise<{ message: StoredMessage; created: boolean }>;
  /** Takes back a stored envelope that was never released (its request step lost a race). */
  remove(id: string): Promise<void>;
  setStatus(id: string, status: MessageStatus, extra?: { approvalId?: string }): Promise<void>;
  /** Held messages in store order, one page after (storedAt, id) of the previous page's last. */
  heldPage(after: { storedAt: Date; id: string } | undefined, limit: number): Promise<StoredMessage[]>;
  heldBefore(cutoff: Date, limit: number): Promise<StoredMessage[]>;
  /** Newest first in (storedAt, id) order; a page continues strictly after the cursor. */
  history(
    userId: string,
    filter: {
      threadId?: string | undefined;
      withUserId?: string | undefined;
      before?: Date | undefined;
      beforeId?: string | undefined;
      limit: number;
    },
  ): Promise<StoredMessage[]>;
  /** Deletes messages past their retention limit, with their queued copies; returns their attachment ids. */
  deleteExpired(now: Date, limit: number): Promise<{ messageIds: string[]; attachmentIds: string[] }>;
}

/**
 * The delivery queue: one copy per recipient until their client acknowledges it, and then the
 * record of when it was delivered. A copy's id and its record's are derived from (recipient,
 * message), so the first acknowledgement's record insert is the claim: "delivered" is said once.
 */
export interface DeliveryQueueStore {
  /** One queued copy per recipient, group-committed; idempotent (a retry after a crash fills in what is missing). */
  enqueue(message: Pick<StoredMessage, 'id' | 'senderId' | 'msgId' | 'storedAt' | 'recipientIds'>): Promise<void>;
  /** The ids of the recipient's oldest unacknowledged copies, in store order, and whether more are queued. */
  pending(recipientId: string, limit: number): Promise<{ messageIds: string[]; more: boolean }>;
  /**
   * Takes acknowledged copies out of the queue and records when each was delivered; returns the
   * copies this acknowledgement delivered (repeats, and copies not queued for this recipient, are no-ops).
   */
  ack(recipientId: string, messageIds: string[], at: Date): Promise<AckedCopy[]>;
  /** When each recipient first acknowledged each message. */
  deliveredTo(messages: ReadonlyArray<Pick<StoredMessage, 'id' | 'recipientIds'>>): Promise<Map<string, DeliveredTo>>;
  /** Copies waiting, network-wide: a cheap estimate (collection metadata), read by the metrics at each scrape. */
  queuedCount(): Promise<number>;
}

export interface Attachment {
  id: string;
  uploaderId: string;
  size: number;
  chunks: number;
  complete: boolean;
  messageId: string | null;
  createdAt: Date;
}

/** Encrypted attachment uploads, in chunks, bound to the message that carries them. */
export interface AttachmentStore {
  begin(uploaderId: string, now: Date): Promise<string>;
  putChunk(id: string, n: number, data: Buffer): Promise<void>;
  finish(id: string, size: number, chunks: number): Promise<void>;
  find(id: string): Promise<Attachment | undefined>;
  /** Binds unbound attachments of this uploader to a message; answers how many were bound. */
  bind(ids: string[], uploaderId: string, messageId: string): Promise<number>;
  read(id: string): AsyncGenerator<Buffer>;
  delete(ids: string[]): Promise<void>;
  /** Uploads never bound to a message (abandoned or failed) after `cutoff`. */
  unboundBefore(cutoff: Date): Promise<string[]>;
}
