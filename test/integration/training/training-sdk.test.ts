import { expect } from 'chai';
import { isApiError } from '../../../client/sdk/index.js';
import { startSdkNetwork } from '../../helpers/network.js';
import type { SdkMember } from '../../helpers/sdk-people.js';
import type { TestServer } from '../../helpers/test-server.js';

const day = (now: Date, days: number): string => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** The SDK's training calls, as a national system of a state would use them from Node. */
describe('client SDK: Centres of Excellence and training requests', function () {
  this.timeout(90_000);
  let t: TestServer;
  let kz: SdkMember;
  let ru: SdkMember;

  before(async () => {
    const net = await startSdkNetwork({ states: { KZ: {}, RU: {} } });
    t = net.t;
    [kz, ru] = [net.admin('KZ'), net.admin('RU')];
  });
  after(async () => t?.close());

  it('KZ describes a centre; RU finds it and asks for a training of trainers; KZ accepts; RU sees the answer', async () => {
    const centre = await kz.client.training.createCentre({
      name: { en: 'Customs Training Centre' },
      state: 'KZ',
      domains: ['economic-crime'],
      subjects: ['money laundering'],
      languages: ['ru'],
      contact: { email: 'ctc@example.kz' },
      formats: ['online'],
      hostsForeignParticipants: false,
    });
    const { centres } = await ru.client.training.centres({ subject: 'Money Laundering' });
    expect(centres.map((c) => c.id)).to.deep.equal([centre.id]);

    const now = t.clock.now();
    const sent = await ru.client.training.send({
      hostState: 'KZ',
      centreId: centre.id,
      domain: 'economic-crime',
      subject: 'Financial investigations',
      kind: 'training-of-trainers',
      period: { from: day(now, 40), to: day(now, 45) },
      languages: ['ru'],
      participants: 8,
    });
    expect((await kz.client.training.requests('incoming')).map((r) => r.id)).to.deep.equal([sent.id]);

    const ownAnswer = await ru.client.training.accept(sent.id).catch((error: unknown) => error);
    expect(isApiError(ownAnswer) && ownAnswer.code).to.equal('training.wrong-side');

    await kz.client.training.accept(sent.id, { format: 'online' });
    expect(await ru.client.training.request(sent.id)).to.include({ status: 'accepted', format: 'online' });
    const withdrawn = await ru.client.training.withdraw(sent.id).catch((error: unknown) => error);
    expect(isApiError(withdrawn) && withdrawn.status).to.equal(409);
  });
});
