import type { Config } from '../config.js';
import type { AlertChannelFactory } from './alerts.js';

/** The channels outside the app this configuration turns on (each is off while unconfigured). */
export function alertChannelsFrom(config: Config): AlertChannelFactory[] {
  void config;
  return [];
}
