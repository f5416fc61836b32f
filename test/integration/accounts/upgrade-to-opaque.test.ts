import { expect } from 'chai';
import { isApiError } from '../../../client/sdk/index.js';
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import { StoredWrappedKeys } from '../../../shared/crypto/wrapped-keys-format.js';
import { call } from '../../helpers/api.js';
import { signInCall } from '../../helpers/accounts.js';
import { legacyAccount } from '../../helpers/legacy-account.js';
import { foundEncodings, startRecordingProxy } from '../../helpers/recording-proxy.js';
import { sdkClient } from '../../helpers/sdk.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { auditEntry } from '../../helpers/audit.js';

const OLD_PASSWORD = 'juniper-anchor-velvet-rocket-19';

describe('accounts made before OPAQUE are upgraded at their next sign-in', function () {
  this.timeout(60_000);
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.close());

  const legacy = (username: string) => legacyAccount(t, username, OLD_PASSWORD);

  it('signs in once by password, registers OPAQUE with the keys re-wrapped, and the password route is closed to it', async () => {
    const username = `legacy${Date.now().toString(36)}`;
    const { keys } = await legacy(username);
    const proxy = await startRecordingProxy(t.url);
    try {
      const client = sdkClient(t, { baseUrl: proxy.url });
      await client.signIn({ username, password: OLD_PASSWORD });
      // The one time the password travels, and the proxy sees it (so the other proxy tests would too).
      expect(foundEncodings(proxy.sent(), OLD_PASSWORD)).to.not.deep.equal([]);
      expect(client.keyStore.get()?.keys.identity.publicKey).to.deep.equal(keys.identity.publicKey);

      const stored = await t.server.database.connection.collection('users').findOne({ username });
      expect(stored?.passwordHash).to.equal(null);
      expect(stored?.opaqueRecord).to.be.a('string');
      expect(StoredWrappedKeys.safeParse(stored?.wrappedKeys).success).to.equal(true);
      const audit = await auditEntry(t, { type: 'auth.password-upgraded' });
      expect(audit?.subjectId).to.equal(String(stored?._id));

      const sentBefore = proxy.sent().length;
      const again = sdkClient(t, { baseUrl: proxy.url });
      await again.signIn({ username, password: OLD_PASSWORD });
      const unlocked = await again.unlockKeys({ password: OLD_PASSWORD });
      expect(toBase64Url(unlocked.identity.publicKey)).to.equal(toBase64Url(keys.identity.publicKey));
      expect(
        foundEncodings(proxy.sent().subarray(sentBefore), OLD_PASSWORD),
        'sent again after the upgrade',
      ).to.deep.equal([]);
    } finally {
      await proxy.close();
    }

    const oldRoute = await call<{ error: { code: string } }>(t.url, 'POST', '/api/auth/sign-in', {
      body: { username, password: OLD_PASSWORD },
    });
    expect(oldRoute.status).to.equal(401);
    expect(oldRoute.body.error.code).to.equal('auth.invalid-credentials');
    const refused = await auditEntry(t, { type: 'auth.sign-in-failed', 'data.reason': 'password-route-after-upgrade' });
    expect(refused).to.not.equal(undefined);
  });

  it('only a legacy account is offered the upgrade, and only with its own password', async () => {
    const username = `legacy${Date.now().toString(36)}b`;
    await legacy(username);
    // A client told never to send a password refuses, whatever the server says about the account.
    const strict = await sdkClient(t, { signInPolicy: { allowPasswordUpgrade: false } })
      .signIn({ username, password: OLD_PASSWORD })
      .catch((e: unknown) => e);
    expect(isApiError(strict, 'auth.upgraded')).to.equal(true);
    const wrong = await sdkClient(t)
      .signIn({ username, password: 'a-wrong-old-password' })
      .catch((e: unknown) => e);
    expect(isApiError(wrong, 'auth.invalid-credentials')).to.equal(true);
    expect(
      (await t.server.database.connection.collection('users').findOne({ username }))?.opaqueRecord ?? null,
    ).to.equal(null);
    // A session of an upgraded account cannot register another password through the upgrade.
    const client = sdkClient(t);
    await client.signIn({ username, password: OLD_PASSWORD });
    const token = client.session.current()?.accessToken;
    const second = await call<{ error: { code: string } }>(t.url, 'POST', '/api/me/upgrade/start', {
      token,
      body: { registrationRequest: 'A'.repeat(43) },
    });
    expect(second.status).to.equal(409);
    expect((await signInCall(t.url, { username, password: OLD_PASSWORD })).status).to.equal(200);
  });
});
