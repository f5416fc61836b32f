import { expect } from 'chai';
import { signLivenessAck } from '../../../shared/crypto/liveness-sign.js';
import type { LivenessPrompt } from '../../../shared/schemas/liveness.js';
import type { LivenessSchedulesView, LivenessScheduleView } from '../../../shared/schemas/liveness-schedule.js';
import type { ProposalView } from '../../../shared/schemas/consensus.js';
import type { ImplementationReview } from '../../../shared/schemas/review.js';
import { sweepProposals } from '../../../server/modules/consensus/settle-proposals.js';
import { sweepLivenessSchedules } from '../../../server/modules/liveness/sweep-liveness-schedules.js';
import { scheduledRunId } from '../../../server/modules/liveness/schedule-runs.js';
import type { LivenessCheck } from '../../../server/modules/liveness/ports.js';
import { call } from '../../helpers/api.js';
import { signIn, type TestPerson } from '../../helpers/accounts.js';
import { flushed, waitFor } from '../../helpers/barrier.js';
import { startNetwork } from '../../helpers/network.js';
import { connected, startTestServer, type TestServer, type TestSocket } from '../../helpers/test-server.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Both nodes verify the same access tokens. */
const JWT_SECRET = 'both-nodes-share-this-secret-of-40-chars!';

/**
 * Scheduled liveness checks: a state's own schedule (its national admins), the network's (by
 * consensus); each period's run starts once across nodes, a node that was down catches up once,
 * and the unanswered are prompted again half-way.
 */
