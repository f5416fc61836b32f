import { expect } from 'chai';
import { isCryptoError } from '../../../shared/crypto/errors.js';
import { STRONG_PASSWORD, uniqueUsername } from '../../helpers/accounts.js';
import { FAST_KDF, sdkClient, sdkNetworkAdmin, sdkSignIn, type SdkPerson } from '../../helpers/sdk.js';
import { sdkNationalAdmin, type SdkMember } from '../../helpers/sdk-people.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { auditEntry } from '../../helpers/audit.js';

describe('client SDK: the recovery key is confirmed before the account exists, and can be replaced', function () {
  this.timeout(60_000);
  let t: TestServer;
  let root: SdkPerson;
  let kzAdmin: SdkMember;
  before(async () => {
    t = await startTestServer();
    root = await sdkNetworkAdmin(t);
    kzAdmin = await sdkNationalAdmin(t, root, 'KZ', ['border']);
  });
  after(() => t.close());

  const invite = async () =>
    (
      await kzAdmin.client.invitations.create({
        role: 'focal-point',
        state: 'KZ',
        domains: ['border'],
        displayName: 'Desk',
      })
    ).token;

  it('registers only once the newcomer typed the key back; the admin sees who never did', async () => {
    const token = await invite();
    const client = sdkClient(t);
    const username = uniqueUsername('fp');
    let shown = '';
    // Giving up at the recovery key registers nothing: the invitation stays open.
    const gaveUp = await client
      .registerWithInvitation({
        token,
        username,
        password: STRONG_PASSWORD,
        kdfLimits: FAST_KDF,
        confirmRecoveryKey: async () => {
          throw new Error('closed the page');
        },
      })
      .catch((e: unknown) => e);
    expect(String(gaveUp)).to.contain('closed the page');
    expect(await t.server.accounts.users.findByUsername(username)).to.equal(undefined);

    const registration = await client.registerWithInvitation({
      token,
      username,
      password: STRONG_PASSWORD,
      kdfLimits: FAST_KDF,
      confirmRecoveryKey: async (recoveryKeyText) => {
        shown = recoveryKeyText;
        expect(await t.server.accounts.users.findByUsername(username)).to.equal(undefined); // not yet
      },
    });
    expect(shown).to.equal(registration.recoveryKeyText);
    expect(registration.user.recoveryKeyConfirmed).to.equal(true);

    const unconfirmed = await sdkClient(t).registerWithInvitation({
      token: await invite(),
      username: uniqueUsername('fp'),
      password: STRONG_PASSWORD,
      kdfLimits: FAST_KDF,
    });
    expect(unconfirmed.user.recoveryKeyConfirmed).to.equal(false);
    const people = await kzAdmin.client.users.list({ state: 'KZ' });
    expect(people.find((p) => p.id === registration.user.id)?.recoveryKeyConfirmed).to.equal(true);
    expect(people.find((p) => p.id === unconfirmed.user.id)?.recoveryKeyConfirmed).to.equal(false);
  });

  it('a new recovery key replaces the old one, which stops working; the account shows it confirmed', async () => {
    const client = sdkClient(t);
    const username = uniqueUsername('fp');
    const registration = await client.registerWithInvitation({
      token: await invite(),
      username,
      password: STRONG_PASSWORD,
      kdfLimits: FAST_KDF,
    });
    const person: SdkPerson = {
      client,
      username,
      password: STRONG_PASSWORD,
      recoveryKeyText: registration.recoveryKeyText,
    };
    await sdkSignIn(t, person);
    await client.unlockKeys({ password: STRONG_PASSWORD });
    expect(client.session.current()?.user.recoveryKeyConfirmed).to.equal(false);

    let fresh = '';
    const updated = await client.newRecoveryKey(async (text) => {
      fresh = text;
    });
    expect(updated.recoveryKeyConfirmed).to.equal(true);
    expect(fresh)
      .to.match(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/)
      .and.not.equal(registration.recoveryKeyText);

    const elsewhere = sdkClient(t);
    await elsewhere.signIn({ username, password: STRONG_PASSWORD });
    const old = await elsewhere.unlockKeys({ recoveryKeyText: registration.recoveryKeyText }).catch((e: unknown) => e);
    expect(isCryptoError(old, 'crypto.wrong-recovery-key'), String(old)).to.equal(true);
    const keys = await elsewhere.unlockKeys({ recoveryKeyText: fresh });
    expect(keys.identity.publicKey).to.deep.equal(registration.keys.identity.publicKey);
    const audit = await auditEntry(t, { type: 'user.recovery-key-replaced', subjectId: registration.user.id });
    expect(audit).to.not.equal(undefined);

    // Without unlocked keys there is nothing to wrap under a new key.
    const locked = await sdkClient(t)
      .newRecoveryKey(async () => undefined)
      .catch((e: unknown) => e);
    expect(locked).to.have.property('code', 'auth.unauthenticated');
  });
});
