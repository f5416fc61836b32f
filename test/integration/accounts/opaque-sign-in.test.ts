import * as opaque from '@serenity-kit/opaque';
import { expect } from 'chai';
import { startOpaqueLogin, startOpaqueRegistration } from '../../../client/sdk/opaque-client.js';
import { refusedProof } from '../../../client/sdk/opaque-sign-in.js';
import { DEFAULT_KEY_STRETCHING } from '../../../shared/crypto/opaque-format.js';
import { call, type ApiResult } from '../../helpers/api.js';
import { activeFocalPoint, invite, signInCall, type TestPerson } from '../../helpers/accounts.js';
import { startNetwork } from '../../helpers/network.js';
import { sdkClient } from '../../helpers/sdk.js';
import type { TestServer } from '../../helpers/test-server.js';
import { auditEntries } from '../../helpers/audit.js';

interface Started {
  flowId: string;
  loginResponse: string;
  stretching: typeof DEFAULT_KEY_STRETCHING;
  upgrade?: true;
}

describe('OPAQUE sign-in: refusals, replays, enumeration and limits', function () {
  this.timeout(60_000);
  let t: TestServer;
  let kz: TestPerson;
  before(async () => {
    const net = await startNetwork({ states: { KZ: {} } });
    ({ t } = net);
    kz = net.admin('KZ');
  });
  after(() => t.close());

  const start = async (username: string, password: string) => {
    const login = await startOpaqueLogin(password);
    const started = await call<Started>(t.url, 'POST', '/api/auth/sign-in/start', {
      body: { username, startLoginRequest: login.startLoginRequest },
    });
    return { login, started };
  };
  const finish = (
    flowId: string,
    finishLoginRequest: string,
  ): Promise<ApiResult<{ error?: { code: string }; accessToken?: string }>> =>
    call(t.url, 'POST', '/api/auth/sign-in/finish', { body: { flowId, finishLoginRequest } });

  it('a wrong password and an unknown user are refused alike, and both leave an audited failure', async () => {
    const fp = await activeFocalPoint(t, kz);
    const wrong = await signInCall(t.url, { username: fp.username, password: 'not-this-password-at-all' });
    const unknown = await signInCall(t.url, { username: 'nobody-at-all', password: 'not-this-password-at-all' });
    expect(wrong.status).to.equal(401);
    expect(unknown.status).to.equal(401);
    const strip = (body: unknown): unknown => ({ ...(body as { error: object }).error, requestId: undefined });
    expect(strip(wrong.body)).to.deep.equal(strip(unknown.body));
    expect(strip(wrong.body)).to.have.property('code', 'auth.invalid-credentials');
    const failures = (await auditEntries(t, { type: 'auth.sign-in-failed' })).map(
      (e) => (e.data as { reason: string }).reason,
    );
    expect(failures).to.include.members(['wrong-password', 'unknown-user']);
  });

  it('the start answers a known and an unknown username in the same status, shape and sizes', async () => {
    const fp = await activeFocalPoint(t, kz);
    // A focal point registered with the default stretching, as every account but tests' is.
    await t.server.database.connection
      .collection('users')
      .updateOne({ username: fp.username }, { $set: { opaqueStretching: DEFAULT_KEY_STRETCHING } });
    const known = (await start(fp.username, 'any-password-here')).started;
    const unknown = (await start('nobody-by-this-name', 'any-password-here')).started;
    expect(known.status).to.equal(200);
    expect(unknown.status).to.equal(200);
    expect(Object.keys(unknown.body).sort()).to.deep.equal(Object.keys(known.body).sort());
    expect(unknown.body.loginResponse.length).to.equal(known.body.loginResponse.length);
    expect(unknown.body.flowId.length).to.be.closeTo(known.body.flowId.length, 24); // the sealed state differs only in the name's length
    expect(unknown.body.stretching).to.deep.equal(known.body.stretching);
    expect(unknown.body.upgrade).to.equal(undefined);
  });

  it('a finish is used once: a replayed proof, a replayed flow and a tampered flow are refused', async () => {
    const fp = await activeFocalPoint(t, kz);
    const { login, started } = await start(fp.username, fp.password);
    const proof = await login.finish(started.body.loginResponse, started.body.stretching);
    if (!proof) throw new Error('the password did not open the answer');
    expect((await finish(started.body.flowId, proof.finishLoginRequest)).status).to.equal(200);
    const replay = await finish(started.body.flowId, proof.finishLoginRequest);
    expect(replay.status).to.equal(401);
    expect(replay.body.error?.code).to.equal('auth.flow-invalid');

    const second = await start(fp.username, fp.password);
    const tampered = `${second.started.body.flowId.slice(0, -2)}${second.started.body.flowId.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await finish(tampered, proof.finishLoginRequest)).body.error?.code).to.equal('auth.flow-invalid');
    // A proof made for another flow does not finish this one.
    expect((await finish(second.started.body.flowId, proof.finishLoginRequest)).body.error?.code).to.equal(
      'auth.invalid-credentials',
    );
    // A flow started for another purpose (a registration) does not finish a sign-in.
    const { token } = await invite(t, kz, {
      role: 'focal-point',
      state: 'KZ',
      domains: ['border'],
      displayName: 'Desk',
    });
    const registration = await call<{ flowId: string }>(t.url, 'POST', '/api/registrations/start', {
      body: {
        token,
        username: 'someone-new',
        registrationRequest: (await startOpaqueRegistration('a-long-enough-password')).registrationRequest,
      },
    });
    expect(registration.status).to.equal(200);
    expect((await finish(registration.body.flowId, proof.finishLoginRequest)).body.error?.code).to.equal(
      'auth.flow-invalid',
    );
  });

  it('a flow expires after two minutes, and a malformed message is refused with a clear error', async () => {
    const fp = await activeFocalPoint(t, kz);
    const { login, started } = await start(fp.username, fp.password);
    const proof = await login.finish(started.body.loginResponse, started.body.stretching);
    t.clock.advance(121_000);
    const late = await finish(started.body.flowId, proof?.finishLoginRequest ?? refusedProof());
    expect(late.body.error?.code).to.equal('auth.flow-invalid');
    const malformed = await call<{ error: { code: string; issues: Array<{ path: string[] }> } }>(
      t.url,
      'POST',
      '/api/auth/sign-in/start',
      { body: { username: fp.username, startLoginRequest: 'not-an-opaque-message' } },
    );
    expect(malformed.status).to.equal(400);
    expect(malformed.body.error.code).to.equal('validation.failed');
    expect(malformed.body.error.issues[0]?.path).to.include('startLoginRequest');
    const password = await call<{ error: { code: string } }>(t.url, 'POST', '/api/auth/sign-in/finish', {
      body: { flowId: started.body.flowId, finishLoginRequest: refusedProof(), password: fp.password },
    });
    expect(password.status).to.equal(400); // no body with a password field is accepted
  });

  it("a client that pins the server's OPAQUE key signs in under it and refuses another", async () => {
    const fp = await activeFocalPoint(t, kz);
    const serverKey = opaque.server.getPublicKey(t.server.accounts.opaque.serverSetup);
    const pinned = sdkClient(t, { signInPolicy: { opaqueServerKey: serverKey } });
    await pinned.signIn({ username: fp.username, password: fp.password });
    const wrongPin = sdkClient(t, {
      signInPolicy: { opaqueServerKey: opaque.server.getPublicKey(opaque.server.createSetup()) },
    });
    const refused = await wrongPin.signIn({ username: fp.username, password: fp.password }).catch((e: unknown) => e);
    expect(refused).to.have.property('code', 'client.bad-response');
    expect(wrongPin.session.current()).to.equal(undefined);
  });

  it('logins started and never finished count as failures: the sixth start answers 429; a success clears the count', async () => {
    const fp = await activeFocalPoint(t, kz);
    for (let i = 0; i < 4; i++) expect((await start(fp.username, 'guess')).started.status).to.equal(200);
    expect((await signInCall(t.url, { username: fp.username, password: fp.password })).status).to.equal(200); // the 5th, finished: forgiven
    for (let i = 0; i < 5; i++) expect((await start(fp.username, 'guess')).started.status).to.equal(200);
    const blocked = await start(fp.username, fp.password);
    expect(blocked.started.status).to.equal(429);
    expect(blocked.started.headers.get('retry-after')).to.match(/^\d+$/);
    // Unknown names are limited the same way.
    for (let i = 0; i < 5; i++) await start('nobody-limited', 'guess');
    expect((await start('nobody-limited', 'guess')).started.status).to.equal(429);
  });
});
