import { generate } from 'otplib';
import { wrapWithPassphrase, wrapWithRecoveryKey } from '../../shared/crypto/key-wrap.js';
import { generateUserKeys, publicKeyBundle, type UserKeys } from '../../shared/crypto/keys.js';
import { generateRecoveryKey } from '../../shared/crypto/recovery-key.js';
import type { PublicKeyBundle } from '../../shared/crypto/verify-key-bundle.js';
import type { StoredWrappedKeys } from '../../shared/crypto/wrapped-keys-format.js';
import type { CreatedInvitation, RegisterResponse, Session, UserView } from '../../shared/schemas/accounts.js';
import { issueBootstrapInvitation } from '../../server/modules/accounts/invitations.js';
import { call } from './api.js';
import type { TestServer } from './test-server.js';

/** libsodium's argon2id minimums: the real parameters cost ~0.5 s per wrap. */
const FAST_KDF = { opsLimit: 1, memLimit: 8192 };
export const STRONG_PASSWORD = 'violet-harbour-tractor-lantern-42';

export interface TestPerson {
  user: UserView;
  username: string;
  password: string;
  keys: UserKeys;
  bundle: PublicKeyBundle;
  totpSecret?: string;
  session?: Session;
  /** The recovery key as shown once at registration. */
  recoveryText?: string;
}

let counter = 0;
export const uniqueUsername = (prefix: string): string => `${prefix}${Date.now().toString(36)}${(counter += 1)}`;

/** What a browser sends at registration: fresh keys, wrapped under the passphrase and a recovery key. */
export async function clientKeyMaterial(username: string, passphrase = STRONG_PASSWORD): Promise<{ keys: UserKeys; bundle: PublicKeyBundle; wrappedKeys: StoredWrappedKeys; recoveryText: string }> {
  const keys = await generateUserKeys();
  const recovery = await generateRecoveryKey();
  return {
    keys,
    bundle: await publicKeyBundle(keys),
    wrappedKeys: { passphrase: await wrapWithPassphrase(keys, passphrase, username, FAST_KDF), recovery: await wrapWithRecoveryKey(keys, recovery.bytes, username) },
    recoveryText: recovery.text,
  };
}

export async function registerWithToken(t: TestServer, token: string, username = uniqueUsername('user')): Promise<TestPerson> {
  const material = await clientKeyMaterial(username);
  const response = await call<RegisterResponse>(t.url, 'POST', '/api/registrations', {
    body: { token, username, password: STRONG_PASSWORD, keys: material.bundle, wrappedKeys: material.wrappedKeys },
  });
  if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { user: response.body.user, username, password: STRONG_PASSWORD, keys: material.keys, bundle: material.bundle, recoveryText: material.recoveryText };
}

/** The current TOTP code per the server's clock, for a step after any used so far. */
export async function totpCode(t: TestServer, secret: string): Promise<string> {
  t.clock.advance(30_000); // every sign-in uses a fresh step: codes are single-use
  return generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
}

export async function signIn(t: TestServer, person: TestPerson): Promise<Session> {
  const totp = person.totpSecret ? await totpCode(t, person.totpSecret) : undefined;
  const response = await call<Session>(t.url, 'POST', '/api/auth/sign-in', { body: { username: person.username, password: person.password, ...(totp ? { totp } : {}) } });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  person.session = response.body;
  return response.body;
}

/** Enrols TOTP for a signed-in person (admins must, to act). */
export async function enrolTotp(t: TestServer, person: TestPerson): Promise<void> {
  const token = person.session?.accessToken;
  const setup = await call<{ secret: string }>(t.url, 'POST', '/api/me/totp/setup', { token });
  if (setup.status !== 200) throw new Error(`TOTP setup failed: ${setup.status} ${JSON.stringify(setup.body)}`);
  const code = await generate({ secret: setup.body.secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
  const confirmed = await call(t.url, 'POST', '/api/me/totp/confirm', { token, body: { code } });
  if (confirmed.status !== 200) throw new Error(`TOTP confirm failed: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  person.totpSecret = setup.body.secret;
}

/** The first network admin: bootstrap link, registration, sign-in, TOTP. */
export async function bootstrapNetworkAdmin(t: TestServer): Promise<TestPerson> {
  const { token } = await issueBootstrapInvitation(t.server.accounts);
  const admin = await registerWithToken(t, token, uniqueUsername('netadmin'));
  await signIn(t, admin);
  await enrolTotp(t, admin);
  return admin;
}

export async function invite(t: TestServer, inviter: TestPerson, body: Record<string, unknown>): Promise<CreatedInvitation> {
  const response = await call<CreatedInvitation>(t.url, 'POST', '/api/invitations', { token: inviter.session?.accessToken, body });
  if (response.status !== 201) throw new Error(`invitation failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function activate(t: TestServer, admin: TestPerson, person: TestPerson): Promise<UserView> {
  const response = await call<UserView>(t.url, 'POST', `/api/users/${person.user.id}/activate`, {
    token: admin.session?.accessToken,
    body: { keyVersion: person.user.keys?.keyVersion ?? 1, safetyNumberCompared: true },
  });
  if (response.status !== 200) throw new Error(`activation failed: ${response.status} ${JSON.stringify(response.body)}`);
  person.user = response.body;
  return response.body;
}

/** The national admin's state takes part in these domains (needed before inviting focal points). */
export async function setParticipation(t: TestServer, admin: TestPerson, domains: string[] = ['border', 'law-enforcement', 'economic-crime', 'non-proliferation']): Promise<void> {
  const response = await call(t.url, 'PUT', `/api/states/${admin.user.state}/participation`, { token: admin.session?.accessToken, body: { domains } });
  if (response.status !== 200) throw new Error(`participation failed: ${response.status} ${JSON.stringify(response.body)}`);
}

/** An active national admin of `state`, with TOTP, signed in; the state takes part in every domain. */
export async function activeNationalAdmin(t: TestServer, networkAdmin: TestPerson, state: string): Promise<TestPerson> {
  const { token } = await invite(t, networkAdmin, { role: 'national-admin', state, displayName: `Admin ${state}` });
  const admin = await registerWithToken(t, token, uniqueUsername(`admin${state.toLowerCase()}`));
  await activate(t, networkAdmin, admin);
  await signIn(t, admin);
  await enrolTotp(t, admin);
  await setParticipation(t, admin);
  return admin;
}

/** An active focal point of the admin's state, signed in. */
export async function activeFocalPoint(t: TestServer, nationalAdmin: TestPerson, domains: string[] = ['border']): Promise<TestPerson> {
  const { token } = await invite(t, nationalAdmin, { role: 'focal-point', state: nationalAdmin.user.state, domains, displayName: 'Focal point' });
  const person = await registerWithToken(t, token, uniqueUsername('fp'));
  await activate(t, nationalAdmin, person);
  await signIn(t, person);
  return person;
}
