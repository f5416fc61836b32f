import { expect } from 'chai';
import { isApiError } from '../../../client/sdk/index.js';
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import { SIGN_IN_FAILURES_ALLOWED } from '../../../server/http/rate-limits.js';
import { call } from '../../helpers/api.js';
import { startSdkNetwork } from '../../helpers/network.js';
import { FAST_KDF, sdkClient, sdkSignIn, type SdkPerson } from '../../helpers/sdk.js';
import { sdkFocalPoint, type SdkMember } from '../../helpers/sdk-people.js';
import type { TestServer } from '../../helpers/test-server.js';

const NEW_PASSWORD = 'copper-meadow-lighthouse-violin-77';

describe('client SDK: changing the password', function () {
  this.timeout(90_000);
  let t: TestServer;
  let root: SdkPerson;
  let admin: SdkMember;
  before(async () => {
    const net = await startSdkNetwork({ states: { KZ: {} } });
    ({ t, root } = net);
    admin = net.admin('KZ');
  });
  after(async () => t.close());

  const auditTypes = async (): Promise<string[]> =>
    (await root.client.audit.list({ order: 'desc', limit: 20 })).map((entry) => entry.type);

  it('re-wraps the keys under the new password; other sessions end, this one goes on; the recovery key still works', async () => {
    const fp = await sdkFocalPoint(t, admin, ['border']);
    const identity = toBase64Url(fp.client.keyStore.get()?.keys.identity.publicKey ?? new Uint8Array());
    const elsewhere = sdkClient(t);
    await elsewhere.signIn({ username: fp.username, password: fp.password });
    const before = fp.client.session.current();

    await fp.client.changePassword({ currentPassword: fp.password, newPassword: NEW_PASSWORD, limits: FAST_KDF });

    // This tab: a new session that works.
    expect(fp.client.session.current()?.refreshToken).to.not.equal(before?.refreshToken);
    expect((await fp.client.me.get()).user.username).to.equal(fp.username);
    // The old tokens of this tab and the other browser's session have ended.
    expect((await call(t.url, 'GET', '/api/me', { token: before?.accessToken })).status).to.equal(401);
    expect(
      (
        await call(t.url, 'POST', '/api/auth/refresh', {
          body: { refreshToken: elsewhere.session.current()?.refreshToken },
        })
      ).status,
    ).to.equal(401);
    // Only the new password signs in, and it unlocks the same keys; so does the recovery key.
    const fresh = sdkClient(t);
    const old = await fresh.signIn({ username: fp.username, password: fp.password }).catch((e: unknown) => e);
    expect(isApiError(old, 'auth.invalid-credentials')).to.equal(true);
    await fresh.signIn({ username: fp.username, password: NEW_PASSWORD });
    const unlocked = await fresh.unlockKeys({ password: NEW_PASSWORD });
    expect(toBase64Url(unlocked.identity.publicKey)).to.equal(identity);
    const byRecovery = sdkClient(t);
    await byRecovery.signIn({ username: fp.username, password: NEW_PASSWORD });
    expect(
      toBase64Url((await byRecovery.unlockKeys({ recoveryKeyText: fp.recoveryKeyText })).identity.publicKey),
    ).to.equal(identity);
    expect(await auditTypes()).to.include('auth.password-changed');
  });

  it('refuses a wrong current password (without ending the session), a weak or unchanged new one; the keys must be unlocked', async () => {
    const fp = await sdkFocalPoint(t, admin, ['border']);
    const wrong = await fp.client
      .changePassword({ currentPassword: 'not-my-password-at-all', newPassword: NEW_PASSWORD, limits: FAST_KDF })
      .catch((e: unknown) => e);
    expect(isApiError(wrong, 'password.wrong')).to.equal(true);
    expect((await fp.client.me.get()).user.username).to.equal(fp.username); // still signed in
    expect(await auditTypes()).to.include('auth.password-change-failed');

    const weak = await fp.client
      .changePassword({ currentPassword: fp.password, newPassword: 'password12345', limits: FAST_KDF })
      .catch((e: unknown) => e);
    expect(isApiError(weak, 'password.weak')).to.equal(true);
    const same = await fp.client
      .changePassword({ currentPassword: fp.password, newPassword: fp.password, limits: FAST_KDF })
      .catch((e: unknown) => e);
    expect(isApiError(same, 'validation.failed')).to.equal(true);
    const short = await fp.client
      .changePassword({ currentPassword: fp.password, newPassword: 'short', limits: FAST_KDF })
      .catch((e: unknown) => e);
    expect(isApiError(short, 'validation.failed')).to.equal(true);

    fp.client.keyStore.clear();
    const locked = await fp.client
      .changePassword({ currentPassword: fp.password, newPassword: NEW_PASSWORD, limits: FAST_KDF })
      .catch((e: unknown) => e);
    expect(isApiError(locked, 'client.keys-locked')).to.equal(true);
    // Nothing changed: the old password still signs in and unlocks.
    await sdkSignIn(t, fp);
    await fp.client.unlockKeys({ password: fp.password });
  });

  it('guessing the current password here counts towards the sign-in limit (429)', async () => {
    const fp = await sdkFocalPoint(t, admin, ['border']);
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_FAILURES_ALLOWED; i++) {
      const attempt = await fp.client
        .changePassword({ currentPassword: `guess-number-${i}`, newPassword: NEW_PASSWORD, limits: FAST_KDF })
        .catch((e: unknown) => e);
      statuses.push(isApiError(attempt) ? attempt.status : 0);
    }
    expect(statuses.slice(0, SIGN_IN_FAILURES_ALLOWED)).to.deep.equal(
      Array<number>(SIGN_IN_FAILURES_ALLOWED).fill(400),
    );
    expect(statuses.at(-1)).to.equal(429);
    const signIn = await sdkClient(t)
      .signIn({ username: fp.username, password: fp.password })
      .catch((e: unknown) => e);
    expect(isApiError(signIn) && signIn.status).to.equal(429);
  });
});
