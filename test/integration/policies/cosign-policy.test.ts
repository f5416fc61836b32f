import { expect } from 'chai';
import type { AlertChannelFactory } from '../../../server/composition/alerts.js';
import type { Alert } from '../../../shared/schemas/alerts.js';
import { signPolicy } from '../../../shared/crypto/policy-sign.js';
import { verifyPolicySignature } from '../../../shared/crypto/verify-policy-signature.js';
import type { FullPolicyView, PolicyVersionSummary } from '../../../shared/schemas/policy-api.js';
import type { PolicySigningView } from '../../../shared/schemas/policy-cosign.js';
import type { PolicyBody } from '../../../shared/schemas/policy.js';
import { decideExchange } from '../../../server/modules/policies/enforce-policy.js';
import { sweepCosignatures } from '../../../server/modules/policies/sweep-cosignatures.js';
import { clientKeyMaterial, signIn, type TestPerson } from '../../helpers/accounts.js';
import { call, type ApiResult } from '../../helpers/api.js';
import { startNetwork } from '../../helpers/network.js';
import { policyBody, publishPolicy, submitPolicy } from '../../helpers/policies.js';
import type { TestServer } from '../../helpers/test-server.js';

const DAY_MS = 86_400_000;
const NO_PD_TO_RU = {
  id: 'kz-no-pd-to-ru',
  direction: 'outbound' as const,
  categories: ['personal-data' as const],
  counterparts: ['RU'],
  effect: 'deny' as const,
};

