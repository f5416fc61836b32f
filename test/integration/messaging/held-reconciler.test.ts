import { expect } from 'chai';
import type { Ack } from '../../../shared/errors.js';
import type { BacklogPage } from '../../../shared/schemas/messaging.js';
import {
  reconcileHeldMessages,
  LOST_SETTLEMENT_GRACE_MS,
} from '../../../server/modules/messaging/reconcile-held-messages.js';
import { call } from '../../helpers/api.js';
import { signIn, type TestPerson } from '../../helpers/accounts.js';
import { envelopeFor, LABELS, readAs, sendSealing, socketOf } from '../../helpers/messaging.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { startNetwork } from '../../helpers/network.js';
import type { TestServer } from '../../helpers/test-server.js';

describe('held messages whose settlement event was lost', function () {
  this.timeout(90_000);
  let t: TestServer;
  let kzAdmin: TestPerson;
  let kz: TestPerson;
  let ru: TestPerson;

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 1 } } },
    });
    ({ t } = net);
    kzAdmin = net.admin('KZ');
    [kz, ru] = [net.focalPoint('KZ'), net.focalPoint('RU')];
    await publishPolicy(
      t,
      kzAdmin,
      policyBody('KZ', 1, [
        {
          id: 'confidential-needs-approval',
          direction: 'outbound',
          classifications: ['confidential'],
          effect: 'approve',
          legalBasis: { en: 'Law on State Secrets, art. 5' },
        },
      ]),
    );
  });
  after(async () => t.close());

  /** Sends a confidential (held) message and returns its id and approval id. */
  const sendHeld = async (content: Record<string, string>): Promise<{ id: string; approvalId: string }> => {
    const sender = await socketOf(t, kz);
    const result = await sendSealing(sender, (approvers, msgId) =>
      envelopeFor(t, kz, [ru], content, {
        labels: { ...LABELS, classification: 'confidential' },
        approvers,
        ...(msgId ? { msgId } : {}),
      }),
    );
    sender.disconnect();
    if (!result.ok || result.data.status !== 'held' || !result.data.approvalId)
      throw new Error(`not held: ${JSON.stringify(result)}`);
    return { id: result.data.id, approvalId: result.data.approvalId };
  };

  /** Settles through the real route while the settlement event goes nowhere, as when a node dies right after settling. */
  const settleLosingEvent = async (approvalId: string, verdict: 'approve' | 'reject'): Promise<void> => {
    const bus = t.server.policies.approvalEvents;
    const emit = bus.emitSettled;
    bus.emitSettled = () => Promise.resolve();
    try {
      const response = await call(t.url, 'POST', `/api/approvals/${approvalId}/${verdict}`, {
        token: kzAdmin.session?.accessToken,
        body: { comment: `${verdict} (event lost)` },
      });
      expect(response.status).to.equal(200);
    } finally {
      bus.emitSettled = emit;
    }
  };

  const backlogIds = async (): Promise<string[]> => {
    await signIn(t, ru);
    const receiver = await socketOf(t, ru);
    const page = (await receiver.timeout(5_000).emitWithAck('message:fetch', { limit: 200 })) as Ack<BacklogPage>;
    receiver.disconnect();
    if (!page.ok) throw new Error(JSON.stringify(page.error));
    return page.data.messages.map((m) => m.id);
  };

  it('releases an approved one and drops a rejected one; a pending one stays held', async () => {
    const approved = await sendHeld({ text: 'approved, event lost' });
    const rejected = await sendHeld({ text: 'rejected, event lost' });
    const pending = await sendHeld({ text: 'still waiting' });
    await settleLosingEvent(approved.approvalId, 'approve');
    await settleLosingEvent(rejected.approvalId, 'reject');
    expect((await t.server.messaging.messages.findById(approved.id))?.status).to.equal('held'); // the lost event left it stuck

    // Within the grace period the settlement's own listener may still be at work: nothing is touched.
    expect(await reconcileHeldMessages(t.server.messaging)).to.deep.equal({ released: 0, dropped: 0 });

    t.clock.advance(LOST_SETTLEMENT_GRACE_MS + 1_000);
    expect(await reconcileHeldMessages(t.server.messaging)).to.deep.equal({ released: 1, dropped: 1 });
    expect((await t.server.messaging.messages.findById(approved.id))?.status).to.equal('accepted');
    expect((await t.server.messaging.messages.findById(rejected.id))?.status).to.equal('rejected');
    expect((await t.server.messaging.messages.findById(pending.id))?.status).to.equal('held');

    const queued = await backlogIds();
    expect(queued).to.include(approved.id);
    expect(queued).to.not.include(rejected.id);
    expect(queued).to.not.include(pending.id);
    const stored = await t.server.messaging.messages.findById(approved.id);
    if (!stored) throw new Error('missing');
    expect(await readAs(ru, kz, stored.envelope)).to.deep.equal({ text: 'approved, event lost' });

    // A second sweep finds nothing left to do (idempotent).
    expect(await reconcileHeldMessages(t.server.messaging)).to.deep.equal({ released: 0, dropped: 0 });
  });
});
