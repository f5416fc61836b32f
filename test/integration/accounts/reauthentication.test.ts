import { expect } from 'chai';
import { call } from '../../helpers/api.js';
import {
  activeFocalPoint,
  activeNationalAdmin,
  clientKeyMaterial,
  reauthFor,
  totpCode,
  type TestPerson,
} from '../../helpers/accounts.js';
import { startNetwork } from '../../helpers/network.js';
import { FAST_KDF } from '../../helpers/sdk.js';
import { sdkAs } from '../../helpers/sdk-as-person.js';
import type { TestServer } from '../../helpers/test-server.js';

type Answer = { error?: { code: string }; secret?: string; status?: string };

/** An access token alone replaces neither the second factor nor the keys: the password (and the current code) are proven now. */
describe('re-authentication before the second factor or the keys are replaced', function () {
  this.timeout(60_000);
  let t: TestServer;
  let root: TestPerson;
  let kzAdmin: TestPerson;

  before(async () => {
    const net = await startNetwork({ states: { KZ: {} } });
    ({ t, root } = net);
    kzAdmin = net.admin('KZ');
  });
  after(() => t.close());

  const post = (token: string | undefined, path: string, body?: unknown) =>
    call<Answer>(t.url, 'POST', path, { token, ...(body === undefined ? {} : { body }) });

  it("replacing an admin's authenticator needs the password and the current code", async () => {
    const token = kzAdmin.session?.accessToken;
    expect((await post(token, '/api/me/totp/setup')).body.error?.code, 'the token alone').to.equal('validation.failed');
    const wrongPassword = await post(token, '/api/me/totp/setup', {
      reauth: await reauthFor(t, token, { password: 'not-the-password-at-all', totpSecret: kzAdmin.totpSecret }),
    });
    expect(wrongPassword.body.error?.code).to.equal('password.wrong');
    const noCode = await post(token, '/api/me/totp/setup', {
      reauth: await reauthFor(t, token, { password: kzAdmin.password }),
    });
    expect(noCode.body.error?.code).to.equal('auth.totp-required');
    const proof = await reauthFor(t, token, kzAdmin);
    const wrongCode = await post(token, '/api/me/totp/setup', {
      reauth: { ...proof, totp: String((Number(proof.totp) + 1) % 1_000_000).padStart(6, '0') },
    });
    expect(wrongCode.body.error?.code).to.equal('auth.totp-invalid');
    const proven = await post(token, '/api/me/totp/setup', { reauth: await reauthFor(t, token, kzAdmin) });
    expect(proven.status).to.equal(200);
    expect(proven.body.secret).to.be.a('string');
    // A proof is used once.
    const replayed = await post(token, '/api/me/totp/setup', { reauth: proof });
    expect(replayed.status).to.be.within(400, 499);
  });

  it("an admin's password change needs the current authenticator code as well as the password", async () => {
    const admin = await activeNationalAdmin(t, root, 'TJ');
    const client = await sdkAs(t, admin);
    const NEW = 'cobalt-meadow-lantern-harbour-77';
    const withoutCode = await client
      .changePassword({ currentPassword: admin.password, newPassword: NEW, limits: FAST_KDF })
      .then(
        () => 'changed',
        (error: { code?: string }) => error.code,
      );
    expect(withoutCode).to.equal('auth.totp-required');
    const changed = await client.changePassword({
      currentPassword: admin.password,
      newPassword: NEW,
      limits: FAST_KDF,
      totp: await totpCode(t, admin.totpSecret ?? ''),
    });
    expect(changed.user.username).to.equal(admin.username);
  });

  it("replacing a focal point's keys needs the password; refused, the account stays as it was", async () => {
    const fp = await activeFocalPoint(t, kzAdmin);
    const token = fp.session?.accessToken;
    const material = await clientKeyMaterial(fp.username);
    const body = { keys: material.bundle, wrappedKeys: material.wrappedKeys };
    expect((await post(token, '/api/me/keys', body)).body.error?.code, 'the token alone').to.equal('validation.failed');
    const wrong = await post(token, '/api/me/keys', {
      ...body,
      reauth: await reauthFor(t, token, { password: 'not-the-password-at-all' }),
    });
    expect(wrong.body.error?.code).to.equal('password.wrong');
    expect((await call<{ user: { status: string } }>(t.url, 'GET', '/api/me', { token })).body.user.status).to.equal(
      'active',
    );
    const proven = await post(token, '/api/me/keys', { ...body, reauth: await reauthFor(t, token, fp) });
    expect(proven.status).to.equal(200);
    expect(proven.body.status).to.equal('pending-verification');
  });
});