describe('liveness schedules', function () {
  this.timeout(120_000);
  let t: TestServer;
  let other: TestServer;
  let root: TestPerson;
  let kzAdmin: TestPerson;
  let ruAdmin: TestPerson;
  let kzOne: TestPerson;
  let kzTwo: TestPerson;
  let ruOne: TestPerson;

  before(async () => {
    const net = await startNetwork({
      env: { JWT_SECRET },
      states: { KZ: { focalPoints: { border: 2 } }, RU: { focalPoints: { border: 1 } } },
    });
    ({ t, root } = net);
    [kzAdmin, ruAdmin] = [net.admin('KZ'), net.admin('RU')];
    [kzOne, kzTwo] = net.focalPoints.KZ as [TestPerson, TestPerson];
    ruOne = net.focalPoint('RU');
    // A second node on the same database, on the same clock.
    other = await startTestServer({ DB_NAME: t.server.database.connection.name, JWT_SECRET }, { clock: t.clock });
  });
  after(async () => {
    await other?.close();
    await t?.close();
  });

  const everyone = (): TestPerson[] => [root, kzAdmin, ruAdmin, kzOne, kzTwo, ruOne];
  /** The nodes' one clock moves; everyone signs in again (access tokens last 15 minutes). */
  const advance = async (ms: number): Promise<void> => {
    t.clock.advance(ms);
    for (const person of everyone()) await signIn(t, person);
  };
  const at = (ms: number): string => new Date(t.clock.now().getTime() + ms).toISOString();
  const sweepBoth = () =>
    Promise.all([
      sweepLivenessSchedules(t.server.liveness),
      sweepLivenessSchedules(other.server.liveness),
      sweepLivenessSchedules(t.server.liveness),
    ]);
  const schedules = async (who: TestPerson) =>
    (await call<LivenessSchedulesView>(t.url, 'GET', '/api/liveness-schedules', { token: who.session?.accessToken }))
      .body;
  const runsOf = (key: string) => t.server.liveness.checks.runsOf(key, 100);
  const setSchedule = (who: TestPerson, state: string, body: unknown) =>
    call<LivenessScheduleView & { error?: { code: string } }>(t.url, 'PUT', `/api/liveness-schedules/${state}`, {
      token: who.session?.accessToken,
      body,
    });
  /** Connected to both nodes (no Redis here: each node pushes to its own sockets), reminders gathered from either. */
  const socketsOf = async (person: TestPerson): Promise<{ sockets: TestSocket[]; reminders: LivenessPrompt[] }> => {
    const reminders: LivenessPrompt[] = [];
    const sockets = [t, other].map((node) => {
      const socket = node.connect({ auth: { token: person.session?.accessToken } });
      socket.on('liveness:prompt', (prompt) => {
        if (prompt.reminder) reminders.push(prompt);
      });
      return socket;
    });
    await Promise.all(sockets.map(connected));
    return { sockets, reminders };
  };

  let kzFirstRun: string;

  it("a state's schedule runs once per period across two nodes, and prompts only that state's focal points", async () => {
    const set = await setSchedule(kzAdmin, 'KZ', { everyMonths: 1, answerHours: 48, firstRunAt: at(HOUR_MS) });
    expect(set.status).to.equal(200);
    kzFirstRun = set.body.firstRunAt;
    expect(set.body).to.include({ state: 'KZ', everyMonths: 1, answerHours: 48, nextRunAt: kzFirstRun });

    await sweepBoth();
    expect(await runsOf('KZ'), 'not before the first run').to.have.length(0);

    await advance(2 * HOUR_MS);
    await sweepBoth();
    await sweepBoth();
    const runs = await runsOf('KZ');
    expect(runs, 'once, however many sweeps on however many nodes').to.have.length(1);
    expect(runs[0]?.schedule?.periodStart.toISOString()).to.equal(kzFirstRun);
    const targets = await t.server.liveness.checks.targetsOf(runs[0]?.id ?? '');
    expect(targets.map((target) => target.userId).sort()).to.deep.equal([kzOne.user.id, kzTwo.user.id].sort());

    const view = await schedules(kzAdmin);
    const kz = view.states.find((schedule) => schedule.state === 'KZ');
    expect(kz?.lastRuns.map((run) => [run.id, run.origin])).to.deep.equal([[runs[0]?.id, 'scheduled']]);
    expect(kz?.lastRuns[0]?.states).to.deep.equal([
      { state: 'KZ', targets: 2, answered: 0, late: 0, none: 2, medianResponseMs: null },
    ]);
    expect(new Date(kz?.nextRunAt ?? 0).getTime()).to.be.greaterThan(new Date(kzFirstRun).getTime() + 27 * DAY_MS);
  });

  it('a node down for several periods runs the latest period once on catching up, not once per missed period', async () => {
    await advance(100 * DAY_MS); // three periods and more
    await sweepBoth();
    await sweepBoth();
    const runs = await runsOf('KZ');
    expect(runs).to.have.length(2);
    const latest = runs[0]?.schedule?.periodStart ?? new Date(0);
    expect(latest.getTime()).to.be.greaterThan(new Date(kzFirstRun).getTime() + 85 * DAY_MS);
    expect(latest.getTime()).to.be.at.most(t.clock.now().getTime());
    // The full answer window counts from the prompt, not from the period's start.
    expect((runs[0]?.deadline.getTime() ?? 0) - (runs[0]?.startedAt.getTime() ?? 0)).to.equal(48 * HOUR_MS);
  });

  it('half-way through, whoever has not answered is prompted once more, once only', async () => {
    const [run] = await runsOf('KZ');
    const checkId = run?.id ?? '';
    const pending = await call<LivenessPrompt[]>(t.url, 'GET', '/api/liveness-checks/pending', {
      token: kzOne.session?.accessToken,
    });
    const prompt = pending.body.find((p) => p.checkId === checkId) as LivenessPrompt;
    const answered = await call(t.url, 'POST', `/api/liveness-checks/${checkId}/ack`, {
      token: kzOne.session?.accessToken,
      body: { signature: await signLivenessAck(prompt, kzOne.user.id, kzOne.keys.identity.privateKey) },
    });
    expect(answered.body).to.deep.equal({ outcome: 'answered' });

    await advance(20 * HOUR_MS);
    const early = await socketsOf(kzTwo);
    await sweepBoth();
    await flushed(...early.sockets);
    expect(early.reminders, 'not before half the window').to.have.length(0);

    await advance(5 * HOUR_MS); // sockets are connected afresh: a socket's session ends with its token
    const one = await socketsOf(kzOne);
    const two = await socketsOf(kzTwo);
    await sweepBoth();
    await sweepBoth();
    await waitFor(() => two.reminders.length > 0, { what: 'the reminder' });
    await flushed(...one.sockets, ...two.sockets);
    expect(two.reminders.map((p) => p.checkId)).to.deep.equal([checkId]);
    expect(one.reminders, 'who answered is not reminded').to.have.length(0);
  });

  it('a national admin sets, changes and removes only their own state; focal points and the secretariat set none; bad input is named', async () => {
    const fp = await setSchedule(kzOne, 'KZ', { everyMonths: 3, answerHours: 24, firstRunAt: at(DAY_MS) });
    expect(fp.status).to.equal(403);
    expect(
      (await setSchedule(kzAdmin, 'RU', { everyMonths: 3, answerHours: 24, firstRunAt: at(DAY_MS) })).status,
    ).to.equal(403);
    expect(
      (await setSchedule(root, 'KZ', { everyMonths: 3, answerHours: 24, firstRunAt: at(DAY_MS) })).status,
    ).to.equal(403);
    expect(
      (await call(t.url, 'GET', '/api/liveness-schedules', { token: kzOne.session?.accessToken })).status,
    ).to.equal(403);
    const bad = await setSchedule(kzAdmin, 'KZ', { everyMonths: 0, answerHours: 24, firstRunAt: at(DAY_MS) });
    expect(bad.status).to.equal(400);
    expect(bad.body.error?.code).to.equal('validation.failed');
    const far = await setSchedule(kzAdmin, 'KZ', { everyMonths: 3, answerHours: 24, firstRunAt: at(900 * DAY_MS) });
    expect(far.status).to.equal(400);
    expect((await schedules(kzAdmin)).states.find((s) => s.state === 'KZ')?.everyMonths, 'nothing changed').to.equal(1);

    // RU's own schedule: its admin sees it, KZ's admin does not.
    expect(
      (await setSchedule(ruAdmin, 'RU', { everyMonths: 12, answerHours: 72, firstRunAt: at(DAY_MS) })).status,
    ).to.equal(200);
    expect((await schedules(kzAdmin)).states.map((s) => s.state)).to.deep.equal(['KZ']);
    expect((await schedules(root)).states.map((s) => s.state)).to.deep.equal(['KZ', 'RU']);

    const changed = await setSchedule(kzAdmin, 'KZ', { everyMonths: 3, answerHours: 24, firstRunAt: at(DAY_MS) });
    expect(changed.body).to.include({ everyMonths: 3, answerHours: 24 });
    expect(changed.body.lastRuns, 'past runs stay with the schedule').to.have.length(2);
    const removed = await call<LivenessSchedulesView>(t.url, 'DELETE', '/api/liveness-schedules/KZ', {
      token: kzAdmin.session?.accessToken,
    });
    expect(removed.status).to.equal(200);
    expect(removed.body.states).to.deep.equal([]);
    const again = await call<{ error: { code: string } }>(t.url, 'DELETE', '/api/liveness-schedules/KZ', {
      token: kzAdmin.session?.accessToken,
    });
    expect(again.status).to.equal(404);
    expect(again.body.error.code).to.equal('liveness.not-found');
    expect(
      (await call(t.url, 'DELETE', '/api/liveness-schedules/RU', { token: kzAdmin.session?.accessToken })).status,
    ).to.equal(403);

    await advance(2 * DAY_MS);
    const before = (await runsOf('KZ')).length;
    await sweepBoth();
    expect(await runsOf('KZ'), 'a removed schedule runs no more').to.have.length(before);
    expect(await runsOf('RU'), "RU's own ran").to.have.length(1);

    const audit = await call<Array<{ type: string; state: string | null }>>(t.url, 'GET', '/api/audit?limit=500', {
      token: kzAdmin.session?.accessToken,
    });
    expect(audit.body.filter((e) => e.type === 'liveness.schedule-set' && e.state === 'KZ')).to.have.length(2);
    expect(audit.body.filter((e) => e.type === 'liveness.schedule-removed' && e.state === 'KZ')).to.have.length(1);
  });

  it("the network's schedule is adopted by consensus, then checks every state's focal points", async () => {
    const propose = (who: TestPerson, change: unknown) =>
      call<ProposalView & { error?: { code: string } }>(t.url, 'POST', '/api/proposals', {
        token: who.session?.accessToken,
        body: { change, procedure: 'silence', deadline: at(48 * HOUR_MS), rationale: 'Yearly checks.' },
      });
    const schedule = { everyMonths: 12, answerHours: 24, firstRunAt: at(10 * DAY_MS) };
    expect((await propose(kzAdmin, { kind: 'set-liveness-schedule', schedule })).status).to.equal(403);
    expect(
      (await propose(root, { kind: 'remove-liveness-schedule' })).body.error?.code,
      'nothing to remove yet',
    ).to.equal('consensus.invalid');
    const proposed = await propose(root, { kind: 'set-liveness-schedule', schedule });
    expect(proposed.status).to.equal(201);
    expect(
      (await propose(root, { kind: 'set-liveness-schedule', schedule })).body.error?.code,
      'one at a time',
    ).to.equal('consensus.invalid');
    expect((await schedules(kzAdmin)).network, 'not before adoption').to.equal(null);

    await advance(49 * HOUR_MS);
    await sweepProposals(t.server.consensus);
    const network = (await schedules(kzAdmin)).network;
    expect(network).to.include({ state: null, everyMonths: 12, answerHours: 24, proposalId: proposed.body.id });
    expect(network?.nextRunAt).to.equal(schedule.firstRunAt);

    await advance(9 * DAY_MS);
    await sweepBoth();
    await sweepBoth();
    const runs = await runsOf('network');
    expect(runs, JSON.stringify(runs)).to.have.length(1);
    expect(runs[0]?.scopeState).to.equal(null);
    const targets = await t.server.liveness.checks.targetsOf(runs[0]?.id ?? '');
    expect(targets.map((target) => target.state).sort()).to.deep.equal(['KZ', 'KZ', 'RU']);
    // Each national admin sees their own state's rows of the network's runs.
    expect((await schedules(ruAdmin)).network?.lastRuns[0]?.states.map((s) => s.state)).to.deep.equal(['RU']);

    const removal = await propose(root, { kind: 'remove-liveness-schedule' });
    expect(removal.status).to.equal(201);
    await advance(49 * HOUR_MS);
    await sweepProposals(t.server.consensus);
    expect((await schedules(root)).network).to.equal(null);
  });

  it('a node that died after claiming a run: another starts it five minutes later, once', async () => {
    const set = await setSchedule(ruAdmin, 'RU', { everyMonths: 1, answerHours: 24, firstRunAt: at(HOUR_MS) });
    expect(set.status).to.equal(200);
    await advance(2 * HOUR_MS);
    const key = `liveness-schedule:RU:${set.body.firstRunAt}`;
    expect(await t.server.liveness.claims.claim(key, t.clock.now())).to.equal(true); // and then the node died
    await sweepBoth();
    const ran = async () =>
      (await runsOf('RU')).filter((run) => run.schedule?.periodStart.toISOString() === set.body.firstRunAt);
    expect(await ran(), 'the claimant may still be at it').to.have.length(0);
    t.clock.advance(6 * 60_000);
    await sweepBoth();
    await sweepBoth();
    expect(await ran()).to.have.length(1);
  });

  it('nodes whose clocks disagree by more than the retry time still start each period once', async () => {
    // A node ten minutes ahead takes a run claimed by a node behind it for an abandoned one and
    // tries again while the first is still at it: the run's id, derived from its period, keeps one.
    const ahead = { ...other.server.liveness, clock: { now: () => new Date(t.clock.now().getTime() + 10 * 60_000) } };
    const duplicates: string[] = [];
    for (let month = 1; month <= 8; month++) {
      await advance(31 * DAY_MS);
      await Promise.all([
        sweepLivenessSchedules(t.server.liveness),
        sweepLivenessSchedules(ahead),
        sweepLivenessSchedules(t.server.liveness),
        sweepLivenessSchedules(ahead),
      ]);
      const periods = (await runsOf('RU')).map((run) => run.schedule?.periodStart.toISOString());
      if (new Set(periods).size !== periods.length) duplicates.push(`month ${month}: ${periods.join(', ')}`);
    }
    expect(duplicates).to.deep.equal([]);
    const [latest] = await runsOf('RU');
    const id = latest?.id ?? '';
    expect(id).to.equal(scheduledRunId('RU', latest?.schedule?.periodStart ?? new Date(0)));
    // Whoever tries again, later: the targets stored first and the run stay as they were.
    await t.server.liveness.checks.addScheduledTargets(id, [
      { userId: ruOne.user.id, state: 'RU', nonce: 'another', promptedAt: t.clock.now(), deadline: t.clock.now() },
    ]);
    const again = await t.server.liveness.checks.createScheduled(id, {
      ...(latest as LivenessCheck),
      startedAt: t.clock.now(),
    });
    expect(again, 'created once, whoever asks').to.equal(false);
    const targets = await t.server.liveness.checks.targetsOf(latest?.id ?? '');
    expect(targets.map((target) => target.nonce)).to.not.include('another');
  });

  it('the review counts scheduled checks apart from manual ones, per state they prompted', async () => {
    const manual = await call(t.url, 'POST', '/api/liveness-checks', { token: kzAdmin.session?.accessToken, body: {} });
    expect(manual.status).to.equal(201);
    const year = t.clock.now().getUTCFullYear();
    const review = async (who: TestPerson) =>
      (await call<ImplementationReview>(t.url, 'GET', `/api/review?year=${year}`, { token: who.session?.accessToken }))
        .body;
    const checksThisYear = async (key: string) =>
      (await runsOf(key)).filter((run) => run.startedAt.getUTCFullYear() === year).length;
    const kz = (await review(kzAdmin)).upkeep.find((row) => row.state === 'KZ');
    const scheduledKz = (await checksThisYear('KZ')) + (await checksThisYear('network'));
    expect(kz?.livenessScheduledChecks).to.equal(scheduledKz);
    expect(kz?.livenessChecks).to.be.at.least(scheduledKz + 1); // and the manual one
    expect(kz?.livenessPrompted).to.equal(2 * (kz?.livenessChecks ?? 0));
    const ru = (await review(ruAdmin)).upkeep.find((row) => row.state === 'RU');
    expect(ru?.livenessScheduledChecks).to.equal((await checksThisYear('RU')) + (await checksThisYear('network')));
  });

  it('a focal point suspended since the run started is not reminded', async () => {
    const set = await setSchedule(kzAdmin, 'KZ', { everyMonths: 12, answerHours: 24, firstRunAt: at(HOUR_MS) });
    expect(set.status).to.equal(200);
    await advance(2 * HOUR_MS);
    await sweepBoth();
    const [run] = await runsOf('KZ');
    expect(run?.schedule?.periodStart.toISOString()).to.equal(set.body.firstRunAt);
    const suspended = await call(t.url, 'POST', `/api/users/${kzTwo.user.id}/suspend`, {
      token: kzAdmin.session?.accessToken,
      body: { reason: 'left the ministry' },
    });
    expect(suspended.status).to.equal(200);
    t.clock.advance(13 * HOUR_MS); // past half the window (no one signs in again: kzTwo no longer can)
    const reminded: string[] = [];
    const watched = {
      ...t.server.liveness,
      notifier: {
        prompt: (userId: string, prompt: LivenessPrompt) => {
          if (prompt.checkId === run?.id) reminded.push(userId);
        },
      },
    };
    await sweepLivenessSchedules(watched);
    expect(reminded).to.deep.equal([kzOne.user.id]);
  });
});
