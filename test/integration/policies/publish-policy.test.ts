import { expect } from 'chai';
import { canonicalJson } from '../../../shared/crypto/canonical-json.js';
import { signPolicy } from '../../../shared/crypto/policy-sign.js';
import { verifyPolicySignature } from '../../../shared/crypto/verify-policy-signature.js';
import type { FullPolicyView } from '../../../shared/schemas/policy-api.js';
import type { UserView } from '../../../shared/schemas/accounts.js';
import {
  activate,
  activeNationalAdmin,
  clientKeyMaterial,
  reauthFor,
  signIn,
  type TestPerson,
} from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { startNetwork } from '../../helpers/network.js';
import { policyBody, publishPolicy, submitPolicy } from '../../helpers/policies.js';
import type { TestServer } from '../../helpers/test-server.js';

const RULES = [
  {
    id: 'no-pd-out',
    direction: 'outbound' as const,
    categories: ['personal-data' as const],
    effect: 'deny' as const,
    published: true,
  },
  {
    id: 'hold-confidential',
    direction: 'outbound' as const,
    classifications: ['confidential' as const],
    effect: 'approve' as const,
  },
];

describe('publishing signed policy versions', function () {
  this.timeout(60_000);
  let t: TestServer;
  let root: TestPerson;
  let kz: TestPerson;
  let ru: TestPerson;
  let fpKz: TestPerson;
  before(async () => {
    const net = await startNetwork({ states: { KZ: { focalPoints: { border: 1 } }, RU: {} } });
    ({ t, root } = net);
    [kz, ru] = [net.admin('KZ'), net.admin('RU')];
    fpKz = net.focalPoint('KZ');
  });
  after(async () => t.close());

  const versions = () => t.server.database.connection.collection('policy_versions');
  const stored = async (state: string): Promise<number[]> =>
    (await versions().find({ state }).toArray()).map((doc) => Number(doc.version)).sort();
  const auditOf = async (type: string) =>
    (await t.server.auditEntries.list({ limit: 1000 })).filter((entry) => entry.type === type);

  it("a national admin publishes versions 1 and 2 of their state's policy; every version is kept with signer, time and signature", async () => {
    const v1 = await publishPolicy(t, kz, policyBody('KZ', 1, RULES));
    expect(v1.scope).to.equal('full');
    expect(v1.policy).to.deep.include({ state: 'KZ', version: 1 });
    expect(v1.signedBy).to.deep.equal({ userId: kz.user.id, identityKey: kz.bundle.identityKey, keyVersion: 1 });
    // Anyone shown the full policy can re-check the signature with the signer's key.
    expect(await verifyPolicySignature(v1.policy, v1.signature, v1.signedBy.identityKey)).to.equal(true);

    const v2 = await publishPolicy(t, kz, policyBody('KZ', 2, RULES.slice(0, 1), 'deny'));
    expect(v2.policy.version).to.equal(2);
    expect(await stored('KZ')).to.deep.equal([1, 2]);
    const doc = await versions().findOne({ state: 'KZ', version: 1 });
    expect(doc).to.include({
      signature: v1.signature,
      signerIdentityKey: kz.bundle.identityKey,
      ruleCount: 2,
      publishedRuleCount: 1,
    });
    expect(String(doc?.signedBy)).to.equal(kz.user.id);

    const published = await auditOf('policy.published');
    expect(published.map((e) => e.data.version)).to.deep.equal([1, 2]);
    expect(published[0]).to.deep.include({ actorId: kz.user.id, state: 'KZ', subjectId: 'KZ:1' });
    expect(published[0]?.data).to.deep.equal({
      version: 1,
      ruleCount: 2,
      publishedRuleCount: 1,
      defaultEffect: 'allow',
      keyVersion: 1,
    });
    // Metadata only: no rule ids, no legal texts.
    expect(JSON.stringify(published)).not.to.match(/no-pd-out|Law on/);
  });

  it('refuses forged, foreign, unsigned and out-of-sequence versions with clear codes, storing nothing', async () => {
    const before = await stored('KZ');
    const next = policyBody('KZ', before.length + 1, RULES);
    const other = await clientKeyMaterial('someone-else');

    const cases: Array<[string, () => Promise<{ status: number; body: unknown }>, number, string]> = [
      [
        'body changed after signing',
        async () => {
          const good = await signPolicy(next, kz.keys.identity.privateKey);
          return call(t.url, 'POST', '/api/policies/KZ/versions', {
            token: kz.session?.accessToken,
            body: { ...good, policy: { ...good.policy, defaultEffect: 'deny' } },
          });
        },
        400,
        'policy.signature-invalid',
      ],
      [
        "signed by a key that is not the signer's",
        () => submitPolicy(t, kz, next, { signWith: other.keys.identity.privateKey }),
        400,
        'policy.signature-invalid',
      ],
      ['signed by an admin of another state', () => submitPolicy(t, ru, next), 403, 'auth.forbidden'],
      ['signed by a focal point of the state', () => submitPolicy(t, fpKz, next), 403, 'auth.forbidden'],
      ['signed by the network admin', () => submitPolicy(t, root, next), 403, 'auth.forbidden'],
      [
        'unsigned',
        () =>
          call(t.url, 'POST', '/api/policies/KZ/versions', { token: kz.session?.accessToken, body: { policy: next } }),
        400,
        'validation.failed',
      ],
      [
        'a gap in versions',
        async () => submitPolicy(t, kz, policyBody('KZ', (await stored('KZ')).length + 2, RULES)),
        409,
        'policy.version-conflict',
      ],
      [
        'a replay of version 1',
        async () => {
          const v1 = (
            await call<FullPolicyView>(t.url, 'GET', '/api/policies/KZ/versions/1', { token: kz.session?.accessToken })
          ).body;
          return call(t.url, 'POST', '/api/policies/KZ/versions', {
            token: kz.session?.accessToken,
            body: { policy: v1.policy, signature: v1.signature },
          });
        },
        409,
        'policy.version-conflict',
      ],
      [
        'the current version again',
        async () => submitPolicy(t, kz, policyBody('KZ', (await stored('KZ')).length, RULES)),
        409,
        'policy.version-conflict',
      ],
      [
        "a policy for another state under this state's path",
        () => submitPolicy(t, kz, policyBody('RU', 1, RULES), { path: '/api/policies/KZ/versions' }),
        400,
        'validation.failed',
      ],
      [
        'an invalid policy',
        () =>
          call(t.url, 'POST', '/api/policies/KZ/versions', {
            token: kz.session?.accessToken,
            body: {
              policy: {
                ...next,
                rules: [{ id: 'x', direction: 'outbound', effect: 'conditions', legalBasis: { en: 'x' } }],
              },
              signature: 'A'.repeat(86),
            },
          }),
        400,
        'validation.failed',
      ],
      ['not a member state', () => submitPolicy(t, kz, policyBody('XX', 1, RULES)), 400, 'state.unknown'],
    ];
    for (const [name, attempt, status, code] of cases) {
      const response = await attempt();
      expect(response.status, name).to.equal(status);
      expect(response.body, name).to.have.nested.property('error.code', code);
    }
    expect(await stored('KZ'), 'nothing stored').to.deep.equal(before);
    expect(await stored('RU')).to.deep.equal([]);
    const current = await call<FullPolicyView>(t.url, 'GET', '/api/policies/KZ', { token: kz.session?.accessToken });
    expect(current.body.policy.version).to.equal(before.length);

    const rejected = await auditOf('policy.signature-rejected');
    expect(rejected.length).to.be.at.least(2);
    expect(rejected.every((entry) => entry.actorId === kz.user.id && entry.state === 'KZ')).to.equal(true);
  });

  it("a signature by the admin's previous key is refused once they rotated keys and were verified again", async () => {
    const admin = await activeNationalAdmin(t, root, 'CN');
    const oldKeys = admin.keys;
    const material = await clientKeyMaterial(admin.username);
    const rotated = await call<UserView>(t.url, 'POST', '/api/me/keys', {
      token: admin.session?.accessToken,
      body: {
        keys: material.bundle,
        wrappedKeys: material.wrappedKeys,
        reauth: await reauthFor(t, admin.session?.accessToken, admin),
      },
    });
    expect(rotated.status).to.equal(200);
    Object.assign(admin, { keys: material.keys, bundle: material.bundle, user: rotated.body });
    await signIn(t, admin);
    // Pending verification of the new key: no policy writing at all.
    expect((await submitPolicy(t, admin, policyBody('CN', 1, RULES))).status).to.equal(403);
    await activate(t, root, admin);
    await signIn(t, admin);

    const withOldKey = await submitPolicy(t, admin, policyBody('CN', 1, RULES), {
      signWith: oldKeys.identity.privateKey,
    });
    expect(withOldKey.status).to.equal(400);
    expect(withOldKey.body).to.have.nested.property('error.code', 'policy.signature-invalid');
    const withNewKey = await publishPolicy(t, admin, policyBody('CN', 1, RULES));
    expect(withNewKey.signedBy).to.include({ keyVersion: 2, identityKey: material.bundle.identityKey });
  });

  it('of two admins publishing the same version at once, exactly one wins', async () => {
    const kz2 = await activeNationalAdmin(t, root, 'KZ');
    const next = (await stored('KZ')).length + 1;
    const results = await Promise.all([
      submitPolicy(t, kz, policyBody('KZ', next, RULES)),
      submitPolicy(t, kz2, policyBody('KZ', next, RULES.slice(1))),
    ]);
    expect(results.map((r) => r.status).sort()).to.deep.equal([201, 409]);
    expect(await stored('KZ')).to.have.length(next);
    const current = await call<FullPolicyView>(t.url, 'GET', '/api/policies/KZ', { token: kz.session?.accessToken });
    const winner = results.find((r) => r.status === 201)?.body;
    expect(current.body.signature).to.equal(winner?.signature);
  });

  it('a publish interrupted between storing and putting in force is finished by the next attempt', async () => {
    const next = (await stored('KZ')).length + 1;
    const orphan = await signPolicy(policyBody('KZ', next, RULES.slice(0, 1)), kz.keys.identity.privateKey);
    // What a crash between the two inserts leaves behind: the version is stored, not in force.
    await t.server.policies.policies.insertVersion({
      state: 'KZ',
      version: next,
      bodyJson: canonicalJson(orphan.policy),
      defaultEffect: 'allow',
      ruleCount: 1,
      publishedRuleCount: 1,
      signature: orphan.signature,
      signedBy: kz.user.id,
      signerIdentityKey: kz.bundle.identityKey,
      signerKeyVersion: 1,
      createdAt: t.clock.now(),
    });
    const current = async () =>
      (await call<FullPolicyView>(t.url, 'GET', '/api/policies/KZ', { token: kz.session?.accessToken })).body.policy
        .version;
    expect(await current()).to.equal(next - 1);
    const retry = await submitPolicy(t, kz, policyBody('KZ', next, RULES));
    expect(retry.status).to.equal(409);
    expect(await current()).to.equal(next);
    await publishPolicy(t, kz, policyBody('KZ', next + 1, RULES));
  });
});
