import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { wrapForStorage } from '../../shared/crypto/key-wrap.js';
import { generateUserKeys, publicKeyBundle, type UserKeys } from '../../shared/crypto/keys.js';
import { generateRecoveryKey } from '../../shared/crypto/recovery-key.js';
import type { PublicKeyBundle } from '../../shared/crypto/verify-key-bundle.js';
import type { StoredWrappedKeys } from '../../shared/crypto/wrapped-keys-format.js';
import type {
  CreatedInvitation,
  Reauthentication,
  RegisterResponse,
  Session,
  UserView,
} from '../../shared/schemas/accounts.js';
import type { AwaitingSecondApproval } from '../../shared/schemas/dual-control.js';
import { issueBootstrapInvitation } from '../../server/modules/accounts/invitations.js';
import { startOpaqueLogin, startOpaqueRegistration, stretchingFor } from '../../client/sdk/opaque-client.js';
import { refusedProof } from '../../client/sdk/opaque-sign-in.js';
import { call } from './api.js';
import { completeWithSecondApprover } from './second-approver.js';
import type { TestServer } from './test-server.js';

/** argon2's minimums for OPAQUE's key stretching: the real parameters cost ~0.3–1 s per sign-in. */
export const FAST_STRETCHING = stretchingFor({ opsLimit: 1, memLimit: 8192 });
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
  /** OPAQUE's export key from the last registration or sign-in: it wraps the keys. */
  exportKey?: Uint8Array;
}

let counter = 0;
export const uniqueUsername = (prefix: string): string => `${prefix}${Date.now().toString(36)}${(counter += 1)}`;

/** What a browser sends at registration: fresh keys, wrapped under the export key (random when none is given) and a recovery key. */
export async function clientKeyMaterial(
  username: string,
  exportKey: Uint8Array = randomBytes(64),
): Promise<{ keys: UserKeys; bundle: PublicKeyBundle; wrappedKeys: StoredWrappedKeys; recoveryText: string }> {
  const keys = await generateUserKeys();
  const recovery = await generateRecoveryKey();
  return {
    keys,
    bundle: await publicKeyBundle(keys),
    wrappedKeys: await wrapForStorage(keys, exportKey, recovery.bytes, username),
    recoveryText: recovery.text,
  };
}

/** Registration's first round trip, as a browser makes it: the flow and the finished OPAQUE record with its export key. */
export async function opaqueRegistration(
  t: TestServer,
  token: string,
  username: string,
  password = STRONG_PASSWORD,
): Promise<{
  opaque: { flowId: string; registrationRecord: string; stretching: typeof FAST_STRETCHING };
  exportKey: Uint8Array;
}> {
  const registration = await startOpaqueRegistration(password);
  const started = await call<{ flowId: string; registrationResponse: string }>(
    t.url,
    'POST',
    '/api/registrations/start',
    { body: { token, username, registrationRequest: registration.registrationRequest } },
  );
  if (started.status !== 200)
    throw new Error(`registration start failed: ${started.status} ${JSON.stringify(started.body)}`);
  const { registrationRecord, exportKey } = await registration.finish(
    started.body.registrationResponse,
    FAST_STRETCHING,
  );
  return { opaque: { flowId: started.body.flowId, registrationRecord, stretching: FAST_STRETCHING }, exportKey };
}

export async function registerWithToken(
  t: TestServer,
  token: string,
  username = uniqueUsername('user'),
): Promise<TestPerson> {
  const { opaque, exportKey } = await opaqueRegistration(t, token, username);
  const material = await clientKeyMaterial(username, exportKey);
  const response = await call<RegisterResponse>(t.url, 'POST', '/api/registrations', {
    body: { token, username, opaque, keys: material.bundle, wrappedKeys: material.wrappedKeys },
  });
  if (response.status !== 201)
    throw new Error(`registration failed: ${response.status} ${JSON.stringify(response.body)}`);
  return {
    user: response.body.user,
    username,
    password: STRONG_PASSWORD,
    keys: material.keys,
    bundle: material.bundle,
    recoveryText: material.recoveryText,
    exportKey,
  };
}

/**
 * A sign-in as the SDK makes it (OPAQUE, two round trips), answering like one HTTP call: the
 * start's answer when it is refused, else the finish's (a wrong password sends a proof that fails).
 */
export async function signInCall<T = Session>(
  url: string,
  input: { username: string; password: string; totp?: string | undefined },
  userAgent?: string,
): Promise<{ status: number; body: T; headers?: Headers; exportKey?: Uint8Array }> {
  const login = await startOpaqueLogin(input.password);
  const started = await call<{ flowId: string; loginResponse: string; stretching: typeof FAST_STRETCHING }>(
    url,
    'POST',
    '/api/auth/sign-in/start',
    { body: { username: input.username, startLoginRequest: login.startLoginRequest } },
  );
  if (started.status !== 200) return started as unknown as { status: number; body: T };
  const finished = await login.finish(started.body.loginResponse, started.body.stretching);
  const response = await call<T>(url, 'POST', '/api/auth/sign-in/finish', {
    body: {
      flowId: started.body.flowId,
      finishLoginRequest: finished?.finishLoginRequest ?? refusedProof(),
      ...(input.totp ? { totp: input.totp } : {}),
    },
    ...(userAgent ? { userAgent } : {}),
  });
  return { ...response, ...(finished ? { exportKey: finished.exportKey } : {}) };
}

