import { expect } from 'chai';
import { fromBase64Url, toBase64Url } from '../../../shared/crypto/encoding.js';
import { isCryptoError } from '../../../shared/crypto/errors.js';
import { safetyNumber } from '../../../shared/crypto/safety-number.js';
import { ENROLMENT_STEPS, type EnrolmentStep } from '../../../client/sdk/index.js';
import { secondPersonApproves } from '../../helpers/second-approver.js';
import { STRONG_PASSWORD, uniqueUsername } from '../../helpers/accounts.js';
import { startSdkNetwork } from '../../helpers/network.js';
import { FAST_KDF, sdkClient, sdkSignIn, type SdkPerson } from '../../helpers/sdk.js';
import type { TestServer } from '../../helpers/test-server.js';

describe('client SDK: onboarding and keys', function () {
  this.timeout(60_000);
  let t: TestServer;
  let root: SdkPerson;
  before(async () => {
    ({ t, root } = await startSdkNetwork());
  });
  after(async () => t.close());

  it('register → the admin compares safety numbers and activates → sign in → unlock with password and recovery key', async () => {
    const created = await root.client.invitations.create({
      role: 'national-admin',
      state: 'KZ',
      displayName: 'Aigerim N.',
    });
    expect(created.link).to.match(/\/invite#[A-Za-z0-9_-]{43}$/);
    const preview = await sdkClient(t).invitations.preview(created.token);
    expect(preview).to.include({ role: 'national-admin', state: 'KZ', displayName: 'Aigerim N.' });

    const newcomer = sdkClient(t);
    const steps: EnrolmentStep[] = [];
    const username = uniqueUsername('KzAdmin'); // mixed case: the server lower-cases, the SDK must wrap under the same name
    const registration = await newcomer.registerWithInvitation({
      token: created.token,
      username,
      password: STRONG_PASSWORD,
      kdfLimits: FAST_KDF,
      onProgress: (step) => steps.push(step),
    });
    expect(steps).to.deep.equal([...ENROLMENT_STEPS]);
    expect(registration.user).to.include({
      status: 'pending-verification',
      role: 'national-admin',
      state: 'KZ',
      username: username.toLowerCase(),
    });
    expect(registration.recoveryKeyText).to.match(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/);
    expect(registration.user.keys?.identityKey).to.equal(toBase64Url(registration.keys.identity.publicKey));
    expect(newcomer.keyStore.get()?.keys).to.equal(registration.keys);

    // Both sides compute the safety number from what the server told them; they must agree.
    const rootUser = root.client.session.current()?.user;
    const verifier = registration.verifiers[0];
    expect(verifier?.id).to.equal(rootUser?.id);
    const seenByNewcomer = await safetyNumber(
      { userId: registration.user.id, identityKey: registration.keys.identity.publicKey },
      { userId: verifier?.id ?? '', identityKey: fromBase64Url(verifier?.identityKey ?? '') },
    );
    const [pending] = await root.client.users.list({ status: 'pending-verification' });
    const seenByAdmin = await safetyNumber(
      { userId: rootUser?.id ?? '', identityKey: fromBase64Url(rootUser?.keys?.identityKey ?? '') },
      { userId: pending?.id ?? '', identityKey: fromBase64Url(pending?.keys?.identityKey ?? '') },
    );
    expect(seenByAdmin.text).to.equal(seenByNewcomer.text);
    const asked = await root.client.users.activate(pending?.id ?? '', {
      keyVersion: pending?.keys?.keyVersion ?? 0,
      safetyNumberCompared: true,
    });
    // A national admin: the comparison is the first step, a second secretariat member approves.
    expect(asked.status).to.equal('awaiting-second-approval');
    await secondPersonApproves(t, root.client.session.current()?.accessToken, asked);
    expect((await root.client.users.get(pending?.id ?? '')).status).to.equal('active');

    const person: SdkPerson = {
      client: sdkClient(t),
      username,
      password: STRONG_PASSWORD,
      recoveryKeyText: registration.recoveryKeyText,
    };
    await sdkSignIn(t, person);
    expect(person.client.session.current()?.user.status).to.equal('active');
    expect(person.client.keyStore.get()).to.equal(undefined);
    const byPassword = await person.client.unlockKeys({ password: STRONG_PASSWORD });
    expect(toBase64Url(byPassword.identity.privateKey)).to.equal(toBase64Url(registration.keys.identity.privateKey));
    expect(toBase64Url(byPassword.encryption.privateKey)).to.equal(
      toBase64Url(registration.keys.encryption.privateKey),
    );

    const elsewhere: SdkPerson = { ...person, client: sdkClient(t) };
    await sdkSignIn(t, elsewhere);
    const byRecovery = await elsewhere.client.unlockKeys({
      recoveryKeyText: registration.recoveryKeyText.toLowerCase().replace(/-/g, ' '),
    });
    expect(toBase64Url(byRecovery.identity.publicKey)).to.equal(registration.user.keys?.identityKey);
    expect(elsewhere.client.keyStore.get()?.username).to.equal(username.toLowerCase());
  });

  it('a wrong password or a mistyped recovery key is a typed crypto error, and nothing is unlocked', async () => {
    const created = await root.client.invitations.create({
      role: 'national-admin',
      state: 'UZ',
      displayName: 'Dilshod K.',
    });
    const person: SdkPerson = {
      client: sdkClient(t),
      username: uniqueUsername('uz'),
      password: STRONG_PASSWORD,
      recoveryKeyText: '',
    };
    person.recoveryKeyText = (
      await person.client.registerWithInvitation({
        token: created.token,
        username: person.username,
        password: STRONG_PASSWORD,
        kdfLimits: FAST_KDF,
      })
    ).recoveryKeyText;
    person.client.keyStore.clear();
    await sdkSignIn(t, person);

    const wrong = await person.client.unlockKeys({ password: 'not-the-password-at-all' }).catch((e: unknown) => e);
    expect(isCryptoError(wrong, 'crypto.wrong-passphrase'), String(wrong)).to.equal(true);
    const last = person.recoveryKeyText.slice(-1);
    const typo = `${person.recoveryKeyText.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
    const mistyped = await person.client.unlockKeys({ recoveryKeyText: typo }).catch((e: unknown) => e);
    expect(isCryptoError(mistyped, 'crypto.recovery-key-typo'), String(mistyped)).to.equal(true);
    expect(person.client.keyStore.get()).to.equal(undefined);
  });

  it('signing out forgets the tokens and wipes the unlocked keys', async () => {
    const created = await root.client.invitations.create({
      role: 'national-admin',
      state: 'TJ',
      displayName: 'Farrukh S.',
    });
    const client = sdkClient(t);
    const username = uniqueUsername('tj');
    const { keys } = await client.registerWithInvitation({
      token: created.token,
      username,
      password: STRONG_PASSWORD,
      kdfLimits: FAST_KDF,
    });
    await client.signIn({ username, password: STRONG_PASSWORD });
    expect(client.keyStore.get()).to.not.equal(undefined); // the same person: keys made at registration stay unlocked
    await client.signOut();
    expect(client.session.current()).to.equal(undefined);
    expect(client.keyStore.get()).to.equal(undefined);
    expect(keys.identity.privateKey.every((byte) => byte === 0)).to.equal(true);
  });
});
