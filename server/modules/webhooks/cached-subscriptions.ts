import type { WebhookEvent } from '../../../shared/schemas/webhooks.js';
import type { WebhookEndpoint, WebhookEndpointStore } from './ports.js';

/** How stale another node's view of a state's endpoints may be (changes made here are seen at once). */
export const SUBSCRIPTIONS_TTL_MS = 10_000;

/**
 * Every message and request delivered raises an alert, and the webhook channel asks which of the
 * state's endpoints want it: without this, one database read per recipient on the relay's hot
 * path. A state's enabled endpoints are read at most once per TTL per node, and forgotten on this
 * node as soon as any endpoint changes through it. The sender reads the endpoint again before each
 * delivery, so one turned off elsewhere is not called after all.
 */
export function withCachedSubscriptions(
  store: WebhookEndpointStore,
  now: () => number = Date.now,
  ttlMs = SUBSCRIPTIONS_TTL_MS,
): WebhookEndpointStore {
  const byState = new Map<string, { at: number; endpoints: Promise<WebhookEndpoint[]> }>();
  const enabledOf = (state: string): Promise<WebhookEndpoint[]> => {
    const cached = byState.get(state);
    if (cached && now() - cached.at < ttlMs) return cached.endpoints;
    const endpoints = store.list(state).then((all) => all.filter((endpoint) => endpoint.enabled));
    byState.set(state, { at: now(), endpoints });
    endpoints.catch(() => byState.delete(state));
    return endpoints;
  };
  const changed = <T>(result: Promise<T>): Promise<T> => {
    byState.clear();
    return result.finally(() => byState.clear());
  };
  return {
    create: (endpoint) => changed(store.create(endpoint)),
    find: (id) => store.find(id),
    findWithSecret: (id) => store.findWithSecret(id),
    list: (state) => store.list(state),
    countOfState: (state) => store.countOfState(state),
    async subscribed(state: string, event: WebhookEvent) {
      return (await enabledOf(state)).filter((endpoint) => endpoint.events.includes(event));
    },
    update: (id, patch) => changed(store.update(id, patch)),
    replaceSecret: (id, secret, hint, at) => changed(store.replaceSecret(id, secret, hint, at)),
    delete: (id) => changed(store.delete(id)),
  };
}
