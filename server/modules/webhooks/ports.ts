import type { WebhookDisabledReason, WebhookEvent } from '../../../shared/schemas/webhooks.js';

/** A national system's endpoint, as the server keeps it (the secret only where asked for). */
export interface WebhookEndpoint {
  id: string;
  state: string;
  url: string;
  events: WebhookEvent[];
  description: string;
  enabled: boolean;
  disabledReason?: WebhookDisabledReason;
  secretHint: string;
  createdAt: Date;
  createdBy: string;
  secretRotatedAt?: Date;
}

export interface NewWebhookEndpoint extends Omit<WebhookEndpoint, 'id'> {
  secret: string;
}

export type WebhookEndpointPatch = Partial<Pick<WebhookEndpoint, 'enabled' | 'events' | 'description'>> & {
  /** null clears it (turned on again). */
  disabledReason?: WebhookDisabledReason | null;
};

export interface WebhookEndpointStore {
  create(endpoint: NewWebhookEndpoint): Promise<WebhookEndpoint>;
  find(id: string): Promise<WebhookEndpoint | undefined>;
  /** The endpoint with the secret it signs with: for sending only. */
  findWithSecret(id: string): Promise<(WebhookEndpoint & { secret: string }) | undefined>;
  /** Every endpoint of `state`, or of all states; oldest first. */
  list(state?: string): Promise<WebhookEndpoint[]>;
  countOfState(state: string): Promise<number>;
  /** Enabled endpoints of `state` subscribed to `event`. */
  subscribed(state: string, event: WebhookEvent): Promise<WebhookEndpoint[]>;
  update(id: string, patch: WebhookEndpointPatch): Promise<WebhookEndpoint | undefined>;
  replaceSecret(id: string, secret: string, secretHint: string, at: Date): Promise<WebhookEndpoint | undefined>;
  delete(id: string): Promise<boolean>;
}

/** One attempt to deliver, kept for the delivery log. */
export interface WebhookAttempt {
  /** The outbox item (the delivery) it was an attempt of. */
  deliveryId: string;
  endpointId: string;
  attempt: number;
  at: Date;
  statusCode?: number;
  error?: string;
  durationMs: number;
}

export interface WebhookAttemptStore {
  /** Once per (delivery, attempt): recording the same attempt again keeps the first. */
  record(attempt: WebhookAttempt): Promise<void>;
  ofDeliveries(deliveryIds: readonly string[]): Promise<WebhookAttempt[]>;
  deleteOfEndpoint(endpointId: string): Promise<void>;
}

/** Resolves and checks an endpoint's address, then POSTs to exactly that address. */
export interface WebhookTransport {
  /** Throws WebhookAddressRefused when the URL's scheme or address is not allowed. */
  check(url: string): Promise<void>;
  post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; durationMs: number }>;
}

/** The URL is not one the server may call (scheme, or an address it refuses): never retried. */
export class WebhookAddressRefused extends Error {
  override readonly name = 'WebhookAddressRefused';
}
