import { expect } from 'chai';
import type { RequestCaseView, RequestOverdueEvent, RequestReminderEvent } from '../../../shared/schemas/requests.js';
import { sweepRequests } from '../../../server/modules/requests/sweep-requests.js';
import { signIn, type TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { flushed } from '../../helpers/barrier.js';
import { socketOf } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { caseOf, DOC_FIELDS, DOC_LABELS, post, requestEnvelope, sent, stepEnvelope } from '../../helpers/requests.js';
import type { TestServer, TestSocket } from '../../helpers/test-server.js';
import { eventually } from '../../helpers/server-process.js';
import { auditEntries } from '../../helpers/audit.js';

const HOUR = 3_600_000;

/** Collects every event of one kind a socket receives. */
function collect<T>(socket: TestSocket, event: 'request:reminder' | 'request:overdue' | 'request:updated'): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: unknown) => seen.push(payload as T));
  return seen;
}

describe('requests: deadlines, reminders, overdue (injected clock)', function () {
  this.timeout(120_000);
  let t: TestServer;
  let kz: TestPerson;
  let tj: TestPerson;
  let kzAdmin: TestPerson;
  let tjAdmin: TestPerson;
  const everyone = (): TestPerson[] => [kz, tj, kzAdmin, tjAdmin];

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, TJ: { focalPoints: { border: 1 } } },
    });
    ({ t } = net);
    [kzAdmin, tjAdmin] = [net.admin('KZ'), net.admin('TJ')];
    [kz, tj] = [net.focalPoint('KZ'), net.focalPoint('TJ')];
  });
  after(async () => t.close());

  /** Moves the clock to `ms` after `from`, then signs everyone in again (tokens last 15 min). */
  async function advanceTo(from: number, ms: number): Promise<void> {
    t.clock.advance(from + ms - t.clock.now().getTime());
    for (const person of everyone()) await signIn(t, person);
  }

  it('reminds the requested focal point at 6 h and 7 h, flags overdue at 8 h to them and their national admins, and asks a late answer for its reason', async () => {
    const id = await sent(
      t,
      kz,
      await requestEnvelope(t, kz, tj, 'request:document-check', DOC_FIELDS, { urgency: 'urgent' }),
    );
    const submitted = Date.parse((await caseOf(t, kz, id)).submittedAt);
    expect(Date.parse((await caseOf(t, kz, id)).deadline) - submitted).to.equal(8 * HOUR);
    // Nothing is due at first.
    expect(await sweepRequests(t.server.requests)).to.deep.equal({ reminded: 0, flagged: 0 });

    await advanceTo(submitted, 6 * HOUR + 60_000);
    const tjSocket = await socketOf(t, tj);
    const reminders = collect<RequestReminderEvent>(tjSocket, 'request:reminder');
    expect(await sweepRequests(t.server.requests)).to.deep.equal({ reminded: 1, flagged: 0 });
    expect(await sweepRequests(t.server.requests)).to.deep.equal({ reminded: 0, flagged: 0 }); // once only
    await eventually(async () => reminders.length > 0, 5_000, 'the reminder');
    await flushed(tjSocket); // a duplicate would have come before the answer to this
    expect(reminders.map((r) => [r.case.id, r.remainingMs <= 2 * HOUR])).to.deep.equal([[id, true]]);

    await advanceTo(submitted, 7 * HOUR + 60_000);
    expect(await sweepRequests(t.server.requests)).to.deep.equal({ reminded: 1, flagged: 0 });

    await advanceTo(submitted, 8 * HOUR + 60_000);
    const listening = {
      tj: await socketOf(t, tj),
      tjAdmin: await socketOf(t, tjAdmin),
      kzAdmin: await socketOf(t, kzAdmin),
      kz: await socketOf(t, kz),
    };
    const overdueTo = {
      tj: collect<RequestOverdueEvent>(listening.tj, 'request:overdue'),
      tjAdmin: collect<RequestOverdueEvent>(listening.tjAdmin, 'request:overdue'),
      kzAdmin: collect<RequestOverdueEvent>(listening.kzAdmin, 'request:overdue'),
    };
    const requesterUpdates = collect<RequestCaseView>(listening.kz, 'request:updated');
    expect(await sweepRequests(t.server.requests)).to.deep.equal({ reminded: 0, flagged: 1 });
    expect(await sweepRequests(t.server.requests)).to.deep.equal({ reminded: 0, flagged: 0 });
    await eventually(
      async () => overdueTo.tj.length > 0 && overdueTo.tjAdmin.length > 0 && requesterUpdates.length > 0,
      5_000,
      'the overdue events',
    );
    await flushed(...Object.values(listening)); // a duplicate, or one to the other state's admin, would have come before the answer to this
    expect(overdueTo.tj.map((e) => e.case.id)).to.deep.equal([id]);
    expect(overdueTo.tjAdmin.map((e) => e.case.id)).to.deep.equal([id]);
    expect(overdueTo.kzAdmin).to.deep.equal([]);
    expect(requesterUpdates.map((c) => [c.id, c.overdue])).to.deep.equal([[id, true]]);

    const tjOverdue = await call<RequestCaseView[]>(t.url, 'GET', '/api/requests/overdue', {
      token: tjAdmin.session?.accessToken,
    });
    expect(tjOverdue.body.map((c) => c.id)).to.deep.equal([id]);
    const kzOverdue = await call<RequestCaseView[]>(t.url, 'GET', '/api/requests/overdue', {
      token: kzAdmin.session?.accessToken,
    });
    expect(kzOverdue.body).to.deep.equal([]);
    expect((await call(t.url, 'GET', '/api/requests/overdue', { token: tj.session?.accessToken })).status).to.equal(
      403,
    );
    const audit = await auditEntries(t, { subjectId: id, type: 'request.overdue' }).then((found) => found.length);
    expect(audit).to.equal(1);

    const labels = { ...DOC_LABELS, evaluation: 'B2' };
    const noReason = await post(
      t,
      tj,
      await stepEnvelope(t, tj, kz, id, { action: 'answer' }, { result: 'genuine' }, { labels }),
    );
    expect([noReason.status, noReason.body.error?.code]).to.deep.equal([422, 'request.late-reason-required']);
    await sent(
      t,
      tj,
      await stepEnvelope(
        t,
        tj,
        kz,
        id,
        { action: 'answer', lateReason: 'awaiting-other-authority' },
        { result: 'genuine' },
        { labels },
      ),
    );
    const answered = await caseOf(t, kz, id);
    expect(answered).to.include({ status: 'answered', overdue: true });
    expect(answered.history[0]).to.include({ lateReason: 'awaiting-other-authority' });
    // Answered: no more reminders or flags.
    await advanceTo(submitted, 9 * HOUR);
    expect(await sweepRequests(t.server.requests)).to.deep.equal({ reminded: 0, flagged: 0 });
  });

  it('keeps a deadline the requester sets, and refuses one in the past', async () => {
    const deadline = t.clock.now().getTime() + 2 * 86_400_000;
    const id = await sent(
      t,
      kz,
      await requestEnvelope(t, kz, tj, 'request:document-check', DOC_FIELDS, { urgency: 'routine', deadline }),
    );
    expect(Date.parse((await caseOf(t, kz, id)).deadline)).to.equal(deadline);
    const past = await post(
      t,
      kz,
      await requestEnvelope(t, kz, tj, 'request:document-check', DOC_FIELDS, {
        urgency: 'routine',
        deadline: t.clock.now().getTime() - 1,
      }),
    );
    expect([past.status, past.body.error?.code]).to.deep.equal([400, 'request.invalid']);
  });

  it('defaults routine requests to 14 days and does not flag an answered one', async () => {
    const id = await sent(
      t,
      kz,
      await requestEnvelope(t, kz, tj, 'request:document-check', DOC_FIELDS, { urgency: 'routine' }),
    );
    const view = await caseOf(t, kz, id);
    expect(Date.parse(view.deadline) - Date.parse(view.submittedAt)).to.equal(14 * 86_400_000);
    await sent(t, tj, await stepEnvelope(t, tj, kz, id, { action: 'decline', reasonCode: 'outside-mandate' }));
    await advanceTo(Date.parse(view.submittedAt), 15 * 86_400_000);
    await sweepRequests(t.server.requests);
    expect((await caseOf(t, kz, id)).overdue).to.equal(false);
  });
});
