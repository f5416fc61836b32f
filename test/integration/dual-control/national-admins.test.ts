import { expect } from 'chai';
import type { Alert } from '../../../shared/schemas/alerts.js';
import type { UserView } from '../../../shared/schemas/accounts.js';
import type { AwaitingSecondApproval, DualControlRequestView } from '../../../shared/schemas/dual-control.js';
import type { AlertChannelFactory } from '../../../server/composition/alerts.js';
import { sweepDualControl } from '../../../server/modules/dual-control/sweep-requests.js';
import {
  activeFocalPoint,
  activeNationalAdmin,
  bootstrapNetworkAdmin,
  enrolTotp,
  invite,
  registerWithToken,
  signIn,
  uniqueUsername,
  type TestPerson,
} from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { socketOf } from '../../helpers/messaging.js';
import { eventually } from '../../helpers/server-process.js';
import { secondSecretariatMember } from '../../helpers/second-approver.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const HOUR = 3_600_000;

function recordingChannel(): { factory: AlertChannelFactory; seen: Array<{ alert: Alert; userIds: string[] }> } {
  const seen: Array<{ alert: Alert; userIds: string[] }> = [];
  return {
    seen,
    factory: () => ({
      name: 'recording',
      accept: async (alert, audience) => void seen.push({ alert, userIds: audience.userIds }),
      drain: async () => ({ sent: 0, retried: 0, failed: 0 }),
    }),
  };
}

