import { expect } from 'chai';
import type { Alert } from '../../../shared/schemas/alerts.js';
import type { AlertChannelFactory } from '../../../server/composition/alerts.js';
import { sweepRequests } from '../../../server/modules/requests/sweep-requests.js';
import { sweepProposals } from '../../../server/modules/consensus/settle-proposals.js';
import type { ProposalView } from '../../../shared/schemas/consensus.js';
import { signIn, type TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { waitFor } from '../../helpers/barrier.js';
import { envelopeFor, sendSealing, socketOf } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { caseOf, DOC_FIELDS, requestEnvelope, sent, stepEnvelope } from '../../helpers/requests.js';
import type { TestServer } from '../../helpers/test-server.js';

const HOUR = 3_600_000;

/** A channel that keeps what it is handed, with the people it is for. */
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

describe('alerts: module events become content-free alerts for the channels', function () {
  this.timeout(120_000);
  let t: TestServer;
  let kz: TestPerson;
  let tj: TestPerson;
  let tjAdmin: TestPerson;
  let kzAdmin: TestPerson;
  let root: TestPerson;
  const recording = recordingChannel();
  const kinds = (userId?: string) =>
    recording.seen.filter((s) => userId === undefined || s.userIds.includes(userId)).map((s) => s.alert.kind);

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, TJ: { focalPoints: { border: 1 } } },
      server: { alertChannels: [recording.factory] },
    });
    ({ t, root } = net);
    [kzAdmin, tjAdmin] = [net.admin('KZ'), net.admin('TJ')];
    [kz, tj] = [net.focalPoint('KZ'), net.focalPoint('TJ')];
  });
  after(async () => t.close());
  beforeEach(() => void recording.seen.splice(0));

  it('tells the requested focal point a request arrived, and the requester of the answer — never the one who acted', async () => {
    const canary = `canary-${Date.now()}`;
    const envelope = await requestEnvelope(
      t,
      kz,
      tj,
      'request:document-check',
      { ...DOC_FIELDS, purpose: canary },
      { urgency: 'urgent' },
    );
    const id = await sent(t, kz, envelope);
    await waitFor(() => recording.seen.length > 0, { what: 'the arrival alert' });
    const view = await caseOf(t, kz, id);
    expect(recording.seen).to.have.length(1);
    const [{ alert, userIds }] = recording.seen as [{ alert: Alert; userIds: string[] }];
    expect(userIds).to.deep.equal([tj.user.id]);
    expect(alert).to.deep.equal({
      id: `request.arrived:${id}:0:requested`,
      kind: 'request.arrived',
      userId: tj.user.id,
      state: 'TJ',
      counterpartState: 'KZ',
      domain: 'border',
      urgency: 'urgent',
      deadline: view.deadline,
      refs: { requestId: id, reference: view.reference, focalPointId: tj.user.id },
      at: alert.at,
    });
    expect(JSON.stringify(alert)).not.to.include(canary);

    await sent(t, tj, await stepEnvelope(t, tj, kz, id, { action: 'acknowledge' }));
    await waitFor(() => recording.seen.length > 1, { what: 'the step alert' });
    expect(kinds(kz.user.id)).to.deep.equal(['request.step']);
    expect(kinds(tj.user.id)).to.deep.equal(['request.arrived']);
  });

  it('tells of a free message to its recipients', async () => {
    const socket = await socketOf(t, kz);
    const answer = await sendSealing(socket, (approvers, msgId) =>
      envelopeFor(t, kz, [tj], { text: 'hello' }, { approvers, ...(msgId ? { msgId } : {}) }),
    );
    expect(answer.ok).to.equal(true);
    await waitFor(() => recording.seen.length > 0, { what: 'the message alert' });
    expect(recording.seen.map((s) => [s.alert.kind, s.alert.counterpartState, s.userIds])).to.deep.equal([
      ['message.arrived', 'KZ', [tj.user.id]],
    ]);
  });

  it('tells of reminders and of the overdue flag, to the focal point and their national admins', async () => {
    const id = await sent(
      t,
      kz,
      await requestEnvelope(t, kz, tj, 'request:document-check', DOC_FIELDS, { urgency: 'urgent' }),
    );
    const submitted = Date.parse((await caseOf(t, kz, id)).submittedAt);
    t.clock.advance(submitted + 6 * HOUR + 60_000 - t.clock.now().getTime());
    expect((await sweepRequests(t.server.requests)).reminded).to.be.at.least(1);
    t.clock.advance(2 * HOUR);
    expect((await sweepRequests(t.server.requests)).flagged).to.be.at.least(1); // the earlier case is overdue too
    const ofThisCase = () => recording.seen.filter((s) => s.alert.refs.requestId === id);
    await waitFor(() => ofThisCase().filter((s) => s.alert.kind === 'request.overdue').length === 2, {
      what: 'the overdue alerts',
    });
    expect(ofThisCase().map((s) => [s.alert.kind, s.userIds])).to.deep.equal([
      ['request.arrived', [tj.user.id]],
      ['request.reminder', [tj.user.id]],
      ['request.overdue', [tj.user.id]],
      ['request.overdue', [tjAdmin.user.id]],
    ]);
    const toAdmin = ofThisCase().find((s) => s.userIds.includes(tjAdmin.user.id));
    expect(toAdmin?.alert).to.include({ kind: 'request.overdue', state: 'TJ', counterpartState: 'KZ' });
  });

  it('tells every national admin a network decision opened, and the silent states once, a day before it closes', async () => {
    for (const person of [root, kzAdmin, tjAdmin]) await signIn(t, person); // earlier tests moved the clock
    const created = await call<ProposalView>(t.url, 'POST', '/api/proposals', {
      token: root.session?.accessToken,
      body: {
        change: { kind: 'directory-freshness', freshnessDays: 30 },
        procedure: 'silence',
        deadline: new Date(t.clock.now().getTime() + 48 * HOUR).toISOString(),
        rationale: 'Entries older than a month should be marked stale.',
      },
    });
    expect(created.status).to.equal(201);
    const { id } = created.body;
    await waitFor(() => recording.seen.some((s) => s.alert.kind === 'consensus.opened'), { what: 'the opening' });
    const opened = recording.seen.find((s) => s.alert.kind === 'consensus.opened');
    expect(opened?.userIds).to.have.members([kzAdmin.user.id, tjAdmin.user.id]);
    const position = await call(t.url, 'POST', `/api/proposals/${id}/position`, {
      token: kzAdmin.session?.accessToken,
      body: { position: 'approve' },
    });
    expect(position.status).to.equal(200);

    await sweepProposals(t.server.consensus);
    expect(kinds()).not.to.include('consensus.closing'); // two days left
    t.clock.advance(25 * HOUR);
    await Promise.all([sweepProposals(t.server.consensus), sweepProposals(t.server.consensus)]);
    await sweepProposals(t.server.consensus);
    const closing = () => recording.seen.filter((s) => s.alert.kind === 'consensus.closing');
    await waitFor(() => closing().some((s) => s.alert.state === 'TJ'), { what: "TJ's closing notice" });
    // TJ said nothing and hears it once; KZ gave its position and hears nothing.
    expect(closing().filter((s) => s.alert.state === 'TJ')).to.have.length(1);
    expect(closing().filter((s) => s.alert.state === 'KZ')).to.have.length(0);
    expect(closing().find((s) => s.alert.state === 'TJ')?.userIds).to.deep.equal([tjAdmin.user.id]);
  });
});
