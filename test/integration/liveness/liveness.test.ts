import { expect } from 'chai';
import { signLivenessAck } from '../../../shared/crypto/liveness-sign.js';
import type { LivenessCheckView, LivenessPrompt } from '../../../shared/schemas/liveness.js';
import { call } from '../../helpers/api.js';
import {
  activeFocalPoint,
  activeNationalAdmin,
  bootstrapNetworkAdmin,
  signIn,
  type TestPerson,
} from '../../helpers/accounts.js';
import { startNetwork } from '../../helpers/network.js';
import { connected, startTestServer, type TestServer, type TestSocket } from '../../helpers/test-server.js';
import { eventually } from '../../helpers/server-process.js';

describe('liveness checks', function () {
  this.timeout(90_000);
  let t: TestServer;
  let root: TestPerson;
  let kzAdmin: TestPerson;
  let ruAdmin: TestPerson;
  let kzOnline: TestPerson;
  let kzLate: TestPerson;
  let kzSilent: TestPerson;
  let ruOne: TestPerson;

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: [['border'], ['economic-crime'], ['border']] }, RU: { focalPoints: { border: 1 } } },
    });
    ({ t, root } = net);
    [kzAdmin, ruAdmin] = [net.admin('KZ'), net.admin('RU')];
    [kzOnline, kzLate, kzSilent] = net.focalPoints.KZ as [TestPerson, TestPerson, TestPerson];
    ruOne = net.focalPoint('RU');
  });
  after(async () => t.close());

  const nextPrompt = (socket: TestSocket): Promise<LivenessPrompt> =>
    new Promise((resolve) => socket.once('liveness:prompt', resolve));
  const start = (who: TestPerson, body: Record<string, unknown>) =>
    call<{ id: string; targets: number }>(t.url, 'POST', '/api/liveness-checks', {
      token: who.session?.accessToken,
      body,
    });

  it('prompts online focal points in real time; signed answers, late answers and silence are told apart per state', async () => {
    const socket = t.connect({ auth: { token: kzOnline.session?.accessToken } });
    await connected(socket);
    const prompted = nextPrompt(socket);
    const started = await start(kzAdmin, { deadlineMinutes: 10 });
    expect(started.status).to.equal(201);
    expect(started.body.targets).to.equal(3); // KZ only, even though RU has focal points too

    const prompt = await prompted;
    expect(prompt.checkId).to.equal(started.body.id);
    const signature = await signLivenessAck(prompt, kzOnline.user.id, kzOnline.keys.identity.privateKey);
    const answer = await socket.timeout(2_000).emitWithAck('liveness:ack', { checkId: prompt.checkId, signature });
    expect(answer).to.deep.equal({ ok: true, data: { outcome: 'answered' } });

    // A forged answer (someone else's key) is refused.
    const pending = await call<LivenessPrompt[]>(t.url, 'GET', '/api/liveness-checks/pending', {
      token: kzLate.session?.accessToken,
    });
    const latePrompt = pending.body.find((p) => p.checkId === started.body.id) as LivenessPrompt;
    const forged = await signLivenessAck(latePrompt, kzLate.user.id, kzOnline.keys.identity.privateKey);
    const refused = await call(t.url, 'POST', `/api/liveness-checks/${latePrompt.checkId}/ack`, {
      token: kzLate.session?.accessToken,
      body: { signature: forged },
    });
    expect(refused.status).to.equal(400);
    expect(refused.body).to.have.nested.property('error.code', 'liveness.bad-signature');

    t.clock.advance(11 * 60_000);
    await signIn(t, kzLate);
    await signIn(t, kzAdmin);
    const late = await call(t.url, 'POST', `/api/liveness-checks/${latePrompt.checkId}/ack`, {
      token: kzLate.session?.accessToken,
      body: { signature: await signLivenessAck(latePrompt, kzLate.user.id, kzLate.keys.identity.privateKey) },
    });
    expect(late.body).to.deep.equal({ outcome: 'late' });

    const result = await call<LivenessCheckView>(t.url, 'GET', `/api/liveness-checks/${started.body.id}`, {
      token: kzAdmin.session?.accessToken,
    });
    expect(result.body.states).to.have.length(1);
    expect(result.body.states[0]).to.include({ state: 'KZ', targets: 3, answered: 1, late: 1, none: 1 });
    expect(result.body.states[0]?.medianResponseMs).to.be.a('number');
    const outcome = (person: TestPerson) => result.body.targets?.find((x) => x.userId === person.user.id)?.outcome;
    expect([outcome(kzOnline), outcome(kzLate), outcome(kzSilent)]).to.deep.equal(['answered', 'late', 'none']);
    const history = await call<LivenessCheckView[]>(t.url, 'GET', '/api/liveness-checks', {
      token: kzAdmin.session?.accessToken,
    });
    expect(history.body.map((c) => c.id)).to.include(started.body.id);
  });

  it("the secretariat checks the whole network; each national admin sees only their own state's rows", async () => {
    await signIn(t, root);
    await signIn(t, ruAdmin);
    const started = await start(root, { domain: 'border' });
    expect(started.body.targets).to.equal(3); // kzOnline, kzSilent, ruOne
    const asRu = await call<LivenessCheckView>(t.url, 'GET', `/api/liveness-checks/${started.body.id}`, {
      token: ruAdmin.session?.accessToken,
    });
    expect(asRu.body.states.map((s) => s.state)).to.deep.equal(['RU']);
    expect(asRu.body.targets?.map((x) => x.userId)).to.deep.equal([ruOne.user.id]);
    const asRoot = await call<LivenessCheckView>(t.url, 'GET', `/api/liveness-checks/${started.body.id}`, {
      token: root.session?.accessToken,
    });
    expect(asRoot.body.states.map((s) => s.state)).to.deep.equal(['KZ', 'RU']);
  });

  it('a focal point who was offline gets the prompt when they connect', async () => {
    await signIn(t, kzAdmin);
    await signIn(t, kzSilent);
    const started = await start(kzAdmin, { domain: 'border' });
    const socket = t.connect({ auth: { token: kzSilent.session?.accessToken } });
    const prompts: LivenessPrompt[] = [];
    socket.on('liveness:prompt', (p) => prompts.push(p));
    await connected(socket);
    await eventually(async () => prompts.some((p) => p.checkId === started.body.id), 5_000, 'the liveness prompt');
  });

  it("reading by id follows the list: another state's check is not found, and a focal point is refused before any check exists too", async () => {
    const fresh = await startTestServer();
    try {
      const freshRoot = await bootstrapNetworkAdmin(fresh);
      const kzFresh = await activeNationalAdmin(fresh, freshRoot, 'KZ');
      const ruFresh = await activeNationalAdmin(fresh, freshRoot, 'RU');
      const focal = await activeFocalPoint(fresh, kzFresh, ['border']);
      const list = (who: TestPerson) =>
        call<LivenessCheckView[]>(fresh.url, 'GET', '/api/liveness-checks', { token: who.session?.accessToken });
      expect((await list(focal)).status, 'no check yet').to.equal(403);
      const mine = await call<{ id: string }>(fresh.url, 'POST', '/api/liveness-checks', {
        token: kzFresh.session?.accessToken,
        body: { domain: 'border' },
      });
      expect(mine.status).to.equal(201);
      expect((await list(focal)).status, 'a check exists').to.equal(403);
      // RU's admin does not see KZ's check in the list, nor by its id.
      expect((await list(ruFresh)).body.map((c) => c.id)).to.not.include(mine.body.id);
      const byId = await call<{ error: { code: string } }>(fresh.url, 'GET', `/api/liveness-checks/${mine.body.id}`, {
        token: ruFresh.session?.accessToken,
      });
      expect(byId.status).to.equal(404);
      expect(byId.body.error.code).to.equal('liveness.not-found');
      expect(
        (await call(fresh.url, 'GET', `/api/liveness-checks/${mine.body.id}`, { token: kzFresh.session?.accessToken }))
          .status,
      ).to.equal(200);
    } finally {
      await fresh.close();
    }
  });

  it('only admins start checks, national admins only for their own state', async () => {
    await signIn(t, kzOnline);
    expect((await start(kzOnline, {})).status).to.equal(403);
    expect((await start(kzAdmin, { state: 'RU' })).status).to.equal(403);
    expect(
      (await call(t.url, 'GET', '/api/liveness-checks', { token: kzOnline.session?.accessToken })).status,
    ).to.equal(403);
  });
});
