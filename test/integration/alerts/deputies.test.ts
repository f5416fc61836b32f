import { expect } from 'chai';
import type { Alert } from '../../../shared/schemas/alerts.js';
import type { AlertChannelFactory } from '../../../server/composition/alerts.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { waitFor } from '../../helpers/barrier.js';
import { startNetwork } from '../../helpers/network.js';
import { DOC_FIELDS, requestEnvelope, sent } from '../../helpers/requests.js';
import type { TestServer } from '../../helpers/test-server.js';

describe('alerts: while a focal point is away, their deputy is told too', function () {
  this.timeout(120_000);
  let t: TestServer;
  let absent: TestPerson;
  let deputy: TestPerson;
  let requester: TestPerson;
  const seen: Array<{ alert: Alert; userIds: string[] }> = [];
  const recording: AlertChannelFactory = () => ({
    name: 'recording',
    accept: async (alert, audience) => void seen.push({ alert, userIds: audience.userIds }),
    drain: async () => ({ sent: 0, retried: 0, failed: 0 }),
  });

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 2 } }, TJ: { focalPoints: { border: 1 } } },
      server: { alertChannels: [recording] },
    });
    ({ t } = net);
    [absent, deputy, requester] = [net.focalPoint('KZ', 0), net.focalPoint('KZ', 1), net.focalPoint('TJ')];
  });
  after(async () => t.close());
  beforeEach(() => void seen.splice(0));

  const arrival = async (): Promise<{ alert: Alert; userIds: string[] }> => {
    const envelope = await requestEnvelope(t, requester, absent, 'request:document-check', DOC_FIELDS, {
      urgency: 'urgent',
    });
    const id = await sent(t, requester, envelope);
    await waitFor(() => seen.some((s) => s.alert.refs.requestId === id), { what: 'the arrival alert' });
    return seen.find((s) => s.alert.refs.requestId === id)!;
  };

  it('sends the arrival of an urgent request to the person away and to their deputy, as one event', async () => {
    const away = await call(t.url, 'PUT', `/api/directory/entries/${absent.user.id}/away`, {
      token: absent.session?.accessToken,
      body: { deputyUserId: deputy.user.id },
    });
    expect(away.status).to.equal(200);
    const { alert, userIds } = await arrival();
    expect(alert.kind).to.equal('request.arrived');
    expect(alert.userId).to.equal(absent.user.id);
    expect(userIds).to.deep.equal([absent.user.id, deputy.user.id]);
  });

  it('stops telling the deputy once the person is back', async () => {
    const back = await call(t.url, 'DELETE', `/api/directory/entries/${absent.user.id}/away`, {
      token: absent.session?.accessToken,
    });
    expect(back.status).to.equal(200);
    const { userIds } = await arrival();
    expect(userIds).to.deep.equal([absent.user.id]);
  });
});
