import { expect } from 'chai';
import type { DirectoryPage, EntryView } from '../../../shared/schemas/directory.js';
import { signIn, type TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { startNetwork } from '../../helpers/network.js';
import type { TestServer } from '../../helpers/test-server.js';

describe("directory: a new focal point's entry is incomplete until it can be used", function () {
  this.timeout(90_000);
  let t: TestServer;
  let kz: TestPerson;
  let ru: TestPerson;

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 1 } } },
    });
    ({ t } = net);
    [kz, ru] = [net.focalPoint('KZ'), net.focalPoint('RU')];
  });
  after(async () => t.close());

  const entry = async (reader: TestPerson): Promise<EntryView> => {
    const response = await call<EntryView>(t.url, 'GET', `/api/directory/entries/${kz.user.id}`, {
      token: reader.session?.accessToken,
    });
    expect(response.status).to.equal(200);
    return response.body;
  };
  const listed = async (reader: TestPerson): Promise<EntryView | undefined> => {
    const response = await call<DirectoryPage>(t.url, 'GET', '/api/directory?state=KZ', {
      token: reader.session?.accessToken,
    });
    return response.body.entries.find((e) => e.userId === kz.user.id);
  };
  const edit = async (body: unknown): Promise<EntryView> => {
    const response = await call<EntryView>(t.url, 'PATCH', `/api/directory/entries/${kz.user.id}`, {
      token: kz.session?.accessToken,
      body,
    });
    expect(response.status).to.equal(200);
    return response.body;
  };

  it('is incomplete when just activated, for its owner and for other states, in the entry and the list', async () => {
    const own = await entry(kz);
    expect(own).to.include({ status: 'incomplete', stale: false });
    expect((await entry(ru)).status).to.equal('incomplete');
    expect((await listed(ru))?.status).to.equal('incomplete');
  });

  it('stays incomplete when only confirmed, or with an authority but no contact; current once both are given', async () => {
    const confirmed = await call<EntryView>(t.url, 'POST', `/api/directory/entries/${kz.user.id}/confirm`, {
      token: kz.session?.accessToken,
    });
    expect(confirmed.body.status).to.equal('incomplete');
    expect((await edit({ authority: { en: 'Border Service' } })).status).to.equal('incomplete');
    const done = await edit({ contacts: [{ type: 'secure-line', value: '4411' }] });
    expect(done.status).to.equal('current');
    expect((await listed(ru))?.status).to.equal('current');
  });

  it('turns stale, not incomplete, once not reconfirmed within the freshness period', async () => {
    t.clock.advance(400 * 86_400_000);
    await signIn(t, ru); // the session ended long ago
    const view = await entry(ru);
    expect(view).to.include({ status: 'stale', stale: true });
  });
});
