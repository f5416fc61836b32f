import type { Config } from '../config.js';
import type { AlertChannelFactory } from './alerts.js';
import { emailChannel } from './email-alerts.js';

/** The channels outside the app this configuration turns on (each is off while unconfigured). */
export function alertChannelsFrom(config: Config): AlertChannelFactory[] {
  return [...(config.smtp ? [emailChannel(config.smtp)] : [])];
}
