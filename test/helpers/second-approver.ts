import type { UserView } from '../../shared/schemas/accounts.js';
import type { AwaitingSecondApproval, DualControlRequestView } from '../../shared/schemas/dual-control.js';
import { activate, invite, registerWithToken, signIn, enrolTotp, uniqueUsername, type TestPerson } from './accounts.js';
import { isAwaitingSecondApproval } from '../../client/sdk/api/dual-control-api.js';
import { call } from './api.js';
import type { TestServer } from './test-server.js';

const members = new WeakMap<TestServer, Promise<TestPerson>>();

/**
 * Another secretariat member, made once per test server by `inviterToken`'s network admin: the
 * second approver the network helpers use for actions on national admins (two people, #23).
 */
export function secondSecretariatMember(t: TestServer, inviterToken: string | undefined): Promise<TestPerson> {
  let member = members.get(t);
  if (!member) {
    member = (async () => {
      const inviter = { session: { accessToken: inviterToken ?? '' } } as unknown as TestPerson;
      const { token } = await invite(t, inviter, { role: 'network-admin', displayName: 'Secretariat approver' });
      const person = await registerWithToken(t, token, uniqueUsername('netadmin2'));
      await activate(t, inviter, person);
      await signIn(t, person);
      await enrolTotp(t, person);
      return person;
    })();
    members.set(t, member);
    member.catch(() => members.delete(t));
  }
  return member;
}

/** `approver` approves request `id`; a session that ran out (tests move the clock) is renewed once. */
export async function approveSecondStep(
  t: TestServer,
  approver: TestPerson,
  id: string,
): Promise<DualControlRequestView> {
  const post = () =>
    call<DualControlRequestView>(t.url, 'POST', `/api/dual-control/${id}/approve`, {
      token: approver.session?.accessToken,
    });
  let response = await post();
  if (response.status === 401) {
    await signIn(t, approver);
    response = await post();
  }
  if (response.status !== 200)
    throw new Error(`second approval failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * The server's second secretariat member approves what `first` asked for (an answer
 * `awaiting-second-approval`); answers the decided request.
 */
export async function secondPersonApproves(
  t: TestServer,
  requesterToken: string | undefined,
  first: object,
): Promise<DualControlRequestView> {
  if (!isAwaitingSecondApproval(first))
    throw new Error(`expected a first step waiting for a second person: ${JSON.stringify(first)}`);
  return approveSecondStep(t, await secondSecretariatMember(t, requesterToken), first.request.id);
}

/** Carries out a first step answered 202 with the per-server second secretariat member; answers the subject after. */
export async function completeWithSecondApprover(
  t: TestServer,
  requesterToken: string | undefined,
  awaiting: AwaitingSecondApproval,
): Promise<UserView> {
  const second = await secondSecretariatMember(t, requesterToken);
  await approveSecondStep(t, second, awaiting.request.id);
  const subject = await call<UserView>(t.url, 'GET', `/api/users/${awaiting.request.subjectId}`, {
    token: second.session?.accessToken,
  });
  if (subject.status !== 200) throw new Error(`reading the subject failed: ${subject.status}`);
  return subject.body;
}
