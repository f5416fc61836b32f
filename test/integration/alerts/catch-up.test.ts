import { expect } from 'chai';
import type { Alert } from '../../../shared/schemas/alerts.js';
import type { AlertChannelFactory } from '../../../server/composition/alerts.js';
import { catchUpRequestAlerts, CATCH_UP_WINDOW_MS } from '../../../server/modules/alerts/catch-up-request-alerts.js';
import { sweepRequests } from '../../../server/modules/requests/sweep-requests.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { waitFor } from '../../helpers/barrier.js';
import { startNetwork } from '../../helpers/network.js';
import { caseOf, DOC_FIELDS, requestEnvelope, sent } from '../../helpers/requests.js';
import type { TestServer } from '../../helpers/test-server.js';

const HOUR = 3_600_000;

describe('alerts: raised again by the sweep when lost between an event and its queueing', function () {
  this.timeout(120_000);
  let t: TestServer;
  let kz: TestPerson;
  let tj: TestPerson;
  let tjAdmin: TestPerson;
  /** Loses the first hand-over of each alert, as a node stopping right after the event would. */
  const attempts = new Map<string, number>();
  const kept: Array<{ alert: Alert; userIds: string[] }> = [];
  const losingFirst: AlertChannelFactory = () => ({
    name: 'losing-first',
    async accept(alert, audience) {
      const key = `${alert.id}|${audience.userIds.join(',')}`;
      attempts.set(key, (attempts.get(key) ?? 0) + 1);
      if (attempts.get(key) === 1) throw new Error('the node stopped');
      if (!kept.some((k) => k.alert.id === alert.id && k.userIds.join() === audience.userIds.join()))
        kept.push({ alert, userIds: audience.userIds });
    },
    drain: async () => ({ sent: 0, retried: 0, failed: 0 }),
  });

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, TJ: { focalPoints: { border: 1 } } },
      server: { alertChannels: [losingFirst] },
    });
    ({ t } = net);
    tjAdmin = net.admin('TJ');
    [kz, tj] = [net.focalPoint('KZ'), net.focalPoint('TJ')];
  });
  after(async () => t.close());

  it('raises a recent arrival and a recent overdue flag again, and stops once they are past the window', async () => {
    const id = await sent(
      t,
      kz,
      await requestEnvelope(t, kz, tj, 'request:document-check', DOC_FIELDS, { urgency: 'urgent' }),
    );
    await waitFor(() => attempts.size > 0, { what: 'the first (lost) hand-over' });
    expect(kept).to.deep.equal([]);

    expect(await catchUpRequestAlerts(t.server.requests, t.server.alerts.raise)).to.equal(1);
    expect(kept.map((k) => [k.alert.kind, k.alert.refs.requestId, k.userIds])).to.deep.equal([
      ['request.arrived', id, [tj.user.id]],
    ]);

    const submitted = Date.parse((await caseOf(t, kz, id)).submittedAt);
    t.clock.advance(submitted + 8 * HOUR + 60_000 - t.clock.now().getTime());
    await sweepRequests(t.server.requests);
    await waitFor(() => [...attempts.keys()].filter((k) => k.startsWith('request.overdue')).length === 2, {
      what: 'the overdue hand-overs (lost)',
    });
    expect(kept.filter((k) => k.alert.kind === 'request.overdue')).to.deep.equal([]);

    await catchUpRequestAlerts(t.server.requests, t.server.alerts.raise);
    expect(kept.filter((k) => k.alert.kind === 'request.overdue').map((k) => k.userIds)).to.have.deep.members([
      [tj.user.id],
      [tjAdmin.user.id],
    ]);

    t.clock.advance(CATCH_UP_WINDOW_MS + 1);
    expect(await catchUpRequestAlerts(t.server.requests, t.server.alerts.raise)).to.equal(0);
  });
});
