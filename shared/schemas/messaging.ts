import { z } from 'zod';
import { Envelope } from '../crypto/envelope-format.js';
import { Id } from './accounts.js';
import { HandlingCode } from './labels.js';

/** Attachments one message may carry (the server's limit on ids, the payload's on references). */
export const MAX_ATTACHMENTS_PER_MESSAGE = 20;

export const SendMessageInput = z
  .object({
    envelope: Envelope,
    /** Encrypted attachments uploaded beforehand by the sender, bound to this message. */
    attachmentIds: z.array(Id).max(MAX_ATTACHMENTS_PER_MESSAGE).default([]),
  })
  .strict();
export type SendMessageInput = z.input<typeof SendMessageInput>;

export const SendMessageResult = z.object({
  /** Server id; a retry with the same msgId returns the same id. */
  id: Id,
  status: z.enum(['accepted', 'held']),
  /** When held: the approval request the national admins decide. */
  approvalId: Id.optional(),
});
export type SendMessageResult = z.infer<typeof SendMessageResult>;

/** Conditions from the disclosure policies that the recipient's client must honour. */
export const DeliveryConditions = z.object({
  minHandling: HandlingCode.optional(),
  noOnwardDissemination: z.boolean().optional(),
  notAsEvidence: z.boolean().optional(),
  retentionDays: z.number().int().positive().optional(),
});

export const DeliveredMessage = z.object({
  id: Id,
  envelope: Envelope,
  attachmentIds: z.array(Id),
  conditions: DeliveryConditions,
  storedAt: z.iso.datetime(),
  /** In the sender's history only: when each recipient's client first acknowledged it (absent: not yet). */
  deliveredTo: z.array(z.object({ userId: Id, at: z.iso.datetime() })).optional(),
  /** In the sender's history only: held for approval by national admins, not delivered yet. */
  held: z.literal(true).optional(),
});
export type DeliveredMessage = z.infer<typeof DeliveredMessage>;

export const FetchBacklogInput = z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict();
export type FetchBacklogInput = z.input<typeof FetchBacklogInput>;
export const BacklogPage = z.object({ messages: z.array(DeliveredMessage), more: z.boolean() });
export type BacklogPage = z.infer<typeof BacklogPage>;

export const AckInput = z.object({ ids: z.array(Id).min(1).max(200) }).strict();
export type AckInput = z.infer<typeof AckInput>;

/** Told to the sender: a recipient's client acknowledged receipt, or a held message was settled. */
export const MessageStatusEvent = z.object({
  id: Id,
  msgId: z.string(),
  status: z.enum(['delivered', 'released', 'rejected', 'expired']),
  userId: Id.optional(),
  at: z.iso.datetime(),
  comment: z.string().nullable().optional(),
});
export type MessageStatusEvent = z.infer<typeof MessageStatusEvent>;

export const HistoryQuery = z
  .object({
    threadId: z.string().max(128).optional(),
    with: Id.optional(),
    /** Pages back: `storedAt` of the oldest message seen; alone, only older messages follow. */
    before: z.iso.datetime().optional(),
    /**
     * With `before`: the id of that oldest message, so messages stored in the same millisecond are
     * neither skipped nor repeated (the page continues after (before, beforeId) in (storedAt, id) order).
     */
    beforeId: Id.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict()
  .refine((query) => query.beforeId === undefined || query.before !== undefined, {
    path: ['beforeId'],
    message: 'beforeId needs before',
  });

/** What the server accepts as attachments, so a client can refuse a file before encrypting it. */
export const AttachmentLimits = z.object({
  /** The largest upload, in ciphertext bytes (`attachmentUploadBytes` of the file's size). */
  maxBytes: z.number().int().positive(),
  /** Attachments one message may name. */
  maxPerMessage: z.number().int().positive(),
});
export type AttachmentLimits = z.infer<typeof AttachmentLimits>;