describe('policy versions that need two signatures', function () {
  this.timeout(120_000);
  let t: TestServer;
  let root: TestPerson;
  let [a, b, c, ru, fp]: TestPerson[] = [];
  const alerts: Array<{ alert: Alert; userIds: string[] }> = [];
  const recording: AlertChannelFactory = () => ({
    name: 'recording',
    accept: async (alert, audience) => void alerts.push({ alert, userIds: audience.userIds }),
    drain: async () => ({ sent: 0, retried: 0, failed: 0 }),
  });
  before(async () => {
    const net = await startNetwork({
      states: { KZ: { admins: 3, focalPoints: { border: 1 } }, RU: {} },
      server: { alertChannels: [recording] },
    });
    ({ t, root } = net);
    [a, b, c] = [net.admin('KZ', 0), net.admin('KZ', 1), net.admin('KZ', 2)];
    ru = net.admin('RU');
    fp = net.focalPoint('KZ');
    await publishPolicy(t, a!, policyBody('KZ', 1, [NO_PD_TO_RU]));
  });
  after(async () => t.close());

  const as = (person: TestPerson) => ({ token: person.session?.accessToken });
  const setSigning = (person: TestPerson, twoSignatures: boolean): Promise<ApiResult<PolicySigningView>> =>
    call(t.url, 'PUT', '/api/policies/KZ/signing', { ...as(person), body: { twoSignatures } });
  const awaiting = (person: TestPerson): Promise<ApiResult<FullPolicyView[]>> =>
    call(t.url, 'GET', '/api/policies/KZ/awaiting', as(person));
  const cosign = async (
    person: TestPerson,
    body: PolicyBody,
    signWith = person.keys.identity.privateKey,
  ): Promise<ApiResult<FullPolicyView>> => {
    const { signature } = await signPolicy(body, signWith);
    return call(t.url, 'POST', `/api/policies/KZ/versions/${body.version}/cosignature`, {
      ...as(person),
      body: { signature },
    });
  };
  const auditOf = async (type: string) =>
    (await t.server.auditEntries.list({ limit: 10_000 })).filter((entry) => entry.type === type);
  /** What KZ's policy in force decides for personal data to RU. */
  const personalDataToRu = async (): Promise<{ effect: string; version: number | undefined }> => {
    const decision = await decideExchange(t.server.policies, {
      labels: { domain: 'border', category: 'personal-data', classification: 'restricted', handling: 'H1' },
      kind: 'message',
      fromState: 'KZ',
      toStates: ['RU'],
      at: t.clock.now(),
      actorId: a!.user.id,
    });
    return { effect: decision.effect, version: decision.perRecipient[0]?.policyVersions.KZ };
  };

  it('one national admin turns the requirement on; only the state’s national admins see or change it', async () => {
    const before = await call<PolicySigningView>(t.url, 'GET', '/api/policies/KZ/signing', as(b!));
    expect(before.body).to.deep.include({ state: 'KZ', twoSignatures: false, changedBy: null, releaseRequest: null });

    const on = await setSigning(a!, true);
    expect(on.status).to.equal(200);
    expect(on.body).to.deep.include({ twoSignatures: true, changedBy: a!.user.id, confirmedBy: null });
    const [entry] = await auditOf('policy.two-signatures-required');
    expect(entry).to.deep.include({ actorId: a!.user.id, state: 'KZ' });

    for (const outsider of [ru!, fp!, root]) {
      expect((await setSigning(outsider, false)).status).to.equal(403);
      expect((await call(t.url, 'GET', '/api/policies/KZ/signing', as(outsider))).status).to.equal(403);
    }
  });

  it('one admin alone cannot put a version in force: it waits, visible to the state’s admins only; enforcement keeps the old version', async () => {
    const v2 = policyBody('KZ', 2, []);
    const published = await submitPolicy(t, a!, v2);
    expect(published.status).to.equal(201);
    expect(published.body.awaitingCosignature?.expiresAt).to.equal(
      new Date(new Date(published.body.createdAt).getTime() + 7 * DAY_MS).toISOString(),
    );
    expect(published.body.cosignature).to.equal(undefined);

    expect(await personalDataToRu()).to.deep.equal({ effect: 'deny', version: 1 });
    const current = await call<FullPolicyView>(t.url, 'GET', '/api/policies/KZ', as(b!));
    expect(current.body.policy.version).to.equal(1);
    const history = await call<PolicyVersionSummary[]>(t.url, 'GET', '/api/policies/KZ/versions', as(b!));
    expect(history.body.map((v) => v.version)).to.deep.equal([1]);

    const seen = await awaiting(b!);
    expect(seen.status).to.equal(200);
    expect(seen.body).to.have.length(1);
    expect(seen.body[0]).to.deep.include({ signature: published.body.signature });
    expect(seen.body[0]?.signedBy.userId).to.equal(a!.user.id);
    expect(seen.body[0]?.policy).to.deep.equal(v2);
    for (const outsider of [ru!, fp!, root]) expect((await awaiting(outsider)).status).to.equal(403);

    const [entry] = await auditOf('policy.awaiting-cosignature');
    expect(entry).to.deep.include({ actorId: a!.user.id, state: 'KZ', subjectId: 'KZ:2' });
    expect(entry?.data).to.deep.include({ version: 2, ruleCount: 0 });
    expect(await auditOf('policy.published')).to.have.length(1);

    // KZ's other national admins are told (by e-mail and webhooks, as they chose), nobody else.
    const told = alerts.filter(({ alert }) => alert.kind === 'policy.awaiting-cosignature');
    expect(told).to.have.length(1);
    expect(told[0]?.alert).to.deep.include({ state: 'KZ', deadline: published.body.awaitingCosignature?.expiresAt });
    expect(told[0]?.alert.refs).to.deep.equal({ policyVersion: 2 });
    expect(told[0]?.userIds).to.include.members([b!.user.id, c!.user.id]);
    expect(told[0]?.userIds).not.to.include(ru!.user.id);
  });

  it('refuses the first signer twice, outsiders and forged co-signatures, and nothing goes in force', async () => {
    const v2 = policyBody('KZ', 2, []);
    const same = await cosign(a!, v2);
    expect(same.status).to.equal(409);
    expect(same.body).to.have.nested.property('error.code', 'policy.same-signer');

    const stranger = await clientKeyMaterial('not-b');
    const forged = await cosign(b!, v2, stranger.keys.identity.privateKey);
    expect(forged.status).to.equal(400);
    expect(forged.body).to.have.nested.property('error.code', 'policy.signature-invalid');
    // B's real key over a body that is not the waiting one (a rule slipped in).
    const other = await cosign(b!, policyBody('KZ', 2, [NO_PD_TO_RU], 'deny'));
    expect(other.status).to.equal(400);
    expect((await auditOf('policy.signature-rejected')).length).to.be.at.least(2);

    expect((await cosign(ru!, { ...v2 })).status).to.equal(403);
    expect((await cosign(fp!, v2)).status).to.equal(403);
    expect((await cosign(root, v2)).status).to.equal(403);
    expect(await personalDataToRu()).to.deep.equal({ effect: 'deny', version: 1 });
    expect(await t.server.database.connection.collection('policy_versions').countDocuments({ state: 'KZ' })).to.equal(
      1,
    );
  });

  it('a second, different admin co-signs: the version is in force with both signatures and enforcement uses it', async () => {
    const v2 = policyBody('KZ', 2, []);
    const done = await cosign(b!, v2);
    expect(done.status).to.equal(201);
    expect(done.body.awaitingCosignature).to.equal(undefined);
    expect(done.body.signedBy.userId).to.equal(a!.user.id);
    expect(done.body.cosignature?.signedBy).to.deep.equal({
      userId: b!.user.id,
      identityKey: b!.bundle.identityKey,
      keyVersion: 1,
    });
    expect(
      await verifyPolicySignature(done.body.policy, done.body.cosignature!.signature, b!.bundle.identityKey),
    ).to.equal(true);

    expect(await personalDataToRu()).to.deep.equal({ effect: 'allow', version: 2 });
    const shown = await call<FullPolicyView>(t.url, 'GET', '/api/policies/KZ/versions/2', as(c!));
    expect(shown.body.cosignature?.signedBy.userId).to.equal(b!.user.id);
    expect(shown.body.signedBy.userId).to.equal(a!.user.id);
    const history = await call<PolicyVersionSummary[]>(t.url, 'GET', '/api/policies/KZ/versions', as(c!));
    expect(history.body.at(-1)).to.deep.include({ version: 2, current: true });
    expect(history.body.at(-1)?.cosignedBy?.userId).to.equal(b!.user.id);
    expect((await awaiting(c!)).body).to.deep.equal([]);

    const [entry] = await auditOf('policy.cosigned');
    expect(entry).to.deep.include({ actorId: b!.user.id, state: 'KZ', subjectId: 'KZ:2' });
    expect(entry?.data).to.deep.include({ version: 2, signedBy: a!.user.id, cosignedBy: b!.user.id });

    // A third admin's signature comes too late.
    const late = await cosign(c!, v2);
    expect(late.status).to.equal(409);
    expect(late.body).to.have.nested.property('error.code', 'policy.version-conflict');
  });

  it('a newer publication supersedes a waiting version; a version not co-signed in time expires (audited once)', async () => {
    const first = policyBody('KZ', 3, [NO_PD_TO_RU]);
    const newer = policyBody('KZ', 3, [NO_PD_TO_RU], 'approve');
    expect((await submitPolicy(t, a!, first)).status).to.equal(201);
    expect((await submitPolicy(t, c!, newer)).status).to.equal(201);
    const waiting = await awaiting(b!);
    expect(waiting.body.map((view) => view.policy.defaultEffect)).to.deep.equal(['approve']);

    const stale = await cosign(b!, first);
    expect(stale.status).to.equal(409);
    expect(stale.body).to.have.nested.property('error.code', 'policy.superseded');
    expect(stale.body)
      .to.have.nested.property('error.message')
      .that.matches(/superseded by a newer publication/);

    t.clock.advance(7 * DAY_MS + 60_000);
    for (const person of [a!, b!, c!]) await signIn(t, person);
    const expired = await cosign(b!, newer);
    expect(expired.status).to.equal(410);
    expect(expired.body).to.have.nested.property('error.code', 'policy.cosignature-expired');
    expect((await cosign(b!, newer)).status).to.equal(410);
    expect((await awaiting(a!)).body).to.deep.equal([]);
    const expiries = await auditOf('policy.cosignature-expired');
    expect(expiries).to.have.length(1);
    expect(expiries[0]).to.deep.include({ state: 'KZ', subjectId: 'KZ:3', actorId: null });
    expect(await personalDataToRu()).to.deep.equal({ effect: 'allow', version: 2 });
  });

  it('turning the requirement off takes a second admin: alone, a version still waits', async () => {
    const asked = await setSigning(a!, false);
    expect(asked.status).to.equal(200);
    expect(asked.body.twoSignatures).to.equal(true);
    expect(asked.body.releaseRequest?.requestedBy).to.equal(a!.user.id);
    const again = await setSigning(a!, false);
    expect(again.status).to.equal(409);
    expect(again.body).to.have.nested.property('error.code', 'policy.same-signer');

    const v3 = policyBody('KZ', 3, [NO_PD_TO_RU]);
    const alone = await submitPolicy(t, a!, v3);
    expect(alone.body.awaitingCosignature).not.to.equal(undefined);
    expect(await personalDataToRu()).to.deep.equal({ effect: 'allow', version: 2 });

    const off = await setSigning(b!, false);
    expect(off.status).to.equal(200);
    expect(off.body).to.deep.include({
      twoSignatures: false,
      changedBy: a!.user.id,
      confirmedBy: b!.user.id,
      releaseRequest: null,
    });
    const [entry] = await auditOf('policy.two-signatures-released');
    expect(entry?.data).to.deep.include({ requestedBy: a!.user.id, confirmedBy: b!.user.id });
    expect(await auditOf('policy.two-signatures-release-requested')).to.have.length(1);

    // One signature suffices again: the version published now is in force at once, and the one
    // that waited is superseded.
    const direct = await submitPolicy(t, a!, policyBody('KZ', 3, [NO_PD_TO_RU], 'deny'));
    expect(direct.status).to.equal(201);
    expect(direct.body.awaitingCosignature).to.equal(undefined);
    expect(await personalDataToRu()).to.deep.equal({ effect: 'deny', version: 3 });
    const superseded = await cosign(b!, v3);
    expect(superseded.status).to.equal(409);
    expect(superseded.body).to.have.nested.property('error.code', 'policy.superseded');
  });

  it('a request to need one signature again expires: a late confirmation only asks anew', async () => {
    expect((await setSigning(a!, true)).body.twoSignatures).to.equal(true);
    expect((await setSigning(a!, false)).body.releaseRequest?.requestedBy).to.equal(a!.user.id);
    t.clock.advance(7 * DAY_MS + 60_000);
    for (const person of [a!, b!]) await signIn(t, person);
    const late = await setSigning(b!, false);
    expect(late.body.twoSignatures).to.equal(true);
    expect(late.body.releaseRequest?.requestedBy).to.equal(b!.user.id);
  });

  it('a co-signature edited in the database makes the stored version unusable (fail closed)', async () => {
    const versions = t.server.database.connection.collection('policy_versions');
    const doc = await versions.findOne({ _id: 'KZ:2' as never });
    const original = String(doc?.cosignature?.signature);
    const forged = `${original.slice(0, -4)}${original.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    await versions.updateOne({ _id: 'KZ:2' as never }, { $set: { 'cosignature.signature': forged } });
    try {
      let refused: unknown;
      await t.server.policies.store.version('KZ', 2).catch((error: unknown) => (refused = error));
      expect(String(refused)).to.match(/does not match its signature/);
    } finally {
      await versions.updateOne({ _id: 'KZ:2' as never }, { $set: { 'cosignature.signature': original } });
    }
  });

  it('the sweeper records an expiry nobody looked at, once', async () => {
    expect(
      (await call<PolicySigningView>(t.url, 'GET', '/api/policies/KZ/signing', as(a!))).body.twoSignatures,
    ).to.equal(true);
    expect((await submitPolicy(t, a!, policyBody('KZ', 4, []))).body.awaitingCosignature).not.to.equal(undefined);
    expect(await sweepCosignatures(t.server.policies)).to.equal(0);
    t.clock.advance(7 * DAY_MS + 60_000);
    expect(await sweepCosignatures(t.server.policies)).to.equal(1);
    expect(await sweepCosignatures(t.server.policies)).to.equal(0);
    const expiries = (await auditOf('policy.cosignature-expired')).filter((entry) => entry.subjectId === 'KZ:4');
    expect(expiries).to.have.length(1);
  });
});
