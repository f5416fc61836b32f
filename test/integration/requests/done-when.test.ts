import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { onwardUse } from '../../../shared/requests/onward-use.js';
import type { RequestCaseView, RequestOverdueEvent, RequestStatistics } from '../../../shared/schemas/requests.js';
import { sweepRequests } from '../../../server/modules/requests/sweep-requests.js';
import { activeFocalPoint, activeNationalAdmin, bootstrapNetworkAdmin, signIn } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { readAs, socketOf } from '../../helpers/messaging.js';
import { caseOf, DOC_FIELDS, DOC_LABELS, requestEnvelope, sent, stepEnvelope } from '../../helpers/requests.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const HOUR = 3_600_000;

describe('requests: the issue\'s "done when" scenario', function () {
  this.timeout(180_000);
  let t: TestServer;

  before(async () => {
    t = await startTestServer();
  });
  after(async () => t.close());

  it('an urgent document check to two states: one answers in time with codes, the other is flagged overdue to its national admin; consent to pass the answer on is asked and granted', async () => {
    const root = await bootstrapNetworkAdmin(t);
    const kzAdmin = await activeNationalAdmin(t, root, 'KZ');
    const tjAdmin = await activeNationalAdmin(t, root, 'TJ');
    const uzAdmin = await activeNationalAdmin(t, root, 'UZ');
    const border = await activeFocalPoint(t, kzAdmin, ['border']);
    const tj = await activeFocalPoint(t, tjAdmin, ['border']);
    const uz = await activeFocalPoint(t, uzAdmin, ['border']);
    const people = [root, kzAdmin, tjAdmin, uzAdmin, border, tj, uz];

    // 1. One urgent request per state, one thread.
    const threadId = randomUUID();
    const toTj = await sent(
      t,
      border,
      await requestEnvelope(t, border, tj, 'request:document-check', DOC_FIELDS, { urgency: 'urgent' }, { threadId }),
    );
    const toUz = await sent(
      t,
      border,
      await requestEnvelope(t, border, uz, 'request:document-check', DOC_FIELDS, { urgency: 'urgent' }, { threadId }),
    );
    const submitted = Date.parse((await caseOf(t, border, toTj)).submittedAt);

    // 2. Tajikistan acknowledges after 1 h and answers after 3 h with handling H2 and evaluation B2.
    t.clock.advance(HOUR);
    for (const p of people) await signIn(t, p);
    await sent(t, tj, await stepEnvelope(t, tj, border, toTj, { action: 'acknowledge' }));
    t.clock.advance(2 * HOUR);
    for (const p of people) await signIn(t, p);
    const answer = await stepEnvelope(
      t,
      tj,
      border,
      toTj,
      { action: 'answer' },
      { result: 'document genuine, holder known' },
      { labels: { ...DOC_LABELS, handling: 'H2', evaluation: 'B2' } },
    );
    await sent(t, tj, answer);
    const answered = await caseOf(t, border, toTj);
    expect(answered).to.include({ status: 'answered', overdue: false });
    expect(answered.history.at(-1)).to.include({ action: 'answer', handling: 'H2', evaluation: 'B2' });
    expect(answered.history.at(-1)?.lateReason).to.equal(undefined);
    expect(await readAs(border, tj, answer)).to.deep.equal({ result: 'document genuine, holder known' });

    // 3. Past 8 h, Uzbekistan has not answered: flagged overdue to its focal point and national admin.
    t.clock.advance(submitted + 8 * HOUR + 60_000 - t.clock.now().getTime());
    for (const p of people) await signIn(t, p);
    const uzAdminSocket = await socketOf(t, uzAdmin);
    const flagged = new Promise<RequestOverdueEvent>((resolve) => uzAdminSocket.once('request:overdue', resolve));
    await sweepRequests(t.server.requests);
    expect((await flagged).case).to.include({ id: toUz, overdue: true, status: 'submitted' });
    const uzOverdue = await call<RequestCaseView[]>(t.url, 'GET', '/api/requests/overdue', {
      token: uzAdmin.session?.accessToken,
    });
    expect(uzOverdue.body.map((c) => c.id)).to.deep.equal([toUz]);
    expect((await caseOf(t, border, toTj)).overdue).to.equal(false);

    // 4. H2: the requester's client may not pass the answer on without consent.
    expect(onwardUse(answer.header.labels.handling).mayDisseminate).to.equal(false);
    const consentFields = {
      use: 'pass-on',
      recipient: 'Prosecutor General of KZ',
      justification: 'criminal case 12/2026',
    };
    const consentId = await sent(
      t,
      border,
      await requestEnvelope(
        t,
        border,
        tj,
        'request:consent',
        consentFields,
        { urgency: 'standard' },
        { requestRef: toTj, labels: { ...DOC_LABELS, category: 'general' } },
      ),
    );
    const consentCase = await caseOf(t, tj, consentId);
    expect(consentCase).to.include({ kind: 'request:consent', originalCaseId: toTj, status: 'submitted' });
    const linked = await call<RequestCaseView[]>(t.url, 'GET', `/api/requests?box=outbox&originalCaseId=${toTj}`, {
      token: border.session?.accessToken,
    });
    expect(linked.body.map((c) => c.id)).to.deep.equal([consentId]);

    // 5. Tajikistan grants it, with conditions in the encrypted payload.
    const grant = await stepEnvelope(
      t,
      tj,
      border,
      consentId,
      { action: 'answer', consent: 'granted' },
      { conditions: 'for criminal case 12/2026 only' },
      { labels: { ...DOC_LABELS, category: 'general' } },
    );
    await sent(t, tj, grant);
    expect(await caseOf(t, border, consentId)).to.include({ status: 'answered', consent: 'granted' });
    expect(await readAs(border, tj, grant)).to.deep.equal({ conditions: 'for criminal case 12/2026 only' });

    // 6. Statistics, without content: the secretariat sees every state; Uzbekistan's overdue counts.
    const stats = await call<RequestStatistics>(t.url, 'GET', '/api/requests/statistics?domain=border', {
      token: root.session?.accessToken,
    });
    const row = (state: string) => stats.body.rows.find((r) => r.state === state);
    expect(row('KZ')).to.include({ sent: 3, received: 0 });
    // Computed from the stored timestamps: one acknowledgement; answers to the check and to the consent request.
    const [check, consent] = [await caseOf(t, border, toTj), await caseOf(t, border, consentId)];
    const took = (c: RequestCaseView, at: string | undefined): number =>
      Date.parse(at ?? '') - Date.parse(c.submittedAt);
    expect(row('TJ')).to.include({
      sent: 0,
      received: 2,
      overdue: 0,
      medianAcknowledgeMs: took(check, check.acknowledgedAt),
      medianAnswerMs: (took(check, check.respondedAt) + took(consent, consent.respondedAt)) / 2,
    });
    expect(took(check, check.acknowledgedAt)).to.be.within(HOUR, 2 * HOUR);
    expect(row('UZ')).to.include({ received: 1, overdue: 1, medianAnswerMs: null });
  });
});
