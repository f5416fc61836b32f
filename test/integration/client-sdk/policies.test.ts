import { expect } from 'chai';
import { ZodError } from 'zod';
import { signPolicy } from '../../../shared/crypto/policy-sign.js';
import { verifyPolicySignature } from '../../../shared/crypto/verify-policy-signature.js';
import type { Labels } from '../../../shared/schemas/labels.js';
import { createPolicyEnforcement, type PolicyEnforcement } from '../../../server/modules/policies/enforce-policy.js';
import { ApiError, type FocalNetClient } from '../../../client/sdk/index.js';
import { clientKeyMaterial, type TestPerson } from '../../helpers/accounts.js';
import { startNetwork } from '../../helpers/network.js';
import { policyBody } from '../../helpers/policies.js';
import { sdkAs } from '../../helpers/sdk-as-person.js';
import type { TestServer } from '../../helpers/test-server.js';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a failure'),
    (e: unknown) => e,
  );
}
async function apiFailure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await failure(promise);
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

const NO_PD = {
  id: 'no-pd',
  direction: 'outbound' as const,
  categories: ['personal-data' as const],
  counterparts: ['CN'],
  effect: 'deny' as const,
  published: true,
};
const SECRET = {
  id: 'secret-hold',
  direction: 'outbound' as const,
  classifications: ['confidential' as const],
  effect: 'approve' as const,
};

