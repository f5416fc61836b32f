import type { Config } from '../config.js';
import { webhookAttemptModel, webhookEndpointModel } from '../db/models/webhook.model.js';
import { WebhookAttemptsRepository, WebhookEndpointsRepository } from '../db/repositories/webhooks.repository.js';
import { withCachedSubscriptions } from '../modules/webhooks/cached-subscriptions.js';
import { queueAlertDeliveries } from '../modules/webhooks/queue-deliveries.js';
import { drainWebhooks } from '../modules/webhooks/send-delivery.js';
import { WebhookAddressRefused, type WebhookTransport } from '../modules/webhooks/ports.js';
import { WEBHOOK_CHANNEL, type WebhooksDeps } from '../modules/webhooks/webhooks-deps.js';
import { addressPolicy } from '../system/outbound/address-policy.js';
import { AddressRefusedError, checkedAddress } from '../system/outbound/checked-address.js';
import { postJson } from '../system/outbound/post-json.js';
import type { AlertChannelContext, Alerts, SendingChannel } from './alerts.js';

/** One delivery attempt may take this long; then it is retried later. */
const DELIVERY_TIMEOUT_MS = 10_000;

/** The webhook channel, which also hands the routes the module's dependencies. */
export interface WebhookChannel extends SendingChannel {
  readonly webhooks: WebhooksDeps;
}

/**
 * Outbound calls to registered endpoints: https only (unless configured), to addresses the policy
 * allows, checked when the endpoint is registered and again before every delivery, connecting
 * to the very address checked.
 */
export function webhookTransport(settings: Config['webhooks']): WebhookTransport {
  const policy = addressPolicy(settings.allowedNetworks);
  const target = async (raw: string) => {
    const url = new URL(raw);
    if (url.protocol !== 'https:' && !(settings.allowHttp && url.protocol === 'http:'))
      throw new WebhookAddressRefused('only https:// addresses are allowed');
    try {
      return { url, to: await checkedAddress(url.hostname, policy) };
    } catch (error) {
      if (error instanceof AddressRefusedError)
        throw new WebhookAddressRefused(`${error.message}, which this server does not call (WEBHOOK_ALLOWED_NETWORKS)`);
      throw error;
    }
  };
  return {
    async check(raw) {
      await target(raw);
    },
    async post(raw, body, headers) {
      const { url, to } = await target(raw);
      return postJson(url, to, body, headers, DELIVERY_TIMEOUT_MS);
    },
  };
}

/** Always on: a state's systems get deliveries once its national admins register an endpoint. */
export function webhookChannel(settings: Config['webhooks']) {
  return (context: AlertChannelContext): WebhookChannel => {
    const endpointModel = webhookEndpointModel(context.connection);
    const attemptModel = webhookAttemptModel(context.connection);
    const webhooks: WebhooksDeps = {
      endpoints: withCachedSubscriptions(new WebhookEndpointsRepository(endpointModel)),
      attempts: new WebhookAttemptsRepository(attemptModel),
      outbox: context.outbox,
      transport: webhookTransport(settings),
      audit: context.audit,
      clock: context.clock,
    };
    return {
      name: WEBHOOK_CHANNEL,
      webhooks,
      accept: (alert) => queueAlertDeliveries(webhooks, alert),
      drain: () => drainWebhooks(webhooks),
      async ensureIndexes() {
        await endpointModel.createIndexes();
        await attemptModel.createIndexes();
      },
    };
  };
}

/** The webhook module's dependencies, when the webhook channel is composed. */
export function webhooksOf(alerts: Pick<Alerts, 'channels'>): WebhooksDeps | undefined {
  return alerts.channels.find(isWebhookChannel)?.webhooks;
}

function isWebhookChannel(channel: SendingChannel): channel is WebhookChannel {
  return channel.name === WEBHOOK_CHANNEL && 'webhooks' in channel;
}
