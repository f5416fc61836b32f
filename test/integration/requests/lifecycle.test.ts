import { expect } from 'chai';
import type { RequestCaseView } from '../../../shared/schemas/requests.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { readAs, socketOf } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import {
  caseOf,
  DOC_FIELDS,
  DOC_LABELS,
  post,
  requestEnvelope,
  sent,
  stepEnvelope,
  storedMessages,
} from '../../helpers/requests.js';
import type { TestServer } from '../../helpers/test-server.js';
import { auditEntries } from '../../helpers/audit.js';

describe('requests: lifecycle over the messaging pipeline', function () {
  this.timeout(120_000);
  let t: TestServer;
  let kz: TestPerson;
  let tj: TestPerson;
  let other: TestPerson;
  let kzAdmin: TestPerson;

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, TJ: { focalPoints: { border: 2 } } },
    });
    ({ t } = net);
    kzAdmin = net.admin('KZ');
    [kz, tj, other] = [net.focalPoint('KZ'), net.focalPoint('TJ'), net.focalPoint('TJ', 1)];
  });
  after(async () => t.close());

  const submit = async (): Promise<string> =>
    sent(t, kz, await requestEnvelope(t, kz, tj, 'request:document-check', DOC_FIELDS, { urgency: 'standard' }));

  it('creates a case from a request envelope: metadata readable, fields only in the ciphertext', async () => {
    const requesterSocket = await socketOf(t, kz);
    const requestedSocket = await socketOf(t, tj);
    const seen = (socket: typeof requesterSocket) =>
      new Promise<RequestCaseView>((resolve) => socket.once('request:updated', resolve));
    const [bySender, byRecipient] = [seen(requesterSocket), seen(requestedSocket)];
    const envelope = await requestEnvelope(t, kz, tj, 'request:document-check', DOC_FIELDS, { urgency: 'standard' });
    const id = await sent(t, kz, envelope);
    const view = await caseOf(t, kz, id);
    expect(view).to.include({
      id,
      kind: 'request:document-check',
      domain: 'border',
      category: 'travel-identity-documents',
      urgency: 'standard',
      status: 'submitted',
      overdue: false,
      transitions: 0,
    });
    // Both sides named from the directory (no entry filled in yet: the account's name, a person).
    expect(view.requester).to.deep.equal({
      userId: kz.user.id,
      state: 'KZ',
      name: { en: kz.user.displayName },
      kind: 'person',
    });
    expect(view.requested).to.deep.equal({
      userId: tj.user.id,
      state: 'TJ',
      name: { en: tj.user.displayName },
      kind: 'person',
    });
    expect(Date.parse(view.deadline) - Date.parse(view.submittedAt)).to.equal(7 * 86_400_000);
    expect((await bySender).id).to.equal(id);
    expect((await byRecipient).id).to.equal(id);
    const stored = await t.server.database.connection.collection('request_cases').findOne({});
    expect(JSON.stringify(stored)).to.not.contain('N1234567');
    expect(await readAs(tj, kz, envelope)).to.deep.equal(DOC_FIELDS);
    const inbox = await call<RequestCaseView[]>(t.url, 'GET', '/api/requests?box=inbox', {
      token: tj.session?.accessToken,
    });
    expect(inbox.body.map((c) => c.id)).to.include(id);
    const outbox = await call<RequestCaseView[]>(
      t.url,
      'GET',
      '/api/requests?box=outbox&status=submitted&domain=border',
      { token: kz.session?.accessToken },
    );
    expect(outbox.body.map((c) => c.id)).to.include(id);
  });

  it('walks acknowledge → clarification ⇄ clarified → partial answer → answer → close, each step a signed, audited envelope', async () => {
    const id = await submit();
    const steps: [TestPerson, TestPerson, Parameters<typeof stepEnvelope>[4], string][] = [
      [tj, kz, { action: 'acknowledge' }, 'acknowledged'],
      [tj, kz, { action: 'request-clarification' }, 'clarification-requested'],
      [kz, tj, { action: 'clarify' }, 'clarified'],
      [tj, kz, { action: 'answer-partially' }, 'partially-answered'],
      [tj, kz, { action: 'answer' }, 'answered'],
      [kz, tj, { action: 'close' }, 'closed'],
    ];
    for (const [from, to, step, status] of steps) {
      const labels = step.action.startsWith('answer')
        ? { ...DOC_LABELS, handling: 'H2' as const, evaluation: 'B2' }
        : DOC_LABELS;
      await sent(t, from, await stepEnvelope(t, from, to, id, step, { note: `${step.action} text` }, { labels }));
      expect((await caseOf(t, kz, id)).status).to.equal(status);
    }
    const detail = await caseOf(t, tj, id);
    expect(detail.history.map((h) => [h.no, h.action, h.side, h.from, h.to])).to.deep.equal([
      [1, 'acknowledge', 'requested', 'submitted', 'acknowledged'],
      [2, 'request-clarification', 'requested', 'acknowledged', 'clarification-requested'],
      [3, 'clarify', 'requester', 'clarification-requested', 'clarified'],
      [4, 'answer-partially', 'requested', 'clarified', 'partially-answered'],
      [5, 'answer', 'requested', 'partially-answered', 'answered'],
      [6, 'close', 'requester', 'answered', 'closed'],
    ]);
    expect(detail.history[4]).to.include({ handling: 'H2', evaluation: 'B2' });
    expect(detail.acknowledgedAt).to.be.a('string');
    expect(detail.respondedAt).to.be.a('string');
    const audit = await auditEntries(t, { subjectId: id, type: /^request\./ });
    expect(audit.map((e) => e.type)).to.deep.equal([
      'request.submitted',
      ...Array<string>(6).fill('request.transition'),
    ]);
    expect(JSON.stringify(audit)).to.not.contain('text');
  });

  it('declines with a reason code; withdraw by the requester', async () => {
    const declined = await submit();
    await sent(
      t,
      tj,
      await stepEnvelope(t, tj, kz, declined, { action: 'decline', reasonCode: 'no-information-held' }),
    );
    const detail = await caseOf(t, kz, declined);
    expect(detail.status).to.equal('declined');
    expect(detail.history[0]).to.include({ action: 'decline', reasonCode: 'no-information-held' });
    const withdrawn = await submit();
    await sent(t, kz, await stepEnvelope(t, kz, tj, withdrawn, { action: 'withdraw' }));
    expect((await caseOf(t, tj, withdrawn)).status).to.equal('withdrawn');
  });

  it('refuses the wrong side, the wrong status, outsiders and misaddressed steps, and stores none of them', async () => {
    const id = await submit();
    const cases = [
      { from: kz, to: tj, step: { action: 'acknowledge' as const }, status: 403, code: 'request.wrong-side' },
      { from: tj, to: kz, step: { action: 'close' as const }, status: 403, code: 'request.wrong-side' },
      { from: kz, to: tj, step: { action: 'clarify' as const }, status: 409, code: 'request.invalid-transition' },
      { from: other, to: kz, step: { action: 'acknowledge' as const }, status: 404, code: 'request.not-found' },
      { from: tj, to: other, step: { action: 'acknowledge' as const }, status: 400, code: 'request.invalid' },
    ];
    for (const c of cases) {
      const envelope = await stepEnvelope(t, c.from, c.to, id, c.step);
      const response = await post(t, c.from, envelope);
      expect([response.status, response.body.error?.code], `${c.step.action} by ${c.from.user.id}`).to.deep.equal([
        c.status,
        c.code,
      ]);
      expect(await storedMessages(t, envelope.header.msgId)).to.equal(0);
    }
    const unknown = await post(
      t,
      tj,
      await stepEnvelope(t, tj, kz, '0123456789abcdef01234567', { action: 'acknowledge' }),
    );
    expect([unknown.status, unknown.body.error?.code]).to.deep.equal([404, 'request.not-found']);
    // An answer without an evaluation code never passes the envelope schema.
    const bare = await post(
      t,
      tj,
      await stepEnvelope(t, tj, kz, id, { action: 'acknowledge' }).then((e) => ({
        ...e,
        header: { ...e.header, step: { action: 'answer' as const } },
      })),
    );
    expect(bare.status).to.equal(400);
    expect((await caseOf(t, kz, id)).status).to.equal('submitted');
    // After a withdrawal, the requested side can no longer answer.
    await sent(t, kz, await stepEnvelope(t, kz, tj, id, { action: 'withdraw' }));
    const late = await post(
      t,
      tj,
      await stepEnvelope(t, tj, kz, id, { action: 'answer' }, {}, { labels: { ...DOC_LABELS, evaluation: 'A1' } }),
    );
    expect([late.status, late.body.error?.code]).to.deep.equal([409, 'request.invalid-transition']);
  });

  it('takes each step exactly once when both sides act at the same moment', async () => {
    const id = await submit();
    const answer = await stepEnvelope(
      t,
      tj,
      kz,
      id,
      { action: 'answer' },
      { result: 'genuine' },
      { labels: { ...DOC_LABELS, evaluation: 'A1' } },
    );
    const withdraw = await stepEnvelope(t, kz, tj, id, { action: 'withdraw' });
    const [a, w] = await Promise.all([post(t, tj, answer), post(t, kz, withdraw)]);
    const winners = [a, w].filter((r) => r.status === 200);
    expect(winners).to.have.length(1);
    const detail = await caseOf(t, kz, id);
    expect(detail.history).to.have.length(1);
    expect(detail.status).to.equal(a.status === 200 ? 'answered' : 'withdrawn');
    expect((await storedMessages(t, answer.header.msgId)) + (await storedMessages(t, withdraw.header.msgId))).to.equal(
      1,
    );
    // A retry of the winning envelope is answered as before and takes no second step.
    const winner = a.status === 200 ? { person: tj, envelope: answer } : { person: kz, envelope: withdraw };
    expect((await post(t, winner.person, winner.envelope)).status).to.equal(200);
    expect((await caseOf(t, kz, id)).history).to.have.length(1);
  });

  it('shows a case to its two sides and their national admins only', async () => {
    const id = await submit();
    expect((await call(t.url, 'GET', `/api/requests/${id}`, { token: kzAdmin.session?.accessToken })).status).to.equal(
      200,
    );
    expect((await call(t.url, 'GET', `/api/requests/${id}`, { token: other.session?.accessToken })).status).to.equal(
      404,
    );
    expect(
      (await call(t.url, 'GET', '/api/requests?box=inbox', { token: kzAdmin.session?.accessToken })).status,
    ).to.equal(403);
    expect((await call(t.url, 'GET', `/api/requests/${id}`)).status).to.equal(401);
  });
});
