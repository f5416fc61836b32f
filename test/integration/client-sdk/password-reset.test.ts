import { expect } from 'chai';
import { isApiError } from '../../../client/sdk/index.js';
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import { isCryptoError } from '../../../shared/crypto/errors.js';
import { wrapWithExportKey } from '../../../shared/crypto/key-wrap.js';
import { generateUserKeys } from '../../../shared/crypto/keys.js';
import { signPasswordReset } from '../../../shared/crypto/password-reset-sign.js';
import { startOpaqueRegistration } from '../../../client/sdk/opaque-client.js';
import { call } from '../../helpers/api.js';
import { FAST_STRETCHING } from '../../helpers/accounts.js';
import { startSdkNetwork } from '../../helpers/network.js';
import { FAST_KDF, sdkClient, type SdkPerson } from '../../helpers/sdk.js';
import { sdkFocalPoint, type SdkMember } from '../../helpers/sdk-people.js';
import type { TestServer } from '../../helpers/test-server.js';

const NEW_PASSWORD = 'copper-meadow-lighthouse-violin-77';
const HOUR_MS = 3_600_000;

describe("client SDK: a forgotten password, reset with an admin's link and the recovery key", function () {
  this.timeout(90_000);
  let t: TestServer;
  let root: SdkPerson;
  let kzAdmin: SdkMember;
  let ruAdmin: SdkMember;
  before(async () => {
    const net = await startSdkNetwork({ states: { KZ: {}, RU: {} } });
    ({ t, root } = net);
    [kzAdmin, ruAdmin] = [net.admin('KZ'), net.admin('RU')];
  });
  after(async () => t.close());

  const tokenOf = (link: string): string => link.split('#')[1] ?? '';
  const auditTypes = async (): Promise<string[]> =>
    (await root.client.audit.list({ order: 'desc', limit: 30 })).map((entry) => entry.type);

  it('the responsible admin issues a link; the person sets a new password with their recovery key; the same keys, every old session ended', async () => {
    const fp = await sdkFocalPoint(t, kzAdmin, ['border']);
    const identity = toBase64Url(fp.client.keyStore.get()?.keys.identity.publicKey ?? new Uint8Array());
    const oldRefresh = fp.client.session.current()?.refreshToken;
    const issued = await kzAdmin.client.users.issuePasswordReset(fp.id);
    expect(issued.link).to.match(/\/reset#[A-Za-z0-9_-]{43}$/);
    expect(tokenOf(issued.link)).to.equal(issued.token);

    const stranger = sdkClient(t); // no session: the person cannot sign in
    const preview = await stranger.passwordResets.preview(issued.token);
    expect(preview).to.include({ userId: fp.id, username: fp.username, identityKey: identity });

    const typo = await stranger.passwordResets
      .reset({
        token: issued.token,
        recoveryKeyText: fp.recoveryKeyText.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
        newPassword: NEW_PASSWORD,
        limits: FAST_KDF,
      })
      .catch((e: unknown) => e);
    expect(isCryptoError(typo)).to.equal(true);
    await stranger.passwordResets.reset({
      token: issued.token,
      recoveryKeyText: fp.recoveryKeyText,
      newPassword: NEW_PASSWORD,
      limits: FAST_KDF,
    });

    const old = await sdkClient(t)
      .signIn({ username: fp.username, password: fp.password })
      .catch((e: unknown) => e);
    expect(isApiError(old, 'auth.invalid-credentials')).to.equal(true);
    const fresh = sdkClient(t);
    await fresh.signIn({ username: fp.username, password: NEW_PASSWORD });
    expect(toBase64Url((await fresh.unlockKeys({ password: NEW_PASSWORD })).identity.publicKey)).to.equal(identity);
    expect(fresh.session.current()?.user.status).to.equal('active'); // no new verification: the keys did not change
    expect((await call(t.url, 'POST', '/api/auth/refresh', { body: { refreshToken: oldRefresh } })).status).to.equal(
      401,
    );

    // Single use.
    const again = await stranger.passwordResets.preview(issued.token).catch((e: unknown) => e);
    expect(isApiError(again, 'password.reset-invalid') && again.status).to.equal(410);
    expect(await auditTypes()).to.include.members(['user.password-reset-issued', 'user.password-reset']);
  });

  it('the link alone is not enough: a proof signed by another key is refused and changes nothing', async () => {
    const fp = await sdkFocalPoint(t, kzAdmin, ['border']);
    const { token } = await kzAdmin.client.users.issuePasswordReset(fp.id);
    /** The reset's OPAQUE registration as a browser makes it: the flow and record for a new password. */
    const newRecord = async () => {
      const registration = await startOpaqueRegistration(NEW_PASSWORD);
      const started = await call<{ flowId: string; registrationResponse: string }>(
        t.url,
        'POST',
        '/api/password-reset/start',
        { body: { token, registrationRequest: registration.registrationRequest } },
      );
      expect(started.status).to.equal(200);
      const { registrationRecord, exportKey } = await registration.finish(
        started.body.registrationResponse,
        FAST_STRETCHING,
      );
      return { opaque: { flowId: started.body.flowId, registrationRecord, stretching: FAST_STRETCHING }, exportKey };
    };
    const impostor = await generateUserKeys();
    const forgedReg = await newRecord();
    const wrappedKeys = await wrapWithExportKey(impostor, forgedReg.exportKey, fp.username);
    const signature = await signPasswordReset(
      fp.id,
      token,
      wrappedKeys,
      forgedReg.opaque.registrationRecord,
      impostor.identity.privateKey,
    );
    const forged = await call<{ error: { code: string } }>(t.url, 'POST', '/api/password-reset', {
      body: { token, opaque: forgedReg.opaque, wrappedKeys, signature },
    });
    expect(forged.status).to.equal(400);
    expect(forged.body.error.code).to.equal('keys.invalid');
    await sdkClient(t).signIn({ username: fp.username, password: fp.password }); // unchanged
    expect(await auditTypes()).to.include('user.password-reset-refused');
    // A proof for this person but another token, or another record, does not carry over either.
    const own = fp.client.keyStore.get()?.keys;
    if (!own) throw new Error('keys locked');
    const mineReg = await newRecord();
    const mine = await wrapWithExportKey(own, mineReg.exportKey, fp.username);
    const otherToken = await signPasswordReset(
      fp.id,
      'x'.repeat(43),
      mine,
      mineReg.opaque.registrationRecord,
      own.identity.privateKey,
    );
    expect(
      (
        await call(t.url, 'POST', '/api/password-reset', {
          body: { token, opaque: mineReg.opaque, wrappedKeys: mine, signature: otherToken },
        })
      ).status,
    ).to.equal(400);
    const swapped = await newRecord();
    const forOtherRecord = await signPasswordReset(
      fp.id,
      token,
      mine,
      forgedReg.opaque.registrationRecord,
      own.identity.privateKey,
    );
    expect(
      (
        await call(t.url, 'POST', '/api/password-reset', {
          body: { token, opaque: swapped.opaque, wrappedKeys: mine, signature: forOtherRecord },
        })
      ).status,
    ).to.equal(400);
    // A flow is used once: the first refused attempt spent its flow.
    const replayed = await call<{ error: { code: string } }>(t.url, 'POST', '/api/password-reset', {
      body: { token, opaque: forgedReg.opaque, wrappedKeys, signature },
    });
    expect(replayed.body.error.code).to.equal('auth.flow-invalid');
  });

  it('only the responsible admin issues links; a newer link replaces the older; links expire after 72 hours', async () => {
    const fp = await sdkFocalPoint(t, kzAdmin, ['border']);
    const foreign = await ruAdmin.client.users.issuePasswordReset(fp.id).catch((e: unknown) => e);
    expect(isApiError(foreign, 'auth.forbidden')).to.equal(true);
    const self = await fp.client.users.issuePasswordReset(fp.id).catch((e: unknown) => e);
    expect(isApiError(self) && self.status).to.equal(403);
    const forAdmin = await root.client.users.issuePasswordReset(kzAdmin.id); // the secretariat for national admins
    expect(forAdmin.token).to.have.length(43);

    const first = await kzAdmin.client.users.issuePasswordReset(fp.id);
    const second = await kzAdmin.client.users.issuePasswordReset(fp.id);
    const replaced = await sdkClient(t)
      .passwordResets.preview(first.token)
      .catch((e: unknown) => e);
    expect(isApiError(replaced, 'password.reset-invalid')).to.equal(true);
    expect((await sdkClient(t).passwordResets.preview(second.token)).username).to.equal(fp.username);
    t.clock.advance(73 * HOUR_MS);
    const expired = await sdkClient(t)
      .passwordResets.preview(second.token)
      .catch((e: unknown) => e);
    expect(isApiError(expired, 'password.reset-invalid')).to.equal(true);
  });
});
