import { expect } from 'chai';
import { withCachedSubscriptions } from '../../../../server/modules/webhooks/cached-subscriptions.js';
import type { WebhookEndpoint, WebhookEndpointStore } from '../../../../server/modules/webhooks/ports.js';

function endpoint(id: string, patch: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
  return {
    id,
    state: 'KZ',
    url: `https://${id}.example`,
    events: ['request.arrived'],
    description: '',
    enabled: true,
    secretHint: 'whsec_…',
    createdAt: new Date(0),
    createdBy: 'x',
    ...patch,
  };
}

/** The store's reads counted; only what the cache calls is real here. */
function countingStore(endpoints: WebhookEndpoint[]): { store: WebhookEndpointStore; reads: () => number } {
  let reads = 0;
  const unused = async (): Promise<never> => {
    throw new Error('not used');
  };
  const store: WebhookEndpointStore = {
    async list(state) {
      reads++;
      return endpoints.filter((e) => state === undefined || e.state === state);
    },
    async update(id, patch) {
      const found = endpoints.find((e) => e.id === id);
      if (found) Object.assign(found, patch);
      return found;
    },
    create: unused,
    find: unused,
    findWithSecret: unused,
    countOfState: unused,
    subscribed: unused,
    replaceSecret: unused,
    delete: unused,
  };
  return { store, reads: () => reads };
}

describe("webhooks: a state's subscriptions read once per few seconds, not once per message", () => {
  it('answers from one read within the TTL, reads again after it, and filters by event and enabled', async () => {
    let now = 0;
    const { store, reads } = countingStore([
      endpoint('a'),
      endpoint('b', { events: ['message.arrived'] }),
      endpoint('c', { enabled: false }),
      endpoint('d', { state: 'TJ' }),
    ]);
    const cached = withCachedSubscriptions(store, () => now, 10_000);
    expect((await cached.subscribed('KZ', 'request.arrived')).map((e) => e.id)).to.deep.equal(['a']);
    expect((await cached.subscribed('KZ', 'message.arrived')).map((e) => e.id)).to.deep.equal(['b']);
    expect(reads()).to.equal(1);
    expect((await cached.subscribed('TJ', 'request.arrived')).map((e) => e.id)).to.deep.equal(['d']);
    expect(reads()).to.equal(2);
    now = 10_000;
    await cached.subscribed('KZ', 'request.arrived');
    expect(reads()).to.equal(3);
  });

  it('forgets at once what changes through this node', async () => {
    const { store, reads } = countingStore([endpoint('a')]);
    const cached = withCachedSubscriptions(store, () => 0, 10_000);
    expect(await cached.subscribed('KZ', 'request.arrived')).to.have.length(1);
    await cached.update('a', { enabled: false });
    expect(await cached.subscribed('KZ', 'request.arrived')).to.deep.equal([]);
    expect(reads()).to.equal(2);
  });
});
