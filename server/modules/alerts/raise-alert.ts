import type { Alert } from '../../../shared/schemas/alerts.js';
import type { AlertAudience, AlertsDeps } from './alerts-deps.js';

/**
 * Hands one alert to every channel. Channels only queue (durably, keyed by the alert's id), so
 * this is quick and safe to repeat; a channel that fails is logged and does not stop the others.
 */
export async function raiseAlert(deps: AlertsDeps, alert: Alert): Promise<void> {
  if (deps.channels.length === 0) return;
  const audience = await audienceOf(deps, alert);
  await Promise.all(
    deps.channels.map((channel) =>
      channel
        .accept(alert, audience)
        .catch((error: unknown) =>
          deps.logger.error({ err: error, alert: alert.id, channel: channel.name }, 'alert not queued'),
        ),
    ),
  );
}

async function audienceOf(deps: AlertsDeps, alert: Alert): Promise<AlertAudience> {
  if (alert.userId === undefined) return { userIds: await deps.people.nationalAdmins(alert.state) };
  // Liveness prompts ask the person themselves; everything else a deputy answers for them.
  const deputies = alert.kind === 'liveness.prompt' ? [] : await deps.people.deputiesOf(alert.userId);
  return { userIds: [...new Set([alert.userId, ...deputies])] };
}
