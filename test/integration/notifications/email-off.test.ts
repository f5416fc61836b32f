import { expect } from 'chai';
import type { NotificationPreferencesView } from '../../../shared/schemas/notifications.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { startNetwork, type Network } from '../../helpers/network.js';
import { preferences, saveSettings, token } from './email-helpers.js';

describe('e-mail notifications on a server without SMTP', function () {
  this.timeout(120_000);
  let net: Network<TestPerson>;

  before(async () => {
    net = await startNetwork({ states: { KZ: { focalPoints: { border: 1 } } } });
  });
  after(async () => net?.stop());

  it('has no e-mail channel; settings start from the role and are kept, but no address can be set', async () => {
    const { t } = net;
    const fp = net.focalPoint('KZ');
    expect(t.server.alerts.channels.map((channel) => channel.name)).not.to.include('email');
    const view = await preferences(t, fp);
    expect(view).to.include({ available: false, enabled: true, language: 'both', timeZone: 'UTC' });
    expect(view.address).to.equal(null);
    expect(view.kinds).to.deep.include({ kind: 'message.arrived', mode: 'digest' });
    expect(view.kinds).to.deep.include({ kind: 'request.arrived', mode: 'immediate' });
    const admin = await preferences(t, net.admin('KZ'));
    expect(admin.kinds.map((choice) => choice.kind)).to.include('approval.waiting');

    const saved = await saveSettings(t, fp, { digest: { every: 'day', hour: 9 }, language: 'ru' });
    expect(saved).to.include({ language: 'ru' });
    expect((await preferences(t, fp)).digest).to.deep.equal({ every: 'day', hour: 9 });

    const address = await call<{ error: { code: string } }>(t.url, 'PUT', '/api/me/notifications/address', {
      token: token(fp),
      body: { address: 'kz@mail.test' },
    });
    expect(address.status).to.equal(409);
    expect(address.body.error.code).to.equal('notifications.unavailable');
    const after = await call<NotificationPreferencesView>(t.url, 'GET', '/api/me/notifications', {
      token: token(fp),
    });
    expect(after.body.address).to.equal(null);
  });
});
