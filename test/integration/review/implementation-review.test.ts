import { expect } from 'chai';
import { segmentsCollection } from '../../helpers/audit-forgery.js';
import type { ImplementationReview } from '../../../shared/schemas/review.js';
import { implementationReview } from '../../../server/modules/review/implementation-review.js';
import { call } from '../../helpers/api.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { envelopeFor, LABELS } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { DOC_FIELDS, DOC_LABELS, post, requestEnvelope, sent, stepEnvelope } from '../../helpers/requests.js';
import type { TestServer } from '../../helpers/test-server.js';

type Reviewed = ImplementationReview & { error?: { code: string } };

/**
 * The annual implementation review: counted from the audit trail (metadata only), for a state or
 * the whole network, with a verdict on the trail it was counted from.
 */
describe('annual implementation review', function () {
  this.timeout(90_000);
  let t: TestServer;
  let root: TestPerson;
  let kzAdmin: TestPerson;
  let ruAdmin: TestPerson;
  let kz: TestPerson;
  let ru: TestPerson;
  let tj: TestPerson;
  let year: number;

  const review = (who: TestPerson, query: string) =>
    call<Reviewed>(t.url, 'GET', `/api/review?${query}`, { token: who.session?.accessToken });

  before(async () => {
    const net = await startNetwork({
      states: {
        KZ: { focalPoints: { border: 1 } },
        RU: { focalPoints: { border: 1 } },
        TJ: { focalPoints: { border: 1 } },
      },
    });
    ({ t, root } = net);
    year = t.clock.now().getUTCFullYear();
    [kzAdmin, ruAdmin] = [net.admin('KZ'), net.admin('RU')];
    [kz, ru, tj] = [net.focalPoint('KZ'), net.focalPoint('RU'), net.focalPoint('TJ')];
    // RU refuses personal data from anyone; KZ sends it two messages it allows and one it refuses.
    await publishPolicy(
      t,
      ruAdmin,
      policyBody('RU', 1, [{ id: 'pd', direction: 'inbound', categories: ['personal-data'], effect: 'deny' }]),
    );
    await sent(t, kz, await envelopeFor(t, kz, [ru], { text: 'one' }));
    await sent(t, kz, await envelopeFor(t, kz, [ru, tj], { text: 'two' }));
    const refused = await post(
      t,
      kz,
      await envelopeFor(t, kz, [ru], { text: 'three' }, { labels: { ...LABELS, category: 'personal-data' } }),
    );
    expect(refused.body.error?.code).to.equal('policy.denied');
    // KZ asks TJ for a document check, which TJ answers (partly, then fully: one answered case).
    const caseId = await sent(
      t,
      kz,
      await requestEnvelope(t, kz, tj, 'request:document-check', DOC_FIELDS, { urgency: 'standard' }),
    );
    for (const action of ['acknowledge', 'answer-partially', 'answer'] as const) {
      await sent(
        t,
        tj,
        await stepEnvelope(
          t,
          tj,
          kz,
          caseId,
          { action },
          {},
          { labels: action.startsWith('answer') ? { ...DOC_LABELS, handling: 'H2', evaluation: 'B2' } : DOC_LABELS },
        ),
      );
    }
  });
  after(async () => t.close());

  it("the secretariat gets the whole network's year: exchanges by effect, traffic, requests, upkeep, and an intact trail", async () => {
    const { status, body } = await review(root, `year=${year}`);
    expect(status).to.equal(200);
    expect(body).to.include({
      year,
      state: null,
      from: `${year}-01-01T00:00:00.000Z`,
      to: `${year + 1}-01-01T00:00:00.000Z`,
    });
    const exchange = (from: string, to: string) =>
      body.exchanges.find((r) => r.fromState === from && r.toState === to && r.domain === 'border');
    expect(exchange('KZ', 'RU')).to.include({ allowed: 2, denied: 1, held: 0, withConditions: 0 });
    expect(exchange('KZ', 'TJ')).to.include({ allowed: 2, denied: 0 }); // message two, and the request
    expect(exchange('TJ', 'KZ')).to.include({ allowed: 3 }); // the three steps
    expect(body.traffic.find((r) => r.state === 'KZ' && r.domain === 'border')).to.include({
      messages: 2,
      requestSteps: 1,
    });
    expect(body.traffic.find((r) => r.state === 'TJ')).to.include({ messages: 0, requestSteps: 3 });
    expect(body.requests).to.deep.equal([
      {
        requesterState: 'KZ',
        requestedState: 'TJ',
        domain: 'border',
        submitted: 1,
        answered: 1,
        declined: 0,
        overdue: 0,
      },
    ]);
    expect(body.upkeep.find((r) => r.state === 'RU')).to.include({ policyVersions: 1, accountsActivated: 2 }); // its admin and focal point
    expect(body.trail.verified).to.equal(true);
    expect(body.trail.entriesChecked).to.equal(body.trail.headSeq).and.to.be.greaterThan(20);
    expect(body.trail.headHash).to.match(/^[A-Za-z0-9_-]{43}$/);
  });

  it('a national admin gets only rows their state takes part in, whatever state they ask for', async () => {
    const { status, body } = await review(ruAdmin, `year=${year}&state=KZ`);
    expect(status).to.equal(200);
    expect(body.state).to.equal('RU');
    expect(body.exchanges.map((r) => `${r.fromState}>${r.toState}`)).to.deep.equal(['KZ>RU']);
    expect(body.requests).to.deep.equal([]);
    expect(body.upkeep.map((r) => r.state)).to.deep.equal(['RU']);
    const tjOnly = await review(root, `year=${year}&state=TJ`);
    expect(tjOnly.body.exchanges.map((r) => `${r.fromState}>${r.toState}`)).to.deep.equal(['KZ>TJ', 'TJ>KZ']);
  });

  it('another year is empty; focal points may not ask; bad input is refused', async () => {
    const last = await review(root, `year=${year - 1}`);
    expect(last.body.exchanges).to.deep.equal([]);
    expect(last.body.trail.verified).to.equal(true);
    expect((await review(kz, `year=${year}`)).status).to.equal(403);
    expect((await review(root, 'year=soon')).body.error?.code).to.equal('validation.failed');
    expect((await review(root, `year=${year}&state=kz`)).body.error?.code).to.equal('validation.failed');
  });

  it('admins asking at once share one reading of the trail, each getting their own rows', async () => {
    const repository = t.server.auditEntries;
    const all = repository.allSegments.bind(repository);
    let reads = 0;
    repository.allSegments = (...args) => {
      reads += 1;
      return all(...args);
    };
    try {
      const deps = {
        auditEntries: repository,
        audit: t.server.accounts.audit,
        clock: t.clock,
        logKeys: async () => [t.server.auditLog.key.publicKey],
      };
      const actors = await Promise.all(
        [root, ruAdmin, kzAdmin].map(async (person) => (await t.server.accounts.users.findById(person.user.id))!),
      );
      // Asked in the same moment (the first reading is still under way for the others).
      const [network, ru, kz] = await Promise.all(actors.map((actor) => implementationReview(deps, actor, { year })));
      expect(reads).to.equal(1);
      expect([network?.state, ru?.state, kz?.state]).to.deep.equal([null, 'RU', 'KZ']);
      expect(ru?.upkeep.map((r) => r.state)).to.deep.equal(['RU']);
      expect(network?.exchanges.length).to.be.greaterThan(ru?.exchanges.length ?? 0);
      await implementationReview(deps, actors[0]!, { year });
      expect(reads).to.equal(2); // a later review reads the trail again: it may have grown
    } finally {
      repository.allSegments = all;
    }
  });

  it('a changed audit entry shows: the review says from which entry the trail does not hold', async () => {
    const segments = segmentsCollection(t);
    const holding = await segments.findOne({ 'entries.seq': 5 });
    if (!holding) throw new Error('no segment holds entry 5');
    const entries = holding.entries.map((e) => (e.seq === 5 ? { ...e, data: { ...e.data, forged: true } } : e));
    await segments.updateOne({ _id: holding._id }, { $set: { entries } });
    const { body } = await review(root, `year=${year}`);
    // The log names the first entry of the segment whose root no longer holds.
    expect(body.trail).to.deep.include({
      verified: false,
      entriesChecked: holding.firstSeq - 1,
      firstBroken: {
        seq: holding.firstSeq,
        reason: `segment ${holding._id}'s root does not match its entries (an entry was changed)`,
      },
    });
  });
});
