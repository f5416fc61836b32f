import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * A state's webhook endpoint (modules/webhooks/ports.ts). The signing secret is stored as issued,
 * because the server must sign with it (a hash would not do): `select: false`, so only the sender
 * reads it, and like the TOTP secrets it is as safe as the database and its backups. A leak is
 * mended by rotating the secret.
 */
const WebhookEndpointSchema = new Schema(
  {
    state: { type: String, required: true },
    url: { type: String, required: true },
    events: { type: [String], required: true },
    description: { type: String, default: '' },
    enabled: { type: Boolean, required: true },
    disabledReason: { type: String, default: null },
    secret: { type: String, required: true, select: false },
    secretHint: { type: String, required: true },
    createdAt: { type: Date, required: true },
    createdBy: { type: String, required: true },
    secretRotatedAt: { type: Date, default: null },
  },
  { versionKey: false },
);
WebhookEndpointSchema.index({ state: 1, createdAt: 1 });

/** One attempt at one delivery, for the delivery log: `_id` = `<delivery>:<attempt>`, so it is written once. */
const WebhookAttemptSchema = new Schema(
  {
    _id: { type: String, required: true },
    deliveryId: { type: String, required: true },
    endpointId: { type: String, required: true },
    attempt: { type: Number, required: true },
    at: { type: Date, required: true },
    statusCode: { type: Number, default: null },
    error: { type: String, default: null },
    durationMs: { type: Number, required: true },
  },
  { versionKey: false },
);
WebhookAttemptSchema.index({ deliveryId: 1 });
WebhookAttemptSchema.index({ endpointId: 1 });

export type WebhookEndpointDoc = InferSchemaType<typeof WebhookEndpointSchema>;
export type WebhookEndpointModel = Model<WebhookEndpointDoc>;
export type WebhookAttemptDoc = InferSchemaType<typeof WebhookAttemptSchema>;
export type WebhookAttemptModel = Model<WebhookAttemptDoc>;

// Made by the webhook channel and again by index preparation (which runs whatever channels are on).
export const webhookEndpointModel = (c: Connection): WebhookEndpointModel =>
  (c.models.WebhookEndpoint as WebhookEndpointModel | undefined) ??
  c.model<WebhookEndpointDoc>('WebhookEndpoint', WebhookEndpointSchema, 'webhook_endpoints');
export const webhookAttemptModel = (c: Connection): WebhookAttemptModel =>
  (c.models.WebhookAttempt as WebhookAttemptModel | undefined) ??
  c.model<WebhookAttemptDoc>('WebhookAttempt', WebhookAttemptSchema, 'webhook_attempts');
