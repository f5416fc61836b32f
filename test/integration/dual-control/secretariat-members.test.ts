import { expect } from 'chai';
import type { AwaitingSecondApproval, DualControlRequestView } from '../../../shared/schemas/dual-control.js';
import {
  bootstrapNetworkAdmin,
  enrolTotp,
  invite,
  registerWithToken,
  signIn,
  uniqueUsername,
  type TestPerson,
} from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

describe('dual control: giving or taking a secretariat member’s power takes two people once a second could approve', function () {
  this.timeout(120_000);
  let t: TestServer;
  let root: TestPerson;

  const as = (person: TestPerson) => ({ token: person.session?.accessToken });
  const statusOf = async (person: TestPerson) => (await t.server.accounts.users.findById(person.user.id))?.status;
  const pendingMember = async (name: string): Promise<TestPerson> => {
    const { token } = await invite(t, root, { role: 'network-admin', displayName: name });
    return registerWithToken(t, token, uniqueUsername('secretariat'));
  };
  const activate = (by: TestPerson, person: TestPerson) =>
    call<AwaitingSecondApproval & { status: string; error?: { code: string } }>(
      t.url,
      'POST',
      `/api/users/${person.user.id}/activate`,
      { ...as(by), body: { keyVersion: person.user.keys?.keyVersion ?? 1, safetyNumberCompared: true } },
    );
  const decide = (person: TestPerson, id: string, step: 'approve' | 'refuse') =>
    call<DualControlRequestView & { error?: { code: string } }>(t.url, 'POST', `/api/dual-control/${id}/${step}`, {
      ...as(person),
      ...(step === 'refuse' ? { body: { reason: 'not agreed' } } : {}),
    });
  const ready = async (person: TestPerson): Promise<TestPerson> => {
    await signIn(t, person);
    await enrolTotp(t, person);
    return person;
  };

  before(async () => {
    t = await startTestServer();
    root = await bootstrapNetworkAdmin(t);
  });
  after(async () => t.close());

  it('the founding member activates the second alone (nobody else could approve); from then on a third takes two, and the same person twice cannot', async () => {
    const second = await pendingMember('Second member');
    const alone = await activate(root, second);
    expect(alone.status, JSON.stringify(alone.body)).to.equal(200);
    expect(await statusOf(second)).to.equal('active');
    await ready(second);

    const third = await pendingMember('Third member');
    const first = await activate(root, third);
    expect(first.status).to.equal(202);
    expect(first.body.request).to.deep.include({
      kind: 'activate-secretariat-member',
      state: 'XS',
      approversAvailable: 1,
    });
    expect(await statusOf(third)).to.equal('pending-verification');
    expect((await decide(root, first.body.request.id, 'approve')).body.error?.code).to.equal(
      'dual-control.same-person',
    );
    expect(await statusOf(third)).to.equal('pending-verification');

    const approved = await decide(second, first.body.request.id, 'approve');
    expect(approved.status, JSON.stringify(approved.body)).to.equal(200);
    expect(await statusOf(third)).to.equal('active');
    const activated = (await t.server.auditEntries.list({ type: 'user.activated', limit: 100 })).find(
      (entry) => entry.subjectId === third.user.id,
    );
    expect(activated?.data).to.include({ requestedBy: root.user.id, approvedBy: second.user.id });
    expect(activated?.state).to.equal(null);
  });

  it('suspending a secretariat member waits for another member and is filed under the secretariat, not a state', async () => {
    const members = (await t.server.accounts.users.list({ role: 'network-admin', status: 'active' })).filter(
      (member) => member.id !== root.user.id,
    );
    const target = members.find((member) => member.displayName === 'Third member');
    const secondId = members.find((member) => member.displayName === 'Second member')?.id;
    expect(target && secondId).to.be.a('string');
    const asked = await call<AwaitingSecondApproval>(t.url, 'POST', `/api/users/${target?.id ?? ''}/suspend`, {
      ...as(root),
      body: { reason: 'left the secretariat' },
    });
    expect(asked.status).to.equal(202);
    expect(asked.body.request.kind).to.equal('suspend-secretariat-member');
    expect((await t.server.accounts.users.findById(target?.id ?? ''))?.status).to.equal('active');
    // The subject is not an approver of their own suspension.
    const pending = (await t.server.dualControl.requests.findPending('suspend-secretariat-member', target?.id ?? ''))!;
    expect(pending.state).to.equal('XS');
  });
});
