import { expect } from 'chai';
import { connectSocket, type FocalNetClient } from '../../../client/sdk/index.js';
import type { UserKeys } from '../../../shared/crypto/keys.js';
import { FAST_KDF, sdkClient, sdkNetworkAdmin, sdkTotp, type SdkPerson } from '../../helpers/sdk.js';
import { sdkNationalAdmin, type SdkMember } from '../../helpers/sdk-people.js';
import { eventually } from '../../helpers/server-process.js';
import { foundEncodings, startRecordingProxy, type RecordingProxy } from '../../helpers/recording-proxy.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const PASSWORD = 'saffron-quarry-beacon-minstrel-31';
const NEW_PASSWORD = 'walnut-glacier-trumpet-orchid-58';
const RESET_PASSWORD = 'amber-canyon-falcon-pebble-94';

describe('the server never receives a password (recording proxy)', function () {
  this.timeout(120_000);
  let t: TestServer;
  let proxy: RecordingProxy;
  let root: SdkPerson;
  let kzAdmin: SdkMember;
  before(async () => {
    t = await startTestServer();
    root = await sdkNetworkAdmin(t);
    kzAdmin = await sdkNationalAdmin(t, root, 'KZ', ['border']);
    proxy = await startRecordingProxy(t.url);
  });
  after(async () => {
    await proxy.close();
    await t.close();
  });

  const privateParts = (keys: UserKeys): Buffer[] => [
    Buffer.from(keys.identity.privateKey.subarray(0, 32)),
    Buffer.from(keys.encryption.privateKey),
  ];

  it('registration, sign-in, unlock, a socket, password change and reset: no password in any request, no unwrapped private key in any answer', async () => {
    const { token } = await kzAdmin.client.invitations.create({
      role: 'focal-point',
      state: 'KZ',
      domains: ['border'],
      displayName: 'Border desk',
    });
    const through = (): FocalNetClient => sdkClient(t, { baseUrl: proxy.url });
    const newcomer = through();
    const username = `proxied${Date.now().toString(36)}`;
    const registration = await newcomer.registerWithInvitation({
      token,
      username,
      password: PASSWORD,
      kdfLimits: FAST_KDF,
    });
    await kzAdmin.client.users.activate(registration.user.id, { keyVersion: 1, safetyNumberCompared: true });

    const browser = through();
    await browser.signIn({ username, password: PASSWORD });
    const keys = await browser.unlockKeys({ password: PASSWORD });
    const socket = connectSocket(browser, { socketOptions: { transports: ['polling', 'websocket'] } });
    await eventually(async () => socket.connected, 5_000, 'socket connected through the proxy');
    socket.close();
    // Wrong passwords, too: what a mistyped or guessed password sends.
    expect(await browser.signIn({ username, password: `${PASSWORD}-typo` }).catch((e: unknown) => e)).to.have.property(
      'code',
      'auth.invalid-credentials',
    );
    await browser.signIn({ username, password: PASSWORD });
    await browser.unlockKeys({ password: PASSWORD });
    await browser.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, limits: FAST_KDF });

    const { token: resetToken } = await kzAdmin.client.users.issuePasswordReset(registration.user.id);
    await through().passwordResets.reset({
      token: resetToken,
      recoveryKeyText: registration.recoveryKeyText,
      newPassword: RESET_PASSWORD,
      limits: FAST_KDF,
    });
    const after = through();
    await after.signIn({ username, password: RESET_PASSWORD });
    await after.unlockKeys({ password: RESET_PASSWORD });

    const sent = proxy.sent();
    const received = proxy.received();
    expect(sent.length).to.be.above(5_000); // the flows really went through the proxy
    expect(sent.includes(Buffer.from('/api/auth/sign-in/finish'))).to.equal(true);
    expect(sent.includes(Buffer.from('/socket.io/'))).to.equal(true);
    for (const password of [PASSWORD, NEW_PASSWORD, RESET_PASSWORD, `${PASSWORD}-typo`]) {
      expect(foundEncodings(sent, password), `the password "${password}" was sent`).to.deep.equal([]);
      expect(foundEncodings(received, password)).to.deep.equal([]);
    }
    for (const part of privateParts(keys)) {
      expect(foundEncodings(received, part), 'an unwrapped private key came from the server').to.deep.equal([]);
      expect(foundEncodings(sent, part), 'an unwrapped private key was sent').to.deep.equal([]);
    }
    // Nor in the server's logs (debug level: every request) or its database.
    const logs = Buffer.from(t.logs.text());
    expect(logs.length).to.be.above(1_000);
    const stored = Buffer.from(
      JSON.stringify(await t.server.database.connection.collection('users').find({}).toArray()),
    );
    for (const password of [PASSWORD, NEW_PASSWORD, RESET_PASSWORD, `${PASSWORD}-typo`]) {
      expect(foundEncodings(logs, password)).to.deep.equal([]);
      expect(foundEncodings(stored, password)).to.deep.equal([]);
    }
    // The check itself finds what it looks for: the public identity key is in the answers.
    expect(foundEncodings(received, Buffer.from(keys.identity.publicKey))).to.not.deep.equal([]);
  });

  it('an admin signing in with a second factor sends no password either', async () => {
    const before = proxy.sent().length;
    const admin = sdkClient(t, { baseUrl: proxy.url });
    await admin.signIn({
      username: root.username,
      password: root.password,
      totp: await sdkTotp(t, root.totpSecret ?? ''),
    });
    const sent = proxy.sent().subarray(before);
    expect(sent.includes(Buffer.from('"totp"'))).to.equal(true);
    expect(foundEncodings(sent, root.password)).to.deep.equal([]);
  });
});