/** The current TOTP code per the server's clock, for a step after any used so far. */
export async function totpCode(t: TestServer, secret: string): Promise<string> {
  t.clock.advance(30_000); // every sign-in uses a fresh step: codes are single-use
  return generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
}

export async function signIn(t: TestServer, person: TestPerson): Promise<Session> {
  const totp = person.totpSecret ? await totpCode(t, person.totpSecret) : undefined;
  const response = await signInCall(t.url, { username: person.username, password: person.password, totp });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  if (response.exportKey) person.exportKey = response.exportKey;
  person.session = response.body;
  return response.body;
}

/**
 * The proof the server asks before the second factor or the keys are replaced: the password by an
 * OPAQUE login begun at /api/me/unlock/start, and the current authenticator code once enrolled.
 */
export async function reauthFor(
  t: TestServer,
  token: string | undefined,
  person: { password: string; totpSecret?: string | undefined },
): Promise<Reauthentication> {
  const login = await startOpaqueLogin(person.password);
  const started = await call<{ flowId: string; loginResponse: string; stretching: typeof FAST_STRETCHING }>(
    t.url,
    'POST',
    '/api/me/unlock/start',
    { token, body: { startLoginRequest: login.startLoginRequest } },
  );
  if (started.status !== 200) throw new Error(`unlock start failed: ${started.status} ${JSON.stringify(started.body)}`);
  const finished = await login.finish(started.body.loginResponse, started.body.stretching);
  const totp = person.totpSecret ? await totpCode(t, person.totpSecret) : undefined;
  return {
    proof: { flowId: started.body.flowId, finishLoginRequest: finished?.finishLoginRequest ?? refusedProof() },
    ...(totp ? { totp } : {}),
  };
}

/** Enrols TOTP for a signed-in person (admins must, to act). */
export async function enrolTotp(t: TestServer, person: TestPerson): Promise<void> {
  const token = person.session?.accessToken;
  const setup = await call<{ secret: string }>(t.url, 'POST', '/api/me/totp/setup', {
    token,
    body: { reauth: await reauthFor(t, token, person) },
  });
  if (setup.status !== 200) throw new Error(`TOTP setup failed: ${setup.status} ${JSON.stringify(setup.body)}`);
  const code = await generate({ secret: setup.body.secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
  const confirmed = await call(t.url, 'POST', '/api/me/totp/confirm', { token, body: { code } });
  if (confirmed.status !== 200)
    throw new Error(`TOTP confirm failed: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
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

export async function invite(
  t: TestServer,
  inviter: TestPerson,
  body: Record<string, unknown>,
): Promise<CreatedInvitation> {
  const response = await call<CreatedInvitation>(t.url, 'POST', '/api/invitations', {
    token: inviter.session?.accessToken,
    body,
  });
  if (response.status !== 201)
    throw new Error(`invitation failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * `admin` activates `person` after comparing the safety number; a national admin's activation
 * takes a second person, here the server's second secretariat member (test/helpers/second-approver.ts).
 */
export async function activate(t: TestServer, admin: TestPerson, person: TestPerson): Promise<UserView> {
  const response = await call<UserView | AwaitingSecondApproval>(
    t.url,
    'POST',
    `/api/users/${person.user.id}/activate`,
    {
      token: admin.session?.accessToken,
      body: { keyVersion: person.user.keys?.keyVersion ?? 1, safetyNumberCompared: true },
    },
  );
  if (response.status === 202 && response.body.status === 'awaiting-second-approval') {
    person.user = await completeWithSecondApprover(t, admin.session?.accessToken, response.body);
    return person.user;
  }
  if (response.status !== 200 || response.body.status === 'awaiting-second-approval')
    throw new Error(`activation failed: ${response.status} ${JSON.stringify(response.body)}`);
  person.user = response.body;
  return response.body;
}

/** The national admin's state takes part in these domains (needed before inviting focal points). */
export async function setParticipation(
  t: TestServer,
  admin: TestPerson,
  domains: string[] = ['border', 'law-enforcement', 'economic-crime', 'non-proliferation'],
): Promise<void> {
  const response = await call(t.url, 'PUT', `/api/states/${admin.user.state}/participation`, {
    token: admin.session?.accessToken,
    body: { domains },
  });
  if (response.status !== 200)
    throw new Error(`participation failed: ${response.status} ${JSON.stringify(response.body)}`);
}

/** An active national admin of `state`, with TOTP, signed in; the state takes part in `domains` (default: every domain). */
export async function activeNationalAdmin(
  t: TestServer,
  networkAdmin: TestPerson,
  state: string,
  domains?: string[],
): Promise<TestPerson> {
  const { token } = await invite(t, networkAdmin, { role: 'national-admin', state, displayName: `Admin ${state}` });
  const admin = await registerWithToken(t, token, uniqueUsername(`admin${state.toLowerCase()}`));
  await activate(t, networkAdmin, admin);
  await signIn(t, admin);
  await enrolTotp(t, admin);
  await setParticipation(t, admin, domains);
  return admin;
}

/** An active focal point of the admin's state, signed in. */
export async function activeFocalPoint(
  t: TestServer,
  nationalAdmin: TestPerson,
  domains: string[] = ['border'],
): Promise<TestPerson> {
  const { token } = await invite(t, nationalAdmin, {
    role: 'focal-point',
    state: nationalAdmin.user.state,
    domains,
    displayName: 'Focal point',
  });
  const person = await registerWithToken(t, token, uniqueUsername('fp'));
  await activate(t, nationalAdmin, person);
  await signIn(t, person);
  return person;
}
