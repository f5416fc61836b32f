import { expect } from 'chai';
import type { RequestCaseView } from '../../../shared/schemas/requests.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { startNetwork } from '../../helpers/network.js';
import { caseOf, DOC_FIELDS, requestEnvelope, sent } from '../../helpers/requests.js';
import type { TestServer } from '../../helpers/test-server.js';

describe('requests: the people on a case, named from the directory', function () {
  this.timeout(120_000);
  let t: TestServer;
  let kz: TestPerson;
  let tj: TestPerson;
  let tjAdmin: TestPerson;

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, TJ: { admins: 1, focalPoints: { border: 1 } } },
    });
    ({ t } = net);
    [kz, tj, tjAdmin] = [net.focalPoint('KZ'), net.focalPoint('TJ'), net.admin('TJ')];
    const filled = await call(t.url, 'PATCH', `/api/directory/entries/${kz.user.id}`, {
      token: kz.session?.accessToken,
      body: {
        kind: 'duty-desk',
        name: { en: 'Border Service duty desk', ru: 'Дежурная часть Пограничной службы' },
        title: { en: 'Duty officer' },
        authority: { en: 'Border Service', ru: 'Пограничная служба' },
        contacts: [{ type: 'secure-line', value: '4411' }],
      },
    });
    expect(filled.status).to.equal(200);
  });
  after(async () => t.close());

  it('names the requester (name, authority, duty desk) to the requested side, in the list and on the case; only fields no state withholds', async () => {
    const id = await sent(
      t,
      kz,
      await requestEnvelope(t, kz, tj, 'request:document-check', DOC_FIELDS, { urgency: 'standard' }),
    );
    const inbox = await call<RequestCaseView[]>(t.url, 'GET', '/api/requests?box=inbox', {
      token: tj.session?.accessToken,
    });
    const row = inbox.body.find((c) => c.id === id);
    const requester = {
      userId: kz.user.id,
      state: 'KZ',
      name: { en: 'Border Service duty desk', ru: 'Дежурная часть Пограничной службы' },
      authority: { en: 'Border Service', ru: 'Пограничная служба' },
      kind: 'duty-desk',
    };
    expect(row?.requester).to.deep.equal(requester); // no title, contacts or hours: those a state may withhold
    expect((await caseOf(t, tj, id)).requester).to.deep.equal(requester);
    // The requested side is named to the requester too, and to the national admins who may read the case.
    expect((await caseOf(t, kz, id)).requested).to.deep.equal({
      userId: tj.user.id,
      state: 'TJ',
      name: { en: tj.user.displayName },
      kind: 'person',
    });
    expect((await caseOf(t, tjAdmin, id)).requester).to.deep.equal(requester);
  });
});
