import { expect } from 'chai';
import { ApiError } from '../../../client/sdk/index.js';
import { parseEvents, seminar } from '../../helpers/events.js';
import { startSdkNetwork } from '../../helpers/network.js';

/** The events calendar from a Node program through the SDK, as a national system would use it. */
describe('client SDK: the events calendar', function () {
  this.timeout(120_000);
  let net: Awaited<ReturnType<typeof startSdkNetwork>>;

  before(async () => {
    net = await startSdkNetwork({ states: { KZ: {}, KG: { focalPoints: { border: 1 } } } });
  });
  after(async () => net?.stop());

  it('proposes, registers, reads counts, downloads the .ics and manages the personal feed', async () => {
    const kz = net.admin('KZ').client;
    const kg = net.admin('KG').client;
    const focal = net.focalPoint('KG');
    const event = await kz.events.propose(seminar(net.t.clock.now(), 'KZ'));
    const registered = await kg.events.register(event.id, 'KG', [{ userId: focal.id }]);
    expect(registered.registeredByState).to.deep.equal([{ state: 'KG', count: 1 }]);
    expect((await kg.events.list({ domain: 'border' })).map((e) => e.id)).to.include(event.id);
    const refused = await kg.events.register(event.id, 'KG', [{ userId: focal.id }]).catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(ApiError);
    expect((refused as ApiError).code).to.equal('event.duplicate-participant');

    const [parsed] = parseEvents(await focal.client.events.ics(event.id, 'ru'));
    expect(parsed?.summary).to.equal('Семинар по подделке документов');

    const feed = await focal.client.events.createFeed('en');
    expect(feed.url).to.match(/\/api\/calendar-feeds\/.+\/events\.ics$/);
    expect((await focal.client.events.feed()).active).to.equal(true);
    expect((await focal.client.events.revokeFeed()).active).to.equal(false);
  });
});
