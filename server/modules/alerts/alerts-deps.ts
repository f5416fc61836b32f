import type { Logger } from 'pino';
import type { Alert } from '../../../shared/schemas/alerts.js';

/** Who an alert is for, as people: the person concerned and whoever stands in for them. */
export interface AlertAudience {
  /** The people to tell: the person concerned, their deputies, or a state's national admins. */
  userIds: string[];
}

/** A way out of the app (e-mail, webhooks). It queues what it will send; it never sends inline. */
export interface AlertChannel {
  readonly name: string;
  accept(alert: Alert, audience: AlertAudience): Promise<void>;
}

/** People an alert without a person concerned goes to, and stand-ins of those who are away. */
export interface AlertPeople {
  nationalAdmins(state?: string): Promise<string[]>;
  /** The deputies covering for `userId` now (empty while they are on duty). */
  deputiesOf(userId: string): Promise<string[]>;
}

export interface AlertsDeps {
  channels: readonly AlertChannel[];
  people: AlertPeople;
  logger: Pick<Logger, 'error'>;
}
