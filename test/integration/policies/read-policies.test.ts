import { expect } from 'chai';
import { verifyPolicySignature } from '../../../shared/crypto/verify-policy-signature.js';
import type {
  CurrentPolicyView,
  FullPolicyView,
  PolicyDiffView,
  PolicyVersionSummary,
  PublishedPolicyView,
} from '../../../shared/schemas/policy-api.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { startNetwork } from '../../helpers/network.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import type { TestServer } from '../../helpers/test-server.js';

describe('reading policies: own state in full, other states their published rules', function () {
  this.timeout(60_000);
  let t: TestServer;
  let root: TestPerson;
  let kz: TestPerson;
  let ru: TestPerson;
  let fpKz: TestPerson;
  let fpRu: TestPerson;
  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 1 } } },
    });
    ({ t, root } = net);
    [kz, ru] = [net.admin('KZ'), net.admin('RU')];
    [fpKz, fpRu] = [net.focalPoint('KZ'), net.focalPoint('RU')];
    await publishPolicy(
      t,
      kz,
      policyBody('KZ', 1, [
        { id: 'no-pd-out', direction: 'outbound', categories: ['personal-data'], effect: 'deny', published: true },
        {
          id: 'secret-watchlist',
          direction: 'outbound',
          counterparts: ['RU'],
          effect: 'approve',
          legalBasis: { en: 'Classified decree 7' },
        },
        {
          id: 'fin-in',
          direction: 'inbound',
          domains: ['economic-crime'],
          effect: 'conditions',
          conditions: { retentionDays: 90 },
        },
      ]),
    );
    await publishPolicy(
      t,
      kz,
      policyBody(
        'KZ',
        2,
        [
          {
            id: 'no-pd-out',
            direction: 'outbound',
            categories: ['personal-data', 'criminal-intelligence'],
            effect: 'deny',
            published: true,
          },
          {
            id: 'secret-watchlist',
            direction: 'outbound',
            counterparts: ['RU'],
            effect: 'approve',
            legalBasis: { en: 'Classified decree 7' },
          },
          { id: 'wmd', direction: 'outbound', categories: ['arms-wmd'], effect: 'approve', published: true },
        ],
        'approve',
      ),
    );
    await publishPolicy(
      t,
      ru,
      policyBody('RU', 1, [
        { id: 'in-conf', direction: 'inbound', classifications: ['confidential'], effect: 'deny', published: true },
      ]),
    );
  });
  after(async () => t.close());

  const get = <T>(who: TestPerson | undefined, path: string) =>
    call<T>(t.url, 'GET', path, { token: who?.session?.accessToken });

  it("the state's own admins and focal points read the policy in force in full, with a signature they can check", async () => {
    for (const who of [kz, fpKz]) {
      const response = await get<CurrentPolicyView>(who, '/api/policies/KZ');
      expect(response.status).to.equal(200);
      const view = response.body as FullPolicyView;
      expect(view.scope).to.equal('full');
      expect(view.policy.version).to.equal(2);
      expect(view.policy.rules.map((r) => r.id)).to.deep.equal(['no-pd-out', 'secret-watchlist', 'wmd']);
      expect(await verifyPolicySignature(view.policy, view.signature, view.signedBy.identityKey)).to.equal(true);
    }
  });

  it('other states and the secretariat see only the published rules — not the others, nor how many there are', async () => {
    for (const who of [ru, fpRu, root]) {
      const response = await get<CurrentPolicyView>(who, '/api/policies/KZ');
      expect(response.status).to.equal(200);
      expect(response.body).to.deep.include({ scope: 'published', state: 'KZ', version: 2, defaultEffect: 'approve' });
      const view = response.body as PublishedPolicyView;
      expect(view.rules.map((r) => r.id)).to.deep.equal(['no-pd-out', 'wmd']);
      expect(JSON.stringify(response.body)).not.to.match(/secret-watchlist|Classified decree|signature|ruleCount/);
    }
  });

  it("everyone signed in reads every state's published rules at once", async () => {
    const response = await get<PublishedPolicyView[]>(fpRu, '/api/policies');
    expect(response.status).to.equal(200);
    expect(response.body.map((p) => [p.state, p.version, p.rules.map((r) => r.id)])).to.deep.equal([
      ['KZ', 2, ['no-pd-out', 'wmd']],
      ['RU', 1, ['in-conf']],
    ]);
    expect(JSON.stringify(response.body)).not.to.contain('secret-watchlist');
  });

  it("version history, one version and diffs are for the state's national admins only", async () => {
    const list = await get<PolicyVersionSummary[]>(kz, '/api/policies/KZ/versions');
    expect(list.status).to.equal(200);
    expect(
      list.body.map((v) => [v.version, v.ruleCount, v.publishedRuleCount, v.defaultEffect, v.current]),
    ).to.deep.equal([
      [1, 3, 1, 'allow', false],
      [2, 3, 2, 'approve', true],
    ]);
    expect(list.body[0]?.signedBy.userId).to.equal(kz.user.id);

    const v1 = await get<FullPolicyView>(kz, '/api/policies/KZ/versions/1');
    expect(v1.status).to.equal(200);
    expect(v1.body.policy.rules.map((r) => r.id)).to.deep.equal(['no-pd-out', 'secret-watchlist', 'fin-in']);
    expect(await verifyPolicySignature(v1.body.policy, v1.body.signature, v1.body.signedBy.identityKey)).to.equal(true);

    const diff = await get<PolicyDiffView>(kz, '/api/policies/KZ/diff?from=1&to=2');
    expect(diff.status).to.equal(200);
    expect(diff.body.added.map((r) => r.id)).to.deep.equal(['wmd']);
    expect(diff.body.removed.map((r) => r.id)).to.deep.equal(['fin-in']);
    expect(diff.body.changed.map((c) => [c.id, c.before.categories, c.after.categories])).to.deep.equal([
      ['no-pd-out', ['personal-data'], ['personal-data', 'criminal-intelligence']],
    ]);
    expect(diff.body.defaultEffectChanged).to.deep.equal({ before: 'allow', after: 'approve' });

    for (const who of [ru, fpKz, root]) {
      for (const path of [
        '/api/policies/KZ/versions',
        '/api/policies/KZ/versions/1',
        '/api/policies/KZ/diff?from=1&to=2',
      ]) {
        expect((await get(who, path)).status, `${who.username} ${path}`).to.equal(403);
      }
    }
  });

  it('answers unknown states, missing policies and missing versions with codes', async () => {
    const cases: Array<[string, number, string]> = [
      ['/api/policies/XX', 400, 'state.unknown'],
      ['/api/policies/kz', 400, 'validation.failed'],
      ['/api/policies/CN', 404, 'policy.not-found'],
      ['/api/policies/KZ/versions/3', 404, 'policy.not-found'],
      ['/api/policies/KZ/versions/0', 400, 'validation.failed'],
      ['/api/policies/KZ/diff?from=1&to=9', 404, 'policy.not-found'],
      ['/api/policies/KZ/diff?from=1', 400, 'validation.failed'],
    ];
    for (const [path, status, code] of cases) {
      const response = await get(kz, path);
      expect(response.status, path).to.equal(status);
      expect(response.body, path).to.have.nested.property('error.code', code);
    }
  });

  it("a stored version edited behind the server's back is refused, not used (fail closed)", async () => {
    const versions = t.server.database.connection.collection<{ _id: string; bodyJson: string }>('policy_versions');
    const doc = await versions.findOne({ _id: 'KZ:1' });
    if (!doc) throw new Error('KZ:1 not stored');
    await versions.updateOne(
      { _id: 'KZ:1' },
      { $set: { bodyJson: doc.bodyJson.replace('"effect":"deny"', '"effect":"allow"') } },
    );
    const response = await get(kz, '/api/policies/KZ/versions/1');
    expect(response.status).to.equal(500);
    expect(response.body).to.have.nested.property('error.code', 'internal');
    expect(t.logs.text()).to.contain('does not match its signature');
    await versions.updateOne({ _id: 'KZ:1' }, { $set: { bodyJson: doc.bodyJson } });
    expect((await get(kz, '/api/policies/KZ/versions/1')).status).to.equal(200);
  });
});