describe('dual control: two people to activate, suspend, reactivate or remove a national admin', function () {
  this.timeout(120_000);
  let t: TestServer;
  let root: TestPerson;
  let second: TestPerson;
  let kzAdmin: TestPerson;
  let ruAdmin: TestPerson;
  let kzFocal: TestPerson;
  const recording = recordingChannel();

  const as = (person: TestPerson) => ({ token: person.session?.accessToken });
  const firstStep = (person: TestPerson, method: 'POST' | 'DELETE', path: string, body?: unknown) =>
    call<AwaitingSecondApproval & { error?: { code: string } }>(t.url, method, path, {
      ...as(person),
      ...(body === undefined ? {} : { body }),
    });
  const decide = (person: TestPerson, id: string, step: 'approve' | 'refuse' | 'cancel', body?: unknown) =>
    call<DualControlRequestView & { error?: { code: string } }>(t.url, 'POST', `/api/dual-control/${id}/${step}`, {
      ...as(person),
      ...(body === undefined ? {} : { body }),
    });
  /** As stored: a removed person is no longer answered by the API. */
  const userOf = async (id: string): Promise<Pick<UserView, 'status'>> =>
    (await t.server.accounts.users.findById(id)) ?? { status: 'removed' };
  const auditOf = async (subjectId: string) =>
    (await t.server.auditEntries.list({ limit: 10_000 })).filter((entry) => entry.subjectId === subjectId);

  /** A national admin of `state` registered and waiting for verification. */
  async function pendingAdmin(state: string): Promise<TestPerson> {
    const { token } = await invite(t, root, { role: 'national-admin', state, displayName: `New admin ${state}` });
    return registerWithToken(t, token, uniqueUsername(`admin${state.toLowerCase()}`));
  }
  const activationOf = (person: TestPerson) =>
    firstStep(root, 'POST', `/api/users/${person.user.id}/activate`, {
      keyVersion: person.user.keys?.keyVersion ?? 1,
      safetyNumberCompared: true,
    });

  before(async () => {
    t = await startTestServer({}, { alertChannels: [recording.factory] });
    root = await bootstrapNetworkAdmin(t);
    second = await secondSecretariatMember(t, root.session?.accessToken);
    kzAdmin = await activeNationalAdmin(t, root, 'KZ');
    ruAdmin = await activeNationalAdmin(t, root, 'RU');
    kzFocal = await activeFocalPoint(t, kzAdmin);
  });
  after(async () => t.close());

  it('one person alone cannot activate a national admin: the first step waits, the same step again answers the same request', async () => {
    const newcomer = await pendingAdmin('KZ');
    recording.seen.splice(0);
    const asked = await activationOf(newcomer);
    expect(asked.status).to.equal(202);
    expect(asked.body.status).to.equal('awaiting-second-approval');
    expect(asked.body.request).to.include({
      kind: 'activate-national-admin',
      subjectId: newcomer.user.id,
      state: 'KZ',
      requestedBy: root.user.id,
      status: 'pending',
      youMayDecide: false,
    });
    expect(asked.body.request.payload).to.deep.equal({ keyVersion: 1, safetyNumberCompared: true });
    const waited =
      new Date(asked.body.request.expiresAt).getTime() - new Date(asked.body.request.requestedAt).getTime();
    expect(waited).to.equal(72 * HOUR);
    expect((await userOf(newcomer.user.id)).status).to.equal('pending-verification');

    const again = await activationOf(newcomer);
    expect(again.status).to.equal(202);
    expect(again.body.request.id).to.equal(asked.body.request.id);

    const alone = await decide(root, asked.body.request.id, 'approve');
    expect(alone.status).to.equal(409);
    expect(alone.body.error?.code).to.equal('dual-control.same-person');
    expect((await userOf(newcomer.user.id)).status).to.equal('pending-verification');

    // The state's national admins and every other secretariat member hear of it; the one who asked does not.
    const heard = recording.seen.filter((s) => s.alert.kind === 'dual-control.waiting');
    expect(heard.map((s) => s.alert.refs.dualControlId)).to.deep.equal([asked.body.request.id, asked.body.request.id]);
    expect(heard.map((s) => s.alert.userId)).to.have.members([kzAdmin.user.id, second.user.id]);
    const audience = heard.flatMap((s) => s.userIds);
    expect(audience).to.include.members([kzAdmin.user.id, second.user.id]);
    expect(audience).not.to.include(root.user.id);
    expect(audience).not.to.include(ruAdmin.user.id);
  });

  it('a focal point, an admin of another state and the subject are not eligible; an active national admin of the state approves', async () => {
    const newcomer = await pendingAdmin('KZ');
    const { body } = await activationOf(newcomer);
    const id = body.request.id;
    for (const outsider of [kzFocal, ruAdmin]) {
      const refused = await decide(outsider, id, 'approve');
      expect(refused.status, outsider.user.role).to.equal(403);
      expect(refused.body.error?.code).to.equal('dual-control.not-eligible');
    }
    const listed = await call<DualControlRequestView[]>(t.url, 'GET', '/api/dual-control', as(kzAdmin));
    expect(listed.body.find((r) => r.id === id)).to.include({
      youMayDecide: true,
      requestedByName: root.user.displayName,
    });
    const ruList = await call<DualControlRequestView[]>(t.url, 'GET', '/api/dual-control', as(ruAdmin));
    expect(ruList.body.map((r) => r.id)).not.to.include(id);

    const approved = await decide(kzAdmin, id, 'approve');
    expect(approved.status).to.equal(200);
    expect(approved.body).to.include({ status: 'approved', decidedBy: kzAdmin.user.id });
    const activated = await userOf(newcomer.user.id);
    expect(activated.status).to.equal('active');

    const trail = await auditOf(newcomer.user.id);
    const types = trail.map((entry) => entry.type);
    expect(types).to.include.members(['dual-control.requested', 'dual-control.approved', 'user.activated']);
    const activation = trail.find((entry) => entry.type === 'user.activated');
    expect(activation?.actorId).to.equal(kzAdmin.user.id);
    expect(activation?.data).to.include({ requestedBy: root.user.id, approvedBy: kzAdmin.user.id, dualControlId: id });

    const twice = await decide(second, id, 'approve');
    expect(twice.status).to.equal(409);
    expect(twice.body.error?.code).to.equal('dual-control.already-decided');
    // Someone who may not decide learns nothing of its fate.
    expect((await decide(ruAdmin, id, 'approve')).body.error?.code).to.equal('dual-control.not-eligible');
  });

  it('another secretariat member approves a suspension; the subject cannot approve their own', async () => {
    const subject = await pendingAdmin('KZ');
    const { body } = await activationOf(subject);
    await decide(kzAdmin, body.request.id, 'approve');
    await signIn(t, subject);
    await enrolTotp(t, subject);

    recording.seen.splice(0);
    const asked = await firstStep(root, 'POST', `/api/users/${subject.user.id}/suspend`, { reason: 'lost laptop' });
    expect(asked.status).to.equal(202);
    expect(asked.body.request).to.include({ kind: 'suspend-national-admin' });
    expect(asked.body.request.payload).to.deep.equal({ reason: 'lost laptop' });
    expect((await userOf(subject.user.id)).status).to.equal('active');

    const own = await decide(subject, asked.body.request.id, 'approve');
    expect(own.status).to.equal(403);
    expect(own.body.error?.code).to.equal('dual-control.not-eligible');
    // Nor are they warned: their state's list and the request itself are not shown to them, nor alerted.
    const theirList = await call<DualControlRequestView[]>(t.url, 'GET', '/api/dual-control', as(subject));
    expect(theirList.body.map((r) => r.id)).not.to.include(asked.body.request.id);
    const theirView = await call(t.url, 'GET', `/api/dual-control/${asked.body.request.id}`, as(subject));
    expect(theirView.status).to.equal(404);
    expect(recording.seen.flatMap((s) => s.userIds)).not.to.include(subject.user.id);

    const approved = await decide(second, asked.body.request.id, 'approve');
    expect(approved.status).to.equal(200);
    expect((await userOf(subject.user.id)).status).to.equal('suspended');
    const suspension = (await auditOf(subject.user.id)).find((entry) => entry.type === 'user.suspended');
    expect(suspension?.data).to.include({
      reason: 'lost laptop',
      requestedBy: root.user.id,
      approvedBy: second.user.id,
    });

    // Lifting the suspension takes two as well; a refusal leaves it in place.
    const lift = await firstStep(root, 'POST', `/api/users/${subject.user.id}/reactivate`);
    expect(lift.status).to.equal(202);
    const refused = await decide(kzAdmin, lift.body.request.id, 'refuse', { reason: 'not before the inquiry ends' });
    expect(refused.status).to.equal(200);
    expect(refused.body).to.include({ status: 'refused', comment: 'not before the inquiry ends' });
    expect((await userOf(subject.user.id)).status).to.equal('suspended');
    expect((await auditOf(subject.user.id)).map((entry) => entry.type)).to.include('dual-control.refused');

    // Removal: asked, withdrawn by the one who asked (no one else may withdraw it), asked again, approved.
    const removal = await firstStep(root, 'DELETE', `/api/users/${subject.user.id}`);
    expect(removal.status).to.equal(202);
    expect((await decide(kzAdmin, removal.body.request.id, 'cancel')).body.error?.code).to.equal(
      'dual-control.not-eligible',
    );
    expect((await decide(root, removal.body.request.id, 'cancel')).body.status).to.equal('cancelled');
    const again = await firstStep(root, 'DELETE', `/api/users/${subject.user.id}`);
    expect(again.body.request.id).not.to.equal(removal.body.request.id);
    expect((await decide(kzAdmin, again.body.request.id, 'approve')).status).to.equal(200);
    expect((await userOf(subject.user.id)).status).to.equal('removed');
  });

  it("the secretariat's open pages follow each request made and decided (people:updated)", async () => {
    const socket = await socketOf(t, second);
    const heard: string[] = [];
    socket.on('people:updated', (event) => heard.push(event.id));
    try {
      const newcomer = await pendingAdmin('KZ');
      await eventually(async () => heard.includes(newcomer.user.id), 5_000, 'the registration heard');
      heard.splice(0);
      const { body } = await activationOf(newcomer);
      await eventually(async () => heard.includes(newcomer.user.id), 5_000, 'the first step heard');
      heard.splice(0);
      await decide(kzAdmin, body.request.id, 'refuse', { reason: 'call again tomorrow' });
      await eventually(async () => heard.includes(newcomer.user.id), 5_000, 'the refusal heard');
    } finally {
      socket.close();
    }
  });

  it('a focal point is still activated by their national admin alone', async () => {
    const focal = await activeFocalPoint(t, kzAdmin);
    expect(focal.user.status).to.equal('active');
    const trail = await auditOf(focal.user.id);
    expect(trail.map((entry) => entry.type)).not.to.include('dual-control.requested');
  });

  it('two approvals at once carry the action out once', async () => {
    const newcomer = await pendingAdmin('KZ');
    const { body } = await activationOf(newcomer);
    const answers = await Promise.all([
      decide(kzAdmin, body.request.id, 'approve'),
      decide(second, body.request.id, 'approve'),
    ]);
    expect(answers.map((a) => a.status).sort()).to.deep.equal([200, 409]);
    expect(answers.find((a) => a.status === 409)?.body.error?.code).to.equal('dual-control.already-decided');
    const activations = (await auditOf(newcomer.user.id)).filter((entry) => entry.type === 'user.activated');
    expect(activations).to.have.length(1);
    expect((await userOf(newcomer.user.id)).status).to.equal('active');
  });

  it('the subject changing between the steps cancels the request with the reason', async () => {
    const newcomer = await pendingAdmin('KZ');
    const { body } = await activationOf(newcomer);
    // The secretariat removes them (two people) while the activation waits.
    const removal = await firstStep(root, 'DELETE', `/api/users/${newcomer.user.id}`);
    await decide(second, removal.body.request.id, 'approve');
    const late = await decide(kzAdmin, body.request.id, 'approve');
    expect(late.status).to.equal(404);
    expect(late.body.error?.code).to.equal('user.not-found');
    const after = await call<DualControlRequestView>(t.url, 'GET', `/api/dual-control/${body.request.id}`, as(root));
    expect(after.body).to.include({ status: 'cancelled', comment: 'the person is no longer in the network' });
  });

  it('after its time an approval is refused and the request is recorded as expired; the sweep expires the rest', async () => {
    const late = await pendingAdmin('KZ');
    const swept = await pendingAdmin('KZ');
    const lateAsk = await activationOf(late);
    const sweptAsk = await activationOf(swept);
    t.clock.advance(73 * HOUR);
    await signIn(t, kzAdmin);
    const refused = await decide(kzAdmin, lateAsk.body.request.id, 'approve');
    expect(refused.status).to.equal(410);
    expect(refused.body.error?.code).to.equal('dual-control.expired');
    expect((await userOf(late.user.id)).status).to.equal('pending-verification');
    expect((await auditOf(late.user.id)).map((entry) => entry.type)).to.include('dual-control.expired');

    expect(await sweepDualControl(t.server.dualControl)).to.be.greaterThanOrEqual(1);
    const record = await t.server.dualControl.requests.findById(sweptAsk.body.request.id);
    expect(record?.status).to.equal('expired');
    expect((await auditOf(swept.user.id)).map((entry) => entry.type)).to.include('dual-control.expired');
  });
});

