import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import type { Role } from '../../../shared/schemas/accounts.js';
import type { Audience } from '../../../shared/schemas/audience.js';
import type { CircularSender, LeftOutState } from '../../../shared/schemas/circulars.js';
import type { DeliveryConditions } from '../../../shared/schemas/messaging.js';
import type { z } from 'zod';

export type Conditions = z.infer<typeof DeliveryConditions>;

/** One circular as stored: the envelope (ciphertext) and what the relay decided, never content. */
export interface StoredCircular {
  id: string;
  senderId: string;
  /** Null for the secretariat. */
  senderState: string | null;
  senderRole: Role;
  msgId: string;
  audience: Audience;
  envelope: Envelope;
  /** The key bundle the server verified the signature with: recipients verify with the same. */
  sender: CircularSender;
  storedAt: Date;
  /** States left out at sending, with their reasons (as the sender's state may read them). */
  leftOut: LeftOutState[];
  /** Conditions of the disclosure policies per recipient state (empty for most). */
  conditions: Record<string, Conditions>;
}

/** A recipient's copy: queued once per recipient, read once. */
export interface CircularCopy {
  circularId: string;
  recipientId: string;
  /** The recipient's state, or the secretariat's reserved code. */
  state: string;
  storedAt: Date;
  readAt: Date | null;
}

/** The circulars and their recipients' copies (collections `circulars`, `circular_copies`). */
export interface CircularStore {
  /** The id a circular from `senderId` with client `msgId` is stored under: a retry maps to the same id. */
  idFor(senderId: string, msgId: string): string;
  findById(id: string): Promise<StoredCircular | undefined>;
  findMany(ids: readonly string[]): Promise<StoredCircular[]>;
  /** Durable insert; on a duplicate id the stored circular is returned instead. */
  insert(circular: StoredCircular): Promise<{ circular: StoredCircular; created: boolean }>;
  /** One copy per recipient of the envelope (ids derived, so a repeat fills in only what is missing). */
  enqueue(circular: StoredCircular): Promise<void>;
  /** A recipient's copies, unread first then newest first, and how many are unread. */
  received(recipientId: string, limit: number): Promise<{ copies: CircularCopy[]; unread: number }>;
  /** Newest first; `senderState` undefined: every sender's. */
  sent(filter: { senderState?: string | null }, limit: number): Promise<StoredCircular[]>;
  copiesOf(circularIds: readonly string[]): Promise<CircularCopy[]>;
  /** Marks the recipient's copy read once; `first` is true only the first time. Undefined: no such copy. */
  markRead(
    recipientId: string,
    circularId: string,
    at: Date,
  ): Promise<{ copy: CircularCopy; first: boolean } | undefined>;
}
