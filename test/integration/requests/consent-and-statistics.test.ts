import { expect } from 'chai';
import type { RequestStatistics } from '../../../shared/schemas/requests.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { startNetwork } from '../../helpers/network.js';
import { caseOf, DOC_FIELDS, DOC_LABELS, post, requestEnvelope, sent, stepEnvelope } from '../../helpers/requests.js';
import type { TestServer } from '../../helpers/test-server.js';

const CONSENT = { use: 'evidence', recipient: 'Court of Almaty', justification: 'trial 3/2026' };
const GENERAL = { ...DOC_LABELS, category: 'general' as const };

describe('requests: consent rules and statistics access', function () {
  this.timeout(120_000);
  let t: TestServer;
  let root: TestPerson;
  let kzAdmin: TestPerson;
  let tjAdmin: TestPerson;
  let kz: TestPerson;
  let tj: TestPerson;
  let tj2: TestPerson;
  let ru: TestPerson;

  before(async () => {
    const net = await startNetwork({
      states: {
        KZ: { focalPoints: { border: 1 } },
        TJ: { focalPoints: { border: 2 } },
        RU: { focalPoints: { border: 1 } },
      },
    });
    ({ t, root } = net);
    [kzAdmin, tjAdmin] = [net.admin('KZ'), net.admin('TJ')];
    [kz, tj, tj2, ru] = [net.focalPoint('KZ'), net.focalPoint('TJ'), net.focalPoint('TJ', 1), net.focalPoint('RU')];
  });
  after(async () => t.close());

  const consentTo = async (from: TestPerson, to: TestPerson, originalId: string) =>
    post(
      t,
      from,
      await requestEnvelope(
        t,
        from,
        to,
        'request:consent',
        CONSENT,
        { urgency: 'standard' },
        { requestRef: originalId, labels: GENERAL },
      ),
    );

  it('asks consent only about an answered request, of the providing state, by its requester', async () => {
    const original = await sent(
      t,
      kz,
      await requestEnvelope(t, kz, tj, 'request:document-check', DOC_FIELDS, { urgency: 'standard' }),
    );
    const early = await consentTo(kz, tj, original);
    expect([early.status, early.body.error?.code]).to.deep.equal([400, 'request.invalid']);
    await sent(
      t,
      tj,
      await stepEnvelope(
        t,
        tj,
        kz,
        original,
        { action: 'answer' },
        { result: 'ok' },
        { labels: { ...DOC_LABELS, evaluation: 'A2' } },
      ),
    );
    const wrongState = await consentTo(kz, ru, original);
    expect([wrongState.status, wrongState.body.error?.code]).to.deep.equal([400, 'request.invalid']);
    const notRequester = await consentTo(ru, tj, original);
    expect([notRequester.status, notRequester.body.error?.code]).to.deep.equal([404, 'request.not-found']);
    // Any focal point of the providing state may be asked (here a colleague of the one who answered).
    const consentId = (await consentTo(kz, tj2, original)).body.id;
    expect(await caseOf(t, tj2, consentId)).to.include({ originalCaseId: original, kind: 'request:consent' });

    // A consent request is answered with granted/refused; other requests never are.
    const bare = await post(
      t,
      tj2,
      await stepEnvelope(t, tj2, kz, consentId, { action: 'answer' }, {}, { labels: { ...GENERAL, evaluation: 'A1' } }),
    );
    expect([bare.status, bare.body.error?.code]).to.deep.equal([400, 'request.invalid']);
    const other = await sent(
      t,
      kz,
      await requestEnvelope(t, kz, tj, 'request:document-check', DOC_FIELDS, { urgency: 'standard' }),
    );
    const misplaced = await post(t, tj, await stepEnvelope(t, tj, kz, other, { action: 'answer', consent: 'granted' }));
    expect([misplaced.status, misplaced.body.error?.code]).to.deep.equal([400, 'request.invalid']);
    await sent(
      t,
      tj2,
      await stepEnvelope(
        t,
        tj2,
        kz,
        consentId,
        { action: 'answer', consent: 'refused' },
        { why: 'ongoing investigation' },
        { labels: GENERAL },
      ),
    );
    expect(await caseOf(t, kz, consentId)).to.include({ status: 'answered', consent: 'refused' });
  });

  it('refuses a request type outside its domains', async () => {
    const financial = await post(
      t,
      kz,
      await requestEnvelope(
        t,
        kz,
        tj,
        'request:financial-enquiry',
        { subjects: 'X Ltd', purpose: 'p' },
        { urgency: 'routine' },
      ),
    );
    expect([financial.status, financial.body.error?.code]).to.deep.equal([400, 'request.invalid']);
  });

  it('serves statistics to national admins (own state) and the secretariat (all), never to focal points', async () => {
    const stats = (person: TestPerson, query = '') =>
      call<RequestStatistics & { error?: { code: string } }>(t.url, 'GET', `/api/requests/statistics${query}`, {
        token: person.session?.accessToken,
      });
    const own = await stats(kzAdmin);
    expect(own.status).to.equal(200);
    expect(own.body.rows.map((r) => r.state)).to.deep.equal(['KZ']);
    // Sent by KZ: the original check, the consent request to TJ and one more check (refused sends do not count).
    expect(own.body.rows[0]).to.include({ domain: 'border', sent: 3, received: 0 });
    expect((await stats(kzAdmin, '?state=TJ')).status).to.equal(403);
    const tjRows = (await stats(tjAdmin)).body.rows;
    expect(tjRows).to.have.length(1);
    expect(tjRows[0]).to.include({
      state: 'TJ',
      domain: 'border',
      sent: 0,
      received: 3,
      medianAcknowledgeMs: null,
      overdue: 0,
    });
    expect(tjRows[0]?.medianAnswerMs).to.be.a('number').and.to.be.at.least(0);
    const all = await stats(root);
    expect(all.body.rows.map((r) => r.state)).to.deep.equal(['KZ', 'TJ']); // RU only had its sends refused
    expect((await stats(root, '?state=TJ')).body.rows).to.deep.equal(tjRows);
    expect((await stats(kz)).status).to.equal(403);
    expect((await stats(root, '?domain=economic-crime')).body.rows).to.deep.equal([]);
    expect((await stats(root, '?state=kz')).status).to.equal(400);
  });

  it('serves the templates', async () => {
    const templates = await call<{ kind: string }[]>(t.url, 'GET', '/api/requests/templates', {
      token: kz.session?.accessToken,
    });
    expect(templates.body.map((x) => x.kind)).to.include.members([
      'request:document-check',
      'request:route-information',
      'request:consent',
    ]);
  });
});
