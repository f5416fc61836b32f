import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import type { RequestCaseView } from '../../../shared/schemas/requests.js';
import type { Labels } from '../../../shared/schemas/labels.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { startNetwork } from '../../helpers/network.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { caseOf, postSealing, requestEnvelope, storedMessages } from '../../helpers/requests.js';
import type { TestServer } from '../../helpers/test-server.js';

const ROUTE_LABELS: Labels = {
  domain: 'border',
  category: 'criminal-intelligence',
  classification: 'restricted',
  handling: 'H2',
};
const ROUTE_FIELDS = {
  offence: 'smuggling-of-migrants',
  originState: 'TJ',
  transitStates: ['UZ'],
  destinationState: 'RU',
  knownFacts: 'minibus, night crossings',
  questions: 'routes used in May',
  purpose: 'investigation 17/2026',
};

describe('requests: route information to origin, transit and destination, each under its own policy', function () {
  this.timeout(120_000);
  let t: TestServer;
  let kz: TestPerson;
  let ruAdmin: TestPerson;
  const fp: Record<'TJ' | 'UZ' | 'RU', TestPerson> = {} as never;

  before(async () => {
    const net = await startNetwork({
      states: {
        KZ: { focalPoints: { border: 1 } },
        TJ: { focalPoints: { border: 1 } },
        UZ: { focalPoints: { border: 1 } },
        RU: { focalPoints: { border: 1 } },
      },
    });
    ({ t } = net);
    kz = net.focalPoint('KZ');
    const admins: Record<string, TestPerson> = {};
    for (const state of ['TJ', 'UZ', 'RU'] as const) {
      admins[state] = net.admin(state);
      fp[state] = net.focalPoint(state);
    }
    ruAdmin = admins.RU!;
    // Uzbekistan receives no criminal intelligence requests from abroad (a published rule, so senders read its legal basis); Russia holds them for a national admin; Tajikistan allows.
    await publishPolicy(
      t,
      admins.UZ!,
      policyBody('UZ', 1, [
        {
          id: 'no-inbound-route-requests',
          direction: 'inbound',
          categories: ['criminal-intelligence'],
          kinds: ['request:route-information'],
          effect: 'deny',
          legalBasis: { en: 'Law on Operational Search Activity, art. 12' },
          published: true,
        },
      ]),
    );
    await publishPolicy(
      t,
      ruAdmin,
      policyBody('RU', 1, [
        {
          id: 'route-requests-approved',
          direction: 'inbound',
          kinds: ['request:route-information'],
          effect: 'approve',
        },
      ]),
    );
  });
  after(async () => t.close());

  it('sends one envelope per state sharing a thread: a denial for one does not stop the others; a held one becomes a case on release', async () => {
    const threadId = randomUUID();
    const results: Record<string, Awaited<ReturnType<typeof postSealing>>> = {};
    const msgIds: Record<string, string> = {};
    for (const state of ['TJ', 'UZ', 'RU'] as const) {
      const result = await postSealing(t, kz, (extra) =>
        requestEnvelope(
          t,
          kz,
          fp[state],
          'request:route-information',
          ROUTE_FIELDS,
          { urgency: 'standard' },
          { labels: ROUTE_LABELS, threadId, ...extra },
        ),
      );
      msgIds[state] = result.msgId;
      results[state] = result;
    }
    expect(results.TJ!.status).to.equal(200);
    expect(results.TJ!.body.status).to.equal('accepted');
    expect([results.UZ!.status, results.UZ!.body.error?.code]).to.deep.equal([403, 'policy.denied']);
    expect(results.UZ!.body.error?.message).to.contain('Law on Operational Search Activity, art. 12');
    expect(await storedMessages(t, msgIds.UZ!)).to.equal(0);
    expect(results.RU!.body.status).to.equal('held');

    const outbox = async (): Promise<RequestCaseView[]> =>
      (
        await call<RequestCaseView[]>(t.url, 'GET', '/api/requests?box=outbox', { token: kz.session?.accessToken })
      ).body.filter((c) => c.threadId === threadId);
    expect((await outbox()).map((c) => c.requested.state)).to.deep.equal(['TJ']);
    expect(
      (await call<RequestCaseView[]>(t.url, 'GET', '/api/requests?box=inbox', { token: fp.RU.session?.accessToken }))
        .body,
    ).to.deep.equal([]);

    const approved = await call(t.url, 'POST', `/api/approvals/${results.RU!.body.approvalId}/approve`, {
      token: ruAdmin.session?.accessToken,
      body: { comment: 'ok' },
    });
    expect(approved.status).to.equal(200);
    const cases = await outbox();
    expect(cases.map((c) => c.requested.state).sort()).to.deep.equal(['RU', 'TJ']);
    const ru = cases.find((c) => c.requested.state === 'RU')!;
    expect(ru).to.include({
      kind: 'request:route-information',
      status: 'submitted',
      category: 'criminal-intelligence',
    });
    expect((await caseOf(t, fp.RU, ru.id)).id).to.equal(results.RU!.body.id);
  });
});
