import { expect } from 'chai';
import type { MessageStatusEvent } from '../../../shared/schemas/messaging.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { socketOf } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import {
  caseOf,
  DOC_FIELDS,
  DOC_LABELS,
  postSealing,
  requestEnvelope,
  sent,
  stepEnvelope,
  storedMessages,
} from '../../helpers/requests.js';
import type { TestServer } from '../../helpers/test-server.js';

describe('requests: steps held for a national admin', function () {
  this.timeout(120_000);
  let t: TestServer;
  let kz: TestPerson;
  let tj: TestPerson;
  let tjAdmin: TestPerson;

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, TJ: { focalPoints: { border: 1 } } },
    });
    ({ t } = net);
    tjAdmin = net.admin('TJ');
    [kz, tj] = [net.focalPoint('KZ'), net.focalPoint('TJ')];
    // Tajikistan's answers leave only with a national admin's approval.
    await publishPolicy(
      t,
      tjAdmin,
      policyBody('TJ', 1, [
        { id: 'answers-approved', direction: 'outbound', kinds: ['request:transition'], effect: 'approve' },
      ]),
    );
  });
  after(async () => t.close());

  const approve = (approvalId: string | undefined) =>
    call(t.url, 'POST', `/api/approvals/${approvalId}/approve`, { token: tjAdmin.session?.accessToken, body: {} });
  const labels = { ...DOC_LABELS, evaluation: 'B1' };

  it('a held answer takes its step when released', async () => {
    const id = await sent(
      t,
      kz,
      await requestEnvelope(t, kz, tj, 'request:document-check', DOC_FIELDS, { urgency: 'standard' }),
    );
    const held = await postSealing(t, tj, (extra) =>
      stepEnvelope(t, tj, kz, id, { action: 'answer' }, { result: 'genuine' }, { labels, ...extra }),
    );
    expect(held.body.status).to.equal('held');
    expect((await caseOf(t, kz, id)).status).to.equal('submitted');
    expect((await approve(held.body.approvalId)).status).to.equal(200);
    const detail = await caseOf(t, kz, id);
    expect(detail.status).to.equal('answered');
    expect(detail.history[0]).to.include({ messageId: held.body.id, evaluation: 'B1' });
  });

  it('a held answer the case no longer allows (withdrawn meanwhile) is dropped on release, and its sender told', async () => {
    const id = await sent(
      t,
      kz,
      await requestEnvelope(t, kz, tj, 'request:document-check', DOC_FIELDS, { urgency: 'standard' }),
    );
    const held = await postSealing(t, tj, (extra) =>
      stepEnvelope(t, tj, kz, id, { action: 'answer' }, { result: 'genuine' }, { labels, ...extra }),
    );
    expect(held.body.status).to.equal('held');
    await sent(t, kz, await stepEnvelope(t, kz, tj, id, { action: 'withdraw' }));
    const sender = await socketOf(t, tj);
    const told = new Promise<MessageStatusEvent>((resolve) =>
      sender.on('message:status', (event) => {
        if (event.id === held.body.id) resolve(event);
      }),
    );
    expect((await approve(held.body.approvalId)).status).to.equal(200);
    const event = await told;
    expect(event.status).to.equal('rejected');
    expect(event.comment).to.contain('withdrawn');
    expect(await storedMessages(t, held.msgId)).to.equal(0);
    const detail = await caseOf(t, kz, id);
    expect(detail.status).to.equal('withdrawn');
    expect(detail.history.map((h) => h.action)).to.deep.equal(['withdraw']);
  });
});
