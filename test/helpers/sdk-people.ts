import { generate } from 'otplib';
import type { DomainCode } from '../../shared/schemas/labels.js';
import { isAwaitingSecondApproval } from '../../client/sdk/api/dual-control-api.js';
import { completeWithSecondApprover } from './second-approver.js';
import { sdkRegister, sdkSignIn, type SdkPerson } from './sdk.js';
import type { TestServer } from './test-server.js';

export interface SdkMember extends SdkPerson {
  id: string;
}

/** Registers with `token`, is activated by `verifier`, and signs in again with keys unlocked. */
async function registerAndActivate(
  t: TestServer,
  verifier: SdkPerson,
  token: string,
  prefix: string,
): Promise<SdkMember> {
  const person = await sdkRegister(t, token, prefix);
  await sdkSignIn(t, person);
  const id = person.client.session.current()?.user.id ?? '';
  const activated = await verifier.client.users.activate(id, { keyVersion: 1, safetyNumberCompared: true });
  // A national admin's activation takes a second person: the server's second secretariat member.
  if (isAwaitingSecondApproval(activated))
    await completeWithSecondApprover(t, verifier.client.session.current()?.accessToken, activated);
  await sdkSignIn(t, person);
  await person.client.unlockKeys({ password: person.password });
  return Object.assign(person, { id });
}

/** An active national admin of `state` with TOTP, entirely through the SDK; the state takes part in `domains`. */
export async function sdkNationalAdmin(
  t: TestServer,
  root: SdkPerson,
  state: string,
  domains: DomainCode[] = ['border', 'law-enforcement', 'economic-crime', 'non-proliferation'],
): Promise<SdkMember> {
  const { token } = await root.client.invitations.create({
    role: 'national-admin',
    state,
    displayName: `Admin ${state}`,
  });
  const admin = await registerAndActivate(t, root, token, `admin${state.toLowerCase()}`);
  const { secret } = await admin.client.me.startTotpSetup({ password: admin.password });
  await admin.client.me.confirmTotp(await generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) }));
  admin.totpSecret = secret;
  await admin.client.states.setParticipation(state, domains);
  return admin;
}

/** An active focal point of the admin's state for `domains`, signed in through the SDK with keys unlocked. */
export async function sdkFocalPoint(t: TestServer, admin: SdkMember, domains: DomainCode[]): Promise<SdkMember> {
  const state = admin.client.session.current()?.user.state ?? '';
  const { token } = await admin.client.invitations.create({
    role: 'focal-point',
    state,
    domains,
    displayName: 'Focal point',
  });
  return registerAndActivate(t, admin, token, `fp${state.toLowerCase()}`);
}
