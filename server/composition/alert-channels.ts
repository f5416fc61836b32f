import type { Config } from '../config.js';
import type { AlertChannelFactory } from './alerts.js';
import { emailChannel } from './email-alerts.js';
import { webhookChannel } from './webhook-channel.js';

/** The channels outside the app this configuration turns on (each is off while unconfigured). */
export function alertChannelsFrom(config: Config): AlertChannelFactory[] {
  // Webhooks are always on: nothing is sent until a state's national admins register an endpoint.
  return [webhookChannel(config.webhooks), ...(config.smtp ? [emailChannel(config.smtp)] : [])];
}
