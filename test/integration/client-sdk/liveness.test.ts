import { expect } from 'chai';
import {
  answerLivenessPrompt,
  connectSocket,
  isApiError,
  onLivenessPrompt,
  type FocalNetSocket,
} from '../../../client/sdk/index.js';
import type { LivenessPrompt } from '../../../shared/schemas/liveness.js';
import { startSdkNetwork } from '../../helpers/network.js';
import { eventually } from '../../helpers/server-process.js';
import { sdkSignIn, type SdkPerson } from '../../helpers/sdk.js';
import type { SdkMember } from '../../helpers/sdk-people.js';
import type { TestServer } from '../../helpers/test-server.js';

describe('client SDK: liveness checks', function () {
  this.timeout(90_000);
  let t: TestServer;
  let root: SdkPerson;
  let kzAdmin: SdkMember;
  let online: SdkMember;
  let offline: SdkMember;
  const sockets: FocalNetSocket[] = [];

  before(async () => {
    const net = await startSdkNetwork({ states: { KZ: { focalPoints: [['border'], ['economic-crime']] } } });
    ({ t, root } = net);
    kzAdmin = net.admin('KZ');
    [online, offline] = [net.focalPoint('KZ'), net.focalPoint('KZ', 1)];
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await t.close();
  });

  const open = async (person: SdkPerson): Promise<FocalNetSocket> => {
    const socket = connectSocket(person.client, { socketOptions: { transports: ['websocket'] } });
    sockets.push(socket);
    await eventually(async () => socket.connected, 5_000, 'socket connected');
    return socket;
  };

  it('a prompt arrives over the socket and is answered there with the unlocked key; another is answered over HTTPS, late', async () => {
    const socket = await open(online);
    const prompts: LivenessPrompt[] = [];
    const stop = onLivenessPrompt(socket, (prompt) => prompts.push(prompt));
    const started = await kzAdmin.client.liveness.start({ deadlineMinutes: 10 });
    expect(started.targets).to.equal(2);

    await eventually(async () => prompts.length === 1, 5_000, 'prompt pushed');
    expect(prompts[0]?.checkId).to.equal(started.id);
    expect(await answerLivenessPrompt(online.client.liveness, socket, prompts[0] as LivenessPrompt)).to.equal(
      'answered',
    );
    stop();

    const [pending] = await offline.client.liveness.pending();
    expect(pending?.checkId).to.equal(started.id);
    t.clock.advance(11 * 60_000);
    expect(await offline.client.liveness.answer(pending as LivenessPrompt)).to.equal('late');
    expect(await offline.client.liveness.pending()).to.deep.equal([]);

    await sdkSignIn(t, kzAdmin);
    const check = await kzAdmin.client.liveness.get(started.id);
    expect(check.states).to.deep.equal([
      {
        state: 'KZ',
        targets: 2,
        answered: 1,
        late: 1,
        none: 0,
        medianResponseMs: check.states[0]?.medianResponseMs ?? null,
      },
    ]);
    expect(check.targets?.map((x) => [x.userId, x.outcome])).to.have.deep.members([
      [online.id, 'answered'],
      [offline.id, 'late'],
    ]);
    expect((await kzAdmin.client.liveness.list()).map((c) => c.id)).to.include(started.id);
  });

  it('the secretariat checks every state or one, optionally one domain', async () => {
    await sdkSignIn(t, root);
    expect((await root.client.liveness.start({ domain: 'economic-crime' })).targets).to.equal(1);
    expect((await root.client.liveness.start({ state: 'RU' })).targets).to.equal(0);
    const refused = await online.client.liveness.start({}).catch((e: unknown) => e);
    expect(isApiError(refused, 'auth.forbidden')).to.equal(true);
  });

  it("refuses to sign with locked keys, and reports a refused signature with the server's code", async () => {
    await sdkSignIn(t, kzAdmin);
    await kzAdmin.client.liveness.start({ domain: 'border' });
    const [prompt] = await online.client.liveness.pending();
    if (!prompt) throw new Error('no prompt');
    const socket = await open(online);
    const forged = await answerLivenessPrompt(
      { sign: async (p) => ({ checkId: p.checkId, signature: 'A'.repeat(86) }) },
      socket,
      prompt,
    ).catch((e: unknown) => e);
    expect(isApiError(forged, 'liveness.bad-signature')).to.equal(true);

    online.client.keyStore.clear();
    const locked = await online.client.liveness.answer(prompt).catch((e: unknown) => e);
    expect(isApiError(locked, 'client.keys-locked')).to.equal(true);
    await online.client.unlockKeys({ password: online.password });
    expect(await online.client.liveness.answer(prompt)).to.equal('answered');
  });

  it("schedules: a national admin sets and removes their state's; the secretariat proposes the network's; a focal point reads none", async () => {
    await sdkSignIn(t, kzAdmin);
    await sdkSignIn(t, root);
    const firstRunAt = new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString();
    const set = await kzAdmin.client.liveness.setStateSchedule('KZ', { everyMonths: 6, answerHours: 48, firstRunAt });
    expect(set).to.include({ state: 'KZ', everyMonths: 6, answerHours: 48, nextRunAt: firstRunAt });
    expect((await root.client.liveness.schedules()).states.map((schedule) => schedule.state)).to.deep.equal(['KZ']);
    const refused = await online.client.liveness.schedules().catch((e: unknown) => e);
    expect(isApiError(refused, 'auth.forbidden')).to.equal(true);
    const notTheirs = await root.client.liveness
      .setStateSchedule('KZ', { everyMonths: 6, answerHours: 48, firstRunAt })
      .catch((e: unknown) => e);
    expect(isApiError(notTheirs, 'auth.forbidden')).to.equal(true);
    expect((await kzAdmin.client.liveness.removeStateSchedule('KZ')).states).to.deep.equal([]);

    const proposal = await root.client.consensus.propose({
      change: { kind: 'set-liveness-schedule', schedule: { everyMonths: 12, answerHours: 72, firstRunAt } },
      deadline: new Date(t.clock.now().getTime() + 48 * 3_600_000).toISOString(),
      rationale: 'A yearly check of every focal point.',
    });
    expect(proposal.change).to.deep.equal({
      kind: 'set-liveness-schedule',
      schedule: { everyMonths: 12, answerHours: 72, firstRunAt },
    });
  });
});
