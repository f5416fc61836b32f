import { z } from 'zod';
import { Urgency } from '../requests/header-fields.js';
import { Id } from './accounts.js';
import { DomainCode, StateCode } from './labels.js';

/**
 * Webhooks: HTTPS endpoints a state's national admins register so their national systems learn
 * of arrivals by a signed push. A delivery carries ids and metadata only; the national system
 * fetches the ciphertext through the SDK with a focal point's credentials.
 */
export const WEBHOOK_EVENTS = [
  'request.arrived',
  'request.step',
  'request.reminder',
  'request.overdue',
  'message.arrived',
  'approval.waiting',
] as const;
export const WebhookEvent = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

/** What a delivery's `type` may be: an event, or `test` from the "send test event" button. */
export const WebhookDeliveryType = z.enum([...WEBHOOK_EVENTS, 'test']);
export type WebhookDeliveryType = z.infer<typeof WebhookDeliveryType>;

/** An absolute http(s) URL without credentials or fragment; whether plain http and the address are allowed is the server's configuration. */
export const WebhookUrl = z
  .url({ protocol: /^https?$/, error: 'must be an https:// address' })
  .max(2048)
  .refine((value) => {
    const url = new URL(value);
    return url.username === '' && url.password === '' && url.hash === '';
  }, 'must not carry a user name, password or #fragment');

const Events = z
  .array(WebhookEvent)
  .min(1, 'choose at least one event')
  .refine((events) => new Set(events).size === events.length, 'each event once');

export const CreateWebhookRequest = z
  .object({ url: WebhookUrl, events: Events, description: z.string().trim().max(200).default('') })
  .strict();
export type CreateWebhookRequest = z.input<typeof CreateWebhookRequest>;

export const UpdateWebhookRequest = z
  .object({
    enabled: z.boolean().optional(),
    events: Events.optional(),
    description: z.string().trim().max(200).optional(),
  })
  .strict();
export type UpdateWebhookRequest = z.infer<typeof UpdateWebhookRequest>;

export const WebhookParams = z.object({ id: Id }).strict();
export const ListWebhooksQuery = z.object({ state: StateCode.optional() }).strict();

/** Why the server itself turned an endpoint off. */
export const WebhookDisabledReason = z.enum(['receiver-gone']);
export type WebhookDisabledReason = z.infer<typeof WebhookDisabledReason>;

export const WebhookEndpointView = z.object({
  id: Id,
  state: StateCode,
  url: z.string(),
  events: z.array(WebhookEvent),
  description: z.string(),
  enabled: z.boolean(),
  /** Why the server turned it off (`receiver-gone`: the receiver answered 410 Gone); absent when an admin did, or while on. */
  disabledReason: WebhookDisabledReason.optional(),
  /** The secret's first characters, to tell which one a national system holds. */
  secretHint: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: Id,
  secretRotatedAt: z.iso.datetime().optional(),
});
export type WebhookEndpointView = z.infer<typeof WebhookEndpointView>;

/** Shown once: on creation and on rotation. The server keeps it to sign with and never shows it again. */
export const WebhookSecretIssued = z.object({
  endpoint: WebhookEndpointView,
  /** `whsec_` and 32 random bytes, base64url. The HMAC key is this whole string (UTF-8). */
  secret: z.string(),
});
export type WebhookSecretIssued = z.infer<typeof WebhookSecretIssued>;

export const WebhookAttemptView = z.object({
  attempt: z.number().int().min(1),
  at: z.iso.datetime(),
  /** The receiver's HTTP status, when it answered. */
  statusCode: z.number().int().optional(),
  /** Why the attempt failed: a status outside 2xx, a timeout, a refused address. */
  error: z.string().optional(),
  durationMs: z.number().int().min(0),
});
export type WebhookAttemptView = z.infer<typeof WebhookAttemptView>;

export const WebhookDeliveryView = z.object({
  id: z.string(),
  type: WebhookDeliveryType,
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int().min(0),
  createdAt: z.iso.datetime(),
  nextAttemptAt: z.iso.datetime().optional(),
  sentAt: z.iso.datetime().optional(),
  lastError: z.string().optional(),
  log: z.array(WebhookAttemptView),
});
export type WebhookDeliveryView = z.infer<typeof WebhookDeliveryView>;

/** The JSON body of every delivery (what a national system receives). */
export const WebhookPayload = z.object({
  /** The delivery's id, the same on every retry: process each id once. Also in the `FocalNet-Delivery` header. */
  id: z.string(),
  type: WebhookDeliveryType,
  /** When the event happened (ISO 8601). */
  createdAt: z.iso.datetime(),
  /** The state whose endpoint this is. */
  state: StateCode,
  data: z
    .object({
      requestId: Id.optional(),
      /** The case reference officers quote (`KZ→RU-2026-0042`). */
      reference: z.string().optional(),
      messageId: Id.optional(),
      /** The focal point concerned: fetch the ciphertext with their credentials. */
      focalPointId: Id.optional(),
      counterpartState: StateCode.optional(),
      domain: DomainCode.optional(),
      urgency: Urgency.optional(),
      deadline: z.iso.datetime().optional(),
      approvalId: Id.optional(),
    })
    .strict(),
});
export type WebhookPayload = z.infer<typeof WebhookPayload>;

/** Headers of every delivery. */
export const WEBHOOK_HEADERS = {
  signature: 'FocalNet-Signature',
  event: 'FocalNet-Event',
  delivery: 'FocalNet-Delivery',
} as const;
