import { expect } from 'chai';
import type { Alert } from '../../../shared/schemas/alerts.js';
import type { AlertChannelFactory } from '../../../server/composition/alerts.js';
import { sweepRequests } from '../../../server/modules/requests/sweep-requests.js';
import type { TestPerson } from '../../helpers/accounts.js';
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
  const recording = recordingChannel();
  const kinds = (userId?: string) =>
    recording.seen.filter((s) => userId === undefined || s.userIds.includes(userId)).map((s) => s.alert.kind);

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, TJ: { focalPoints: { border: 1 } } },
      server: { alertChannels: [recording.factory] },
    });
    ({ t } = net);
    tjAdmin = net.admin('TJ');
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
      id: `request.arrived:${id}:0:${tj.user.id}`,
      kind: 'request.arrived',
      userId: tj.user.id,
      state: 'TJ',
      counterpartState: 'KZ',
      domain: 'border',
      urgency: 'urgent',
      deadline: view.deadline,
      refs: { requestId: id, reference: view.reference },
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
});