describe('dual control: a network with one secretariat member', function () {
  this.timeout(60_000);
  let t: TestServer;
  let root: TestPerson;
  before(async () => {
    t = await startTestServer();
    root = await bootstrapNetworkAdmin(t);
  });
  after(async () => t.close());

  it("cannot activate a state's first national admin alone: the request waits and says nobody can approve it yet", async () => {
    const { token } = await invite(t, root, { role: 'national-admin', state: 'KZ', displayName: 'First admin KZ' });
    const newcomer = await registerWithToken(t, token, uniqueUsername('adminkz'));
    const asked = await call<AwaitingSecondApproval>(t.url, 'POST', `/api/users/${newcomer.user.id}/activate`, {
      token: root.session?.accessToken,
      body: { keyVersion: 1, safetyNumberCompared: true },
    });
    expect(asked.status).to.equal(202);
    expect(asked.body.request).to.include({ approversAvailable: 0, youMayDecide: false });
    const alone = await call<{ error: { code: string } }>(
      t.url,
      'POST',
      `/api/dual-control/${asked.body.request.id}/approve`,
      {
        token: root.session?.accessToken,
      },
    );
    expect(alone.body.error.code).to.equal('dual-control.same-person');
    expect((await t.server.accounts.users.findById(newcomer.user.id))?.status).to.equal('pending-verification');

    // A second secretariat member joins: now one person could approve it.
    const second = await secondSecretariatMember(t, root.session?.accessToken);
    const listed = await call<DualControlRequestView[]>(t.url, 'GET', '/api/dual-control', {
      token: second.session?.accessToken,
    });
    expect(listed.body.find((r) => r.id === asked.body.request.id)).to.include({
      approversAvailable: 1,
      youMayDecide: true,
    });
  });
});
