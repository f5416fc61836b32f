import { expect } from 'chai';
import type {
  CreatedInvitation,
  InvitationView,
  RegisterResponse,
  UserView,
} from '../../../shared/schemas/accounts.js';
import { call } from '../../helpers/api.js';
import {
  activate,
  bootstrapNetworkAdmin,
  clientKeyMaterial,
  invite,
  opaqueRegistration,
  registerWithToken,
  setParticipation,
  signIn,
  enrolTotp,
  STRONG_PASSWORD,
  uniqueUsername,
  type TestPerson,
} from '../../helpers/accounts.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

describe('onboarding: bootstrap → national admin → focal point', function () {
  this.timeout(60_000);
  let t: TestServer;
  let root: TestPerson;
  before(async () => {
    t = await startTestServer();
    root = await bootstrapNetworkAdmin(t);
  });
  after(async () => t.close());

  it('the bootstrap admin is active at once; the bootstrap path then closes', async () => {
    expect(root.user).to.include({ role: 'network-admin', status: 'active', state: null });
    const { issueBootstrapInvitation } = await import('../../../server/modules/accounts/invitations.js');
    await issueBootstrapInvitation(t.server.accounts).then(
      () => expect.fail('a second bootstrap invitation was issued'),
      (error: { code?: string }) => expect(error.code).to.equal('auth.forbidden'),
    );
  });

  it('a network admin invites a national admin, who registers pending and is activated after verification', async () => {
    const created = await invite(t, root, { role: 'national-admin', state: 'KZ', displayName: 'Aigerim N.' });
    expect(created.token).to.have.length(43);
    expect(created.link).to.match(/\/invite#[A-Za-z0-9_-]{43}$/);
    expect(created.invitation).to.include({ role: 'national-admin', state: 'KZ', status: 'open' });

    const preview = await call(t.url, 'POST', '/api/invitations/preview', { body: { token: created.token } });
    expect(preview.status).to.equal(200);
    expect(preview.body).to.include({ role: 'national-admin', state: 'KZ', displayName: 'Aigerim N.' });

    const admin = await registerWithToken(t, created.token, uniqueUsername('kzadmin'));
    expect(admin.user).to.include({ status: 'pending-verification', role: 'national-admin', state: 'KZ' });
    expect(admin.user.keys?.identityKey).to.equal(admin.bundle.identityKey);

    // Pending: can sign in and see who verifies them, but cannot administer.
    await signIn(t, admin);
    const me = await call<RegisterResponse>(t.url, 'GET', '/api/me', { token: admin.session?.accessToken });
    expect(me.body.verifiers.map((v) => v.id)).to.deep.equal([root.user.id]);
    expect(me.body.verifiers[0]?.identityKey).to.equal(root.bundle.identityKey);
    const denied = await call(t.url, 'POST', '/api/invitations', {
      token: admin.session?.accessToken,
      body: { role: 'focal-point', state: 'KZ', domains: ['border'], displayName: 'x' },
    });
    expect(denied.status).to.equal(403);

    const pending = await call<UserView[]>(t.url, 'GET', '/api/users?status=pending-verification', {
      token: root.session?.accessToken,
    });
    expect(pending.body.map((u) => u.id)).to.include(admin.user.id);

    await activate(t, root, admin);
    expect(admin.user.status).to.equal('active');
    expect(admin.user.keys?.verifiedBy).to.equal(root.user.id);
  });

  it('the invitation is single use and its token is not stored', async () => {
    const created = await invite(t, root, { role: 'national-admin', state: 'RU', displayName: 'Ivan P.' });
    await registerWithToken(t, created.token);
    const second = await call(t.url, 'POST', '/api/registrations/start', {
      body: { token: created.token, username: uniqueUsername('again'), registrationRequest: 'A'.repeat(43) },
    });
    expect(second.status).to.equal(410);
    expect(second.body).to.have.nested.property('error.code', 'invitation.invalid');
    const stored = await t.server.database.connection.collection('invitations').find({}).toArray();
    expect(JSON.stringify(stored)).not.to.contain(created.token);
  });

  it('of several registrations racing with one invitation exactly one succeeds', async () => {
    const created = await invite(t, root, { role: 'national-admin', state: 'MN', displayName: 'Race' });
    const attempts = await Promise.all(
      Array.from({ length: 4 }, async (_, i) => {
        const username = uniqueUsername(`race${i}`);
        const { opaque, exportKey } = await opaqueRegistration(t, created.token, username);
        const material = await clientKeyMaterial(username, exportKey);
        return call(t.url, 'POST', '/api/registrations', {
          body: { token: created.token, username, opaque, keys: material.bundle, wrappedKeys: material.wrappedKeys },
        });
      }),
    );
    expect(attempts.map((a) => a.status).filter((status) => status === 201)).to.have.length(1);
  });

  it('expired and revoked invitations answer exactly like unknown ones', async () => {
    const expired = await invite(t, root, {
      role: 'national-admin',
      state: 'CN',
      displayName: 'Li W.',
      expiresInHours: 1,
    });
    const revoked = await invite(t, root, { role: 'national-admin', state: 'CN', displayName: 'Li W.' });
    const revokeResponse = await call<InvitationView>(t.url, 'DELETE', `/api/invitations/${revoked.invitation.id}`, {
      token: root.session?.accessToken,
    });
    expect(revokeResponse.body.status).to.equal('revoked');
    t.clock.advance(2 * 3_600_000);
    await signIn(t, root); // the old access token expired with the clock
    const answers = await Promise.all(
      [expired.token, revoked.token, 'A'.repeat(43)].map((token) =>
        call(t.url, 'POST', '/api/invitations/preview', { body: { token } }),
      ),
    );
    expect(answers.map((a) => a.status)).to.deep.equal([410, 410, 410]);
    expect(
      new Set(answers.map((a) => JSON.stringify({ ...(a.body as { error: object }).error, requestId: undefined })))
        .size,
    ).to.equal(1);
    const list = await call<InvitationView[]>(t.url, 'GET', '/api/invitations', { token: root.session?.accessToken });
    expect(list.body.find((i) => i.id === expired.invitation.id)?.status).to.equal('expired');
  });

  it('a national admin invites a focal point of their own state only, and activates them', async () => {
    const kz = await nationalAdmin('KZ');
    const wrongState = await call(t.url, 'POST', '/api/invitations', {
      token: kz.session?.accessToken,
      body: { role: 'focal-point', state: 'RU', domains: ['border'], displayName: 'x' },
    });
    expect(wrongState.status).to.equal(403);
    const wrongRole = await call(t.url, 'POST', '/api/invitations', {
      token: kz.session?.accessToken,
      body: { role: 'national-admin', state: 'KZ', displayName: 'x' },
    });
    expect(wrongRole.status).to.equal(403);

    const created: CreatedInvitation = await invite(t, kz, {
      role: 'focal-point',
      state: 'KZ',
      domains: ['economic-crime', 'border'],
      displayName: 'Financial Monitoring Agency desk',
    });
    const fp = await registerWithToken(t, created.token);
    expect(fp.user).to.include({ role: 'focal-point', state: 'KZ', status: 'pending-verification' });
    expect(fp.user.domains).to.have.members(['economic-crime', 'border']);
    await activate(t, kz, fp);
    expect(fp.user.status).to.equal('active');
  });

  it('activation is bound to the key version the admin compared', async () => {
    const kz = await nationalAdmin('KZ');
    const { token } = await invite(t, kz, {
      role: 'focal-point',
      state: 'KZ',
      domains: ['border'],
      displayName: 'Border desk',
    });
    const fp = await registerWithToken(t, token);
    const stale = await call(t.url, 'POST', `/api/users/${fp.user.id}/activate`, {
      token: kz.session?.accessToken,
      body: { keyVersion: 2, safetyNumberCompared: true },
    });
    expect(stale.status).to.equal(409);
    expect(stale.body).to.have.nested.property('error.code', 'keys.changed');
    const unconfirmed = await call(t.url, 'POST', `/api/users/${fp.user.id}/activate`, {
      token: kz.session?.accessToken,
      body: { keyVersion: 1, safetyNumberCompared: false },
    });
    expect(unconfirmed.status).to.equal(400);
  });

  it('refuses a password field, forged key bundles, taken usernames, a record made for another username and a replayed flow, storing nothing', async () => {
    const { token } = await invite(t, root, { role: 'national-admin', state: 'TR', displayName: 'Mehmet Y.' });
    const username = uniqueUsername('tr');
    const fresh = async (name = username) => (await opaqueRegistration(t, token, name)).opaque;
    const material = await clientKeyMaterial(username);
    const base = { token, username, keys: material.bundle, wrappedKeys: material.wrappedKeys };
    const users = t.server.database.connection.collection('users');
    const before = await users.countDocuments();

    const withPassword = await call(t.url, 'POST', '/api/registrations', {
      body: { ...base, opaque: await fresh(), password: STRONG_PASSWORD },
    });
    expect(withPassword.status).to.equal(400);
    expect(withPassword.body).to.have.nested.property('error.code', 'validation.failed');

    const other = await clientKeyMaterial(username);
    const forgedFlow = await fresh();
    const forged = await call(t.url, 'POST', '/api/registrations', {
      body: { ...base, opaque: forgedFlow, keys: { ...material.bundle, encryptionKey: other.bundle.encryptionKey } },
    });
    expect(forged.status).to.equal(400);
    expect(forged.body).to.have.nested.property('error.code', 'keys.invalid');

    const replayed = await call(t.url, 'POST', '/api/registrations', { body: { ...base, opaque: forgedFlow } });
    expect(replayed.status).to.equal(401);
    expect(replayed.body).to.have.nested.property('error.code', 'auth.flow-invalid');

    const forAnother = await call(t.url, 'POST', '/api/registrations', {
      body: { ...base, opaque: await fresh(uniqueUsername('tr')) },
    });
    expect(forAnother.status).to.equal(400);
    expect(forAnother.body).to.have.nested.property('error.code', 'auth.username-mismatch');

    const taken = await call(t.url, 'POST', '/api/registrations/start', {
      body: { token, username: root.username, registrationRequest: 'A'.repeat(43) },
    });
    expect(taken.status).to.equal(409);

    expect(await users.countDocuments()).to.equal(before);
    const ok = await call(t.url, 'POST', '/api/registrations', { body: { ...base, opaque: await fresh() } });
    expect(ok.status).to.equal(201); // the invitation survived the failed attempts
  });

  it('writes every step to the audit trail', async () => {
    const entries = await call<Array<{ type: string }>>(t.url, 'GET', '/api/audit?limit=500', {
      token: root.session?.accessToken,
    });
    const types = new Set(entries.body.map((e) => e.type));
    for (const type of [
      'system.bootstrap-invitation',
      'user.registered',
      'invitation.created',
      'invitation.redeemed',
      'user.activated',
      'invitation.revoked',
      'auth.signed-in',
      'auth.totp-enabled',
    ]) {
      expect(types, type).to.include(type);
    }
  });

  async function nationalAdmin(state: string): Promise<TestPerson> {
    const { token } = await invite(t, root, { role: 'national-admin', state, displayName: `Admin ${state}` });
    const admin = await registerWithToken(t, token);
    await activate(t, root, admin);
    await signIn(t, admin);
    await enrolTotp(t, admin);
    await setParticipation(t, admin);
    return admin;
  }
});
