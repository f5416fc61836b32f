import { expect } from 'chai';
import type { ImplementationReview } from '../../../shared/schemas/review.js';
import { call } from '../../helpers/api.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { envelopeFor, LABELS } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { post, postSealing } from '../../helpers/requests.js';
import { sdkAs } from '../../helpers/sdk-as-person.js';
import { sdkMessaging } from '../../helpers/sdk-messaging.js';
import type { TestServer } from '../../helpers/test-server.js';

/**
 * The annual review counts exchanges, not audit entries: a held exchange (refused for want of
 * approvers, then re-sealed), a retried send and a denied one each count once, whether sent over
 * HTTP or through the SDK.
 */
describe('annual review: each exchange counted once', function () {
  this.timeout(90_000);
  let t: TestServer;
  let root: TestPerson;
  let kz: TestPerson;
  let ru: TestPerson;
  let year: number;

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 1 } } },
    });
    ({ t, root } = net);
    year = t.clock.now().getUTCFullYear();
    const ruAdmin = net.admin('RU');
    [kz, ru] = [net.focalPoint('KZ'), net.focalPoint('RU')];
    // RU holds confidential messages for approval and refuses personal data.
    await publishPolicy(
      t,
      ruAdmin,
      policyBody('RU', 1, [
        { id: 'hold', direction: 'inbound', classifications: ['confidential'], effect: 'approve' },
        { id: 'pd', direction: 'inbound', categories: ['personal-data'], effect: 'deny' },
      ]),
    );
  });
  after(async () => t.close());

  const exchanges = async (): Promise<ImplementationReview['exchanges'][number] | undefined> => {
    const { body } = await call<ImplementationReview>(t.url, 'GET', `/api/review?year=${year}`, {
      token: root.session?.accessToken,
    });
    return body.exchanges.find((r) => r.fromState === 'KZ' && r.toState === 'RU' && r.domain === 'border');
  };

  it('over HTTP: a held exchange, a send retried twice and a denied one count 1 held, 1 allowed, 1 denied', async () => {
    const held = await postSealing(t, kz, (extra) =>
      envelopeFor(
        t,
        kz,
        [ru],
        { text: 'confidential' },
        { labels: { ...LABELS, classification: 'confidential' }, ...extra },
      ),
    );
    expect(held.body).to.include({ status: 'held' });
    const retried = await envelopeFor(t, kz, [ru], { text: 'sent three times' });
    for (let i = 0; i < 3; i++) expect((await post(t, kz, retried)).status).to.equal(200);
    const denied = await post(
      t,
      kz,
      await envelopeFor(t, kz, [ru], { text: 'personal' }, { labels: { ...LABELS, category: 'personal-data' } }),
    );
    expect(denied.body.error?.code).to.equal('policy.denied');
    expect(await exchanges()).to.include({ held: 1, allowed: 1, denied: 1, withConditions: 0 });
  });

  it('through the SDK (which re-seals a held exchange for its approvers): one more held, one more allowed', async () => {
    const sender = sdkMessaging(t, await sdkAs(t, kz));
    try {
      expect(
        (
          await sender.messenger.send({
            to: [ru.user.id],
            labels: { ...LABELS, classification: 'confidential' },
            text: 'held via the SDK',
          })
        ).status,
      ).to.equal('held');
      expect(
        (await sender.messenger.send({ to: [ru.user.id], labels: LABELS, text: 'allowed via the SDK' })).status,
      ).to.equal('accepted');
    } finally {
      sender.messenger.stop();
      sender.socket.close();
    }
    expect(await exchanges()).to.include({ held: 2, allowed: 2, denied: 1 });
  });
});