describe('client SDK: disclosure policies and approvals', function () {
  this.timeout(60_000);
  let t: TestServer;
  let kz: TestPerson;
  let fpKzPerson: TestPerson;
  let admin: FocalNetClient;
  let fpKz: FocalNetClient;
  let ru: FocalNetClient;
  let secretariat: FocalNetClient;
  before(async () => {
    const net = await startNetwork({ states: { KZ: { focalPoints: { border: 1 } }, RU: {} } });
    ({ t } = net);
    const { root } = net;
    [kz, fpKzPerson] = [net.admin('KZ'), net.focalPoint('KZ')];
    const ruAdmin = net.admin('RU');
    // One at a time: each TOTP code is for the next step of the server's clock.
    admin = await sdkAs(t, kz);
    fpKz = await sdkAs(t, fpKzPerson);
    ru = await sdkAs(t, ruAdmin);
    secretariat = await sdkAs(t, root);
  });
  after(async () => t.close());

  it('signs with the unlocked identity key and publishes; readers get full or published views, parsed', async () => {
    expect((await apiFailure(admin.policies.current('KZ'))).code).to.equal('policy.not-found');
    const v1 = await admin.policies.signAndPublish(policyBody('KZ', 1, [NO_PD, SECRET]));
    expect(v1.policy.version).to.equal(1);
    expect(await verifyPolicySignature(v1.policy, v1.signature, v1.signedBy.identityKey)).to.equal(true);
    expect(v1.signedBy.userId).to.equal(kz.user.id);

    const own = await fpKz.policies.current('KZ');
    expect(own.scope).to.equal('full');
    const other = await ru.policies.current('KZ');
    expect(other).to.deep.include({ scope: 'published', state: 'KZ', version: 1 });
    expect(other.scope === 'published' && other.rules.map((r) => r.id)).to.deep.equal(['no-pd']);
    const all = await secretariat.policies.listPublished();
    expect(all.map((p) => [p.state, p.rules.map((r) => r.id)])).to.deep.equal([['KZ', ['no-pd']]]);
  });

  it("history, one version and the diff between two, for the state's national admins", async () => {
    await admin.policies.signAndPublish(policyBody('KZ', 2, [{ ...NO_PD, counterparts: ['CN', 'UZ'] }], 'approve'));
    const versions = await admin.policies.versions('KZ');
    expect(
      versions.map((v) => [v.version, v.current, v.ruleCount, v.publishedRuleCount, v.signedBy.userId]),
    ).to.deep.equal([
      [1, false, 2, 1, kz.user.id],
      [2, true, 1, 1, kz.user.id],
    ]);
    expect((await admin.policies.version('KZ', 1)).policy.rules.map((r) => r.id)).to.deep.equal([
      'no-pd',
      'secret-hold',
    ]);
    const diff = await admin.policies.diff('KZ', 1, 2);
    expect(diff.removed.map((r) => r.id)).to.deep.equal(['secret-hold']);
    expect(diff.changed.map((c) => [c.id, c.after.counterparts])).to.deep.equal([['no-pd', ['CN', 'UZ']]]);
    expect(diff.defaultEffectChanged).to.deep.equal({ before: 'allow', after: 'approve' });
    for (const reader of [fpKz, ru]) expect((await apiFailure(reader.policies.versions('KZ'))).status).to.equal(403);
  });

  it('typed failures: version conflict, foreign signature, invalid body (nothing sent), locked keys, not an admin', async () => {
    const conflict = await apiFailure(admin.policies.signAndPublish(policyBody('KZ', 2, [NO_PD])));
    expect(conflict).to.include({ status: 409, code: 'policy.version-conflict' });
    expect(conflict.message).to.contain('sign version 3');

    const stranger = await clientKeyMaterial('stranger');
    const forged = await signPolicy(policyBody('KZ', 3, [NO_PD]), stranger.keys.identity.privateKey);
    expect(await apiFailure(admin.policies.publish(forged))).to.include({
      status: 400,
      code: 'policy.signature-invalid',
    });

    const invalid = await failure(
      admin.policies.signAndPublish(policyBody('KZ', 3, [{ id: 'x', direction: 'outbound', effect: 'conditions' }])),
    );
    expect(invalid).to.be.instanceOf(ZodError);

    expect(await apiFailure(fpKz.policies.signAndPublish(policyBody('KZ', 3, [NO_PD])))).to.include({
      status: 403,
      code: 'auth.forbidden',
    });
    admin.keyStore.clear();
    expect(await apiFailure(admin.policies.signAndPublish(policyBody('KZ', 3, [NO_PD])))).to.include({
      code: 'auth.unauthenticated',
    });
    await admin.unlockKeys({ password: kz.password });
    expect(
      (await admin.policies.current('KZ')).scope === 'full' && (await admin.policies.versions('KZ')).length,
    ).to.equal(2);
  });

  describe('approvals', () => {
    const CONFIDENTIAL: Labels = {
      domain: 'law-enforcement',
      category: 'criminal-intelligence',
      classification: 'confidential',
      handling: 'H2',
    };
    let enforcement: PolicyEnforcement;
    let n = 0;
    before(async () => {
      await admin.policies.signAndPublish(policyBody('KZ', 3, [NO_PD, SECRET]));
      enforcement = createPolicyEnforcement(t.server.policies);
    });
    const hold = async () => {
      const decision = await enforcement.decideExchange({
        labels: CONFIDENTIAL,
        kind: 'message',
        fromState: 'KZ',
        toStates: ['RU'],
        at: t.clock.now(),
      });
      n += 1;
      return enforcement.holdForApproval({
        exchangeRef: `sdk-${n}`,
        fromUserId: fpKzPerson.user.id,
        fromState: 'KZ',
        toStates: ['RU'],
        labels: CONFIDENTIAL,
        kind: 'message',
        decision,
      });
    };

    it('lists pending exchanges, approves with a comment, rejects with a reason; history by status', async () => {
      const first = await hold();
      const second = await hold();
      const pending = await admin.approvals.list();
      expect(pending.map((a) => [a.id, a.status, a.holds.map((h) => h.ruleId)])).to.deep.equal([
        [first.id, 'pending', ['secret-hold']],
        [second.id, 'pending', ['secret-hold']],
      ]);

      const approved = await admin.approvals.approve(first.id, 'checked with the ministry');
      expect(approved).to.deep.include({
        status: 'approved',
        comment: 'checked with the ministry',
        decidedBy: kz.user.id,
      });
      const rejected = await admin.approvals.reject(second.id, 'subject under investigation');
      expect(rejected).to.deep.include({ status: 'rejected', comment: 'subject under investigation' });

      expect(await admin.approvals.list('pending')).to.deep.equal([]);
      expect((await admin.approvals.list('approved')).map((a) => a.id)).to.deep.equal([first.id]);
      expect((await admin.approvals.list('rejected')).map((a) => a.id)).to.deep.equal([second.id]);
    });

    it("typed failures: a rejection without a reason, a second decision, someone else's queue", async () => {
      const held = await hold();
      expect(await apiFailure(admin.approvals.reject(held.id, '  '))).to.include({
        status: 400,
        code: 'validation.failed',
      });
      await admin.approvals.approve(held.id);
      expect(await apiFailure(admin.approvals.approve(held.id))).to.include({
        status: 409,
        code: 'approval.not-pending',
      });
      expect(await apiFailure(ru.approvals.approve(held.id))).to.include({ status: 404, code: 'approval.not-found' });
      expect(await apiFailure(fpKz.approvals.list())).to.include({ status: 403, code: 'auth.forbidden' });
    });
  });
});
