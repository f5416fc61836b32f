import { z } from 'zod';
import { Envelope } from '../crypto/envelope-format.js';
import { PublicKeyBundle } from '../crypto/verify-key-bundle.js';
import { Id, Role } from './accounts.js';
import { Audience, AudienceMember } from './audience.js';
import { Labels, StateCode } from './labels.js';
import { DeliveryConditions } from './messaging.js';
import { PolicyEffect } from './policy.js';

/** Circulars one page lists (received or sent). */
export const CIRCULARS_PAGE_LIMIT = 100;

/** A state the circular will not reach, and why, in English and Russian (other states' unpublished rules redacted). */
export const LeftOutState = z.object({
  state: StateCode,
  /** 'deny', or 'approve' (a circular is never held), or 'conditions' the labels do not meet. */
  effect: PolicyEffect,
  reasons: z.object({ en: z.array(z.string()), ru: z.array(z.string()) }),
});
export type LeftOutState = z.infer<typeof LeftOutState>;

export const CircularPreviewInput = z.object({ audience: Audience, labels: Labels }).strict();
export type CircularPreviewInput = z.infer<typeof CircularPreviewInput>;

/** Who a circular reaches now: seal to exactly `recipients`. */
export const CircularPreview = z.object({
  /** The sender's state in the envelope (the secretariat's reserved code for the secretariat). */
  senderState: StateCode,
  recipients: z.array(AudienceMember),
  leftOut: z.array(LeftOutState),
});
export type CircularPreview = z.infer<typeof CircularPreview>;

export const SendCircularInput = z.object({ audience: Audience, envelope: Envelope }).strict();
export type SendCircularInput = z.input<typeof SendCircularInput>;

export const CircularSent = z.object({
  /** Server id; a retry with the same msgId returns the same answer. */
  id: Id,
  recipients: z.number().int().positive(),
  states: z.array(StateCode),
  leftOut: z.array(LeftOutState),
});
export type CircularSent = z.infer<typeof CircularSent>;

/** The sender as recipients verify them: the key bundle that signed, as the server checked it at sending. */
export const CircularSender = z.object({
  userId: Id,
  /** Null for the secretariat. */
  state: StateCode.nullable(),
  role: Role,
  keys: PublicKeyBundle,
  keyVersion: z.number().int().positive(),
  /** An administrator compared the key's safety number. */
  verified: z.boolean(),
});
export type CircularSender = z.infer<typeof CircularSender>;

/** A circular addressed to me. */
export const ReceivedCircular = z.object({
  id: Id,
  envelope: Envelope,
  sender: CircularSender,
  audience: Audience,
  conditions: DeliveryConditions,
  storedAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type ReceivedCircular = z.infer<typeof ReceivedCircular>;

export const ReceivedCirculars = z.object({
  circulars: z.array(ReceivedCircular),
  unread: z.number().int().nonnegative(),
});
export type ReceivedCirculars = z.infer<typeof ReceivedCirculars>;

/** Recipients of one state (the secretariat's reserved code for its members) and how many have read. */
export const StateTally = z.object({
  state: StateCode,
  recipients: z.number().int().nonnegative(),
  read: z.number().int().nonnegative(),
});
export type StateTally = z.infer<typeof StateTally>;

/** A sent circular with its read tally: "read in X of Y states" counts a state once any of its recipients read it. */
export const SentCircular = z.object({
  id: Id,
  senderId: Id,
  senderState: StateCode.nullable(),
  audience: Audience,
  labels: Labels,
  storedAt: z.iso.datetime(),
  /** Only for the sender: their own sealed copy. */
  envelope: Envelope.optional(),
  tally: z.array(StateTally),
  statesRead: z.number().int().nonnegative(),
  statesReached: z.number().int().nonnegative(),
  leftOut: z.array(LeftOutState),
});
export type SentCircular = z.infer<typeof SentCircular>;

export const SentCirculars = z.object({ circulars: z.array(SentCircular) });
export type SentCirculars = z.infer<typeof SentCirculars>;

export const CircularReadResult = z.object({ id: Id, readAt: z.iso.datetime() });
export type CircularReadResult = z.infer<typeof CircularReadResult>;

/** Pushed to a recipient's open tabs: a circular arrived (they list them from the database). */
export const CircularArrivedEvent = z.object({ id: Id });
export type CircularArrivedEvent = z.infer<typeof CircularArrivedEvent>;
