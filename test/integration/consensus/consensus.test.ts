import { expect } from 'chai';
import type { ProposalView } from '../../../shared/schemas/consensus.js';
import type { StateView } from '../../../shared/schemas/directory.js';
import { sweepProposals } from '../../../server/modules/consensus/settle-proposals.js';
import { call } from '../../helpers/api.js';
import { activeNationalAdmin, signIn, type TestPerson } from '../../helpers/accounts.js';
import { socketOf } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { startSiblingNode, type TestServer } from '../../helpers/test-server.js';

const HOUR_MS = 3_600_000;

/**
 * Network-wide decisions by consensus: the secretariat proposes, each member state's national
 * admins give its position; one objection ends a proposal, silence until the deadline adopts it,
 * and the adopted change is carried out by the server.
 */
describe('consensus: network-wide decisions', function () {
  this.timeout(90_000);
  let t: TestServer;
  let root: TestPerson;
  let kz: TestPerson;
  let ru: TestPerson;
  let fpKz: TestPerson;

  before(async () => {
    const net = await startNetwork({ states: { KZ: { focalPoints: { border: 1 } }, RU: {} } });
    ({ t, root } = net);
    [kz, ru] = [net.admin('KZ'), net.admin('RU')];
    fpKz = net.focalPoint('KZ');
  });
  after(async () => t.close());

  /** Moves the server's clock; everyone signs in again (access tokens last 15 minutes). */
  const advance = async (hours: number): Promise<void> => {
    t.clock.advance(hours * HOUR_MS);
    for (const person of [root, kz, ru, fpKz]) await signIn(t, person);
  };
  const inHours = (hours: number): string => new Date(t.clock.now().getTime() + hours * HOUR_MS).toISOString();
  const proposeAs = (who: TestPerson, body: unknown) =>
    call<ProposalView & { error?: { code: string; message: string } }>(t.url, 'POST', '/api/proposals', {
      token: who.session?.accessToken,
      body,
    });
  const positionOf = (who: TestPerson, id: string, body: unknown) =>
    call<ProposalView & { error?: { code: string } }>(t.url, 'POST', `/api/proposals/${id}/position`, {
      token: who.session?.accessToken,
      body,
    });
  const read = async (id: string): Promise<ProposalView> =>
    (await call<ProposalView>(t.url, 'GET', `/api/proposals/${id}`, { token: kz.session?.accessToken })).body;
  const auditTypes = async (id: string): Promise<string[]> => {
    const entries = await call<Array<{ type: string; subjectId: string | null }>>(
      t.url,
      'GET',
      '/api/audit?limit=500',
      { token: root.session?.accessToken },
    );
    return entries.body.filter((e) => e.subjectId === id).map((e) => e.type);
  };

  it('silence procedure: a proposal nobody objects to is adopted at its deadline, and the server applies it', async () => {
    const created = await proposeAs(root, {
      change: { kind: 'directory-freshness', freshnessDays: 30 },
      procedure: 'silence',
      deadline: inHours(48),
      rationale: 'Entries older than a month should be marked stale.',
    });
    expect(created.status).to.equal(201);
    expect(created.body).to.include({ status: 'open', procedure: 'silence', outcome: null });
    expect(created.body.electorate).to.include.members(['KZ', 'RU', 'CN']);
    const approved = await positionOf(kz, created.body.id, { position: 'approve', comment: 'Agreed.' });
    expect(approved.status).to.equal(200);
    expect(approved.body.status).to.equal('open'); // the others keep silent so far
    expect(approved.body.positions.map(({ at: _at, ...rest }) => rest)).to.deep.equal([
      { state: 'KZ', position: 'approve', comment: 'Agreed.', byUserId: kz.user.id },
    ]);

    await advance(47);
    expect((await read(created.body.id)).status).to.equal('open');
    await advance(2);
    const adopted = await read(created.body.id);
    expect(adopted).to.include({ status: 'adopted', outcome: 'silence-kept' });
    const settings = await call<{ freshnessDays: number }>(t.url, 'GET', '/api/directory/settings', {
      token: fpKz.session?.accessToken,
    });
    expect(settings.body.freshnessDays).to.equal(30);
    expect(await auditTypes(created.body.id)).to.have.members([
      'consensus.proposed',
      'consensus.position',
      'consensus.settled',
      'consensus.applied',
    ]);

    const late = await positionOf(ru, created.body.id, { position: 'object' });
    expect(late.status).to.equal(409);
    expect(late.body.error?.code).to.equal('consensus.closed');
  });

  it('one objection breaks the silence at once: nothing changes, and the objection is shown with its comment', async () => {
    const created = await proposeAs(root, {
      change: { kind: 'admit-state', state: { code: 'JP', name: { en: 'Japan', ru: 'Япония' } } },
      deadline: inHours(72),
      rationale: 'Japan asked to join.',
    });
    expect(created.status).to.equal(201);
    expect(created.body.procedure).to.equal('silence'); // the default
    const objected = await positionOf(ru, created.body.id, { position: 'object', comment: 'Consultations first.' });
    expect(objected.body).to.include({ status: 'rejected', outcome: 'objection' });
    expect(objected.body.positions.map((p) => [p.state, p.position, p.comment])).to.deep.equal([
      ['RU', 'object', 'Consultations first.'],
    ]);
    await advance(100);
    await sweepProposals(t.server.consensus);
    const states = await call<StateView[]>(t.url, 'GET', '/api/states', { token: kz.session?.accessToken });
    expect(states.body.map((s) => s.code)).not.to.include('JP');
    const invite = await call<{ error: { code: string } }>(t.url, 'POST', '/api/invitations', {
      token: root.session?.accessToken,
      body: { role: 'national-admin', state: 'JP', displayName: 'Admin JP' },
    });
    expect(invite.body.error.code).to.equal('state.unknown');
  });

  it('admitting a state: once adopted (here by the sweep) it is a member state, its admin can be onboarded, but it does not decide what was proposed before', async () => {
    const admit = await proposeAs(root, {
      change: { kind: 'admit-state', state: { code: 'JP', name: { en: 'Japan', ru: 'Япония' } } },
      deadline: inHours(25),
      rationale: 'Japan asked to join; consultations held.',
    });
    expect(admit.status).to.equal(201);
    const twice = await proposeAs(root, {
      change: { kind: 'admit-state', state: { code: 'JP', name: { en: 'Japan', ru: 'Япония' } } },
      deadline: inHours(25),
      rationale: 'Again.',
    });
    expect(twice.status).to.equal(400);
    expect(twice.body.error?.message).to.contain('open already');
    const earlier = await proposeAs(root, {
      change: { kind: 'directory-freshness', freshnessDays: 60 },
      deadline: inHours(240),
      rationale: 'Two months.',
    });

    await advance(26);
    await sweepProposals(t.server.consensus);
    const states = await call<StateView[]>(t.url, 'GET', '/api/states', { token: kz.session?.accessToken });
    expect(states.body.find((s) => s.code === 'JP')).to.deep.equal({
      code: 'JP',
      name: { en: 'Japan', ru: 'Япония' },
      domains: [],
    });
    expect(await read(admit.body.id)).to.include({ status: 'adopted', outcome: 'silence-kept' });

    const jp = await activeNationalAdmin(t, root, 'JP');
    const notVoter = await positionOf(jp, earlier.body.id, { position: 'approve' });
    expect(notVoter.status).to.equal(403);
    expect(notVoter.body.error?.code).to.equal('consensus.not-in-electorate');
    const again = await proposeAs(root, {
      change: { kind: 'admit-state', state: { code: 'JP', name: { en: 'Japan', ru: 'Япония' } } },
      deadline: inHours(25),
      rationale: 'Once more.',
    });
    expect(again.body.error?.message).to.contain('member state already');
  });

  it("unanimity: without every state's approval by the deadline the proposal lapses; a state may change its position while open", async () => {
    const created = await proposeAs(root, {
      change: { kind: 'directory-freshness', freshnessDays: 120 },
      procedure: 'unanimity',
      deadline: inHours(25),
      rationale: 'Four months.',
    });
    await positionOf(kz, created.body.id, { position: 'object' }).then((r) =>
      expect(r.body.status).to.equal('rejected'),
    );
    const second = await proposeAs(root, {
      change: { kind: 'directory-freshness', freshnessDays: 120 },
      procedure: 'unanimity',
      deadline: inHours(25),
      rationale: 'Four months, again.',
    });
    await positionOf(kz, second.body.id, { position: 'approve' });
    const changed = await positionOf(kz, second.body.id, {
      position: 'approve',
      comment: 'Confirmed by the ministry.',
    });
    expect(changed.body.positions.map((p) => p.comment)).to.deep.equal(['Confirmed by the ministry.']);
    await positionOf(ru, second.body.id, { position: 'approve' });
    await advance(26);
    expect(await read(second.body.id)).to.include({ status: 'rejected', outcome: 'lapsed' });
    const settings = await call<{ freshnessDays: number }>(t.url, 'GET', '/api/directory/settings', {
      token: fpKz.session?.accessToken,
    });
    expect(settings.body.freshnessDays).not.to.equal(120);
  });

  it('the secretariat may withdraw an open proposal; only it proposes, only national admins respond, focal points see none of it', async () => {
    const created = await proposeAs(root, {
      change: { kind: 'directory-freshness', freshnessDays: 45 },
      deadline: inHours(48),
      rationale: 'Six weeks.',
    });
    const withdrawn = await call<ProposalView>(t.url, 'POST', `/api/proposals/${created.body.id}/withdraw`, {
      token: root.session?.accessToken,
    });
    expect(withdrawn.body).to.include({ status: 'withdrawn', outcome: 'withdrawn' });
    expect(
      (await call(t.url, 'POST', `/api/proposals/${created.body.id}/withdraw`, { token: root.session?.accessToken }))
        .status,
    ).to.equal(409);
    expect((await positionOf(kz, created.body.id, { position: 'approve' })).status).to.equal(409);

    expect(
      (
        await proposeAs(kz, {
          change: { kind: 'directory-freshness', freshnessDays: 45 },
          deadline: inHours(48),
          rationale: 'x',
        })
      ).status,
    ).to.equal(403);
    expect((await positionOf(root, created.body.id, { position: 'approve' })).status).to.equal(403);
    expect((await call(t.url, 'GET', '/api/proposals', { token: fpKz.session?.accessToken })).status).to.equal(403);
    const list = await call<ProposalView[]>(t.url, 'GET', '/api/proposals', { token: ru.session?.accessToken });
    expect(list.body[0]?.id).to.equal(created.body.id); // newest first
    expect(withdrawn.body.withdrawalReason, 'no reason posted, none kept').to.equal(undefined);
  });

  it("a withdrawal's reason, when the secretariat gives one, is kept on the proposal every state reads and in the audit entry", async () => {
    const created = await proposeAs(root, {
      change: { kind: 'directory-freshness', freshnessDays: 50 },
      deadline: inHours(48),
      rationale: 'Seven weeks.',
    });
    const blank = await call(t.url, 'POST', `/api/proposals/${created.body.id}/withdraw`, {
      token: root.session?.accessToken,
      body: { reason: '   ' },
    });
    expect(blank.status, 'a reason, when given, is not blank').to.equal(400);
    const withdrawn = await call<ProposalView>(t.url, 'POST', `/api/proposals/${created.body.id}/withdraw`, {
      token: root.session?.accessToken,
      body: { reason: 'Proposed by mistake.' },
    });
    expect(withdrawn.body).to.include({ status: 'withdrawn', withdrawalReason: 'Proposed by mistake.' });
    expect((await read(created.body.id)).withdrawalReason).to.equal('Proposed by mistake.');
    const entries = await call<Array<{ type: string; subjectId: string | null; data: Record<string, unknown> }>>(
      t.url,
      'GET',
      '/api/audit?limit=500&type=consensus.withdrawn',
      { token: root.session?.accessToken },
    );
    expect(entries.body.find((e) => e.subjectId === created.body.id)?.data).to.deep.include({
      reason: 'Proposed by mistake.',
    });
  });

  it('bad proposals get clear errors: a deadline too close or too far, an existing member, an unknown change', async () => {
    const tooSoon = await proposeAs(root, {
      change: { kind: 'directory-freshness', freshnessDays: 30 },
      deadline: inHours(2),
      rationale: 'Now.',
    });
    expect(tooSoon.status).to.equal(400);
    expect(tooSoon.body.error?.message).to.contain('between 24 hours and 180 days');
    expect(
      (
        await proposeAs(root, {
          change: { kind: 'directory-freshness', freshnessDays: 30 },
          deadline: inHours(181 * 24),
          rationale: 'Later.',
        })
      ).status,
    ).to.equal(400);
    const member = await proposeAs(root, {
      change: { kind: 'admit-state', state: { code: 'KZ', name: { en: 'Kazakhstan', ru: 'Казахстан' } } },
      deadline: inHours(48),
      rationale: 'x',
    });
    expect(member.body.error?.message).to.contain('member state already');
    for (const change of [
      { kind: 'dissolve-network' },
      { kind: 'directory-freshness', freshnessDays: 1 },
      { kind: 'admit-state', state: { code: 'jp', name: { en: 'J', ru: 'Я' } } },
    ]) {
      const response = await proposeAs(root, { change, deadline: inHours(48), rationale: 'x' });
      expect(response.status, JSON.stringify(change)).to.equal(400);
      expect(response.body.error?.code).to.equal('validation.failed');
    }
  });

  it('two server nodes settling at once: each outcome is audited once and each change applied once', async () => {
    const other = await startSiblingNode(t);
    try {
      other.clock.advance(t.clock.now().getTime() - other.clock.now().getTime());
      const ids: string[] = [];
      for (const days of [200, 210, 220])
        ids.push(
          (
            await proposeAs(root, {
              change: { kind: 'directory-freshness', freshnessDays: days },
              deadline: inHours(25),
              rationale: `${days} days.`,
            })
          ).body.id,
        );
      other.clock.advance(26 * HOUR_MS);
      await advance(26);
      await Promise.all([
        sweepProposals(t.server.consensus),
        sweepProposals(other.server.consensus),
        ...ids.map((id) => call(other.url, 'GET', `/api/proposals/${id}`, { token: root.session?.accessToken })),
      ]);
      for (const id of ids) {
        const types = await auditTypes(id);
        expect(
          types.filter((type) => type === 'consensus.settled'),
          id,
        ).to.have.length(1);
        expect(
          types.filter((type) => type === 'consensus.applied'),
          id,
        ).to.have.length(1);
        expect((await read(id)).status).to.equal('adopted');
      }
    } finally {
      await other.close();
    }
  });

  it('a node that died between adopting and applying: a later sweep applies the change', async () => {
    const created = await proposeAs(root, {
      change: { kind: 'directory-freshness', freshnessDays: 77 },
      deadline: inHours(25),
      rationale: 'Eleven weeks.',
    });
    await advance(26);
    // As a node would leave it: the outcome claimed and stored, attempt 0 at applying claimed, then nothing.
    const { proposals } = t.server.consensus;
    expect(await proposals.settle(created.body.id, 'adopted', 'silence-kept', t.clock.now())).to.equal(true);
    expect(await proposals.claimApplication(created.body.id, 0, t.clock.now())).to.equal(true);
    await sweepProposals(t.server.consensus);
    const freshness = async (): Promise<number> =>
      (
        await call<{ freshnessDays: number }>(t.url, 'GET', '/api/directory/settings', {
          token: fpKz.session?.accessToken,
        })
      ).body.freshnessDays;
    expect(await freshness()).not.to.equal(77); // attempt 0 belongs to the dead node
    await advance(0.1); // six minutes later
    await sweepProposals(t.server.consensus);
    expect(await freshness()).to.equal(77);
    expect((await auditTypes(created.body.id)).filter((type) => type === 'consensus.applied')).to.have.length(1);
  });

  it("every administrator's open sockets hear of a proposal as it is made, answered and ended; focal points hear nothing", async () => {
    const [secretariat, admin, focalPoint] = await Promise.all([socketOf(t, root), socketOf(t, ru), socketOf(t, fpKz)]);
    const heard = { secretariat: [] as ProposalView[], admin: [] as ProposalView[], focalPoint: [] as ProposalView[] };
    secretariat.on('consensus:updated', (p) => heard.secretariat.push(p));
    admin.on('consensus:updated', (p) => heard.admin.push(p));
    focalPoint.on('consensus:updated', (p) => heard.focalPoint.push(p));
    const created = await proposeAs(root, {
      change: { kind: 'directory-freshness', freshnessDays: 99 },
      deadline: inHours(30),
      rationale: 'Ninety-nine days.',
    });
    await positionOf(kz, created.body.id, { position: 'approve' });
    await positionOf(ru, created.body.id, { position: 'object', comment: 'Too short.' });
    const seen = (list: ProposalView[]): string[] =>
      list.filter((p) => p.id === created.body.id).map((p) => `${p.status}:${p.positions.length}`);
    const deadline = Date.now() + 5_000;
    while (seen(heard.admin).length < 3 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen(heard.admin)).to.deep.equal(['open:0', 'open:1', 'rejected:2']);
    expect(seen(heard.secretariat)).to.deep.equal(['open:0', 'open:1', 'rejected:2']);
    expect(heard.focalPoint).to.deep.equal([]);
  });

  it("a node that died between claiming a proposal's end and recording it: a sweep five minutes later ends it", async () => {
    const created = await proposeAs(root, {
      change: { kind: 'directory-freshness', freshnessDays: 88 },
      deadline: inHours(25),
      rationale: 'Eighty-eight days.',
    });
    await advance(26);
    // As a dying node would leave it: the end claimed, nothing recorded.
    await t.server.database.connection
      .collection<{ _id: string; at: Date; expiresAt: Date | null }>('claims')
      .insertOne({ _id: `proposal:${created.body.id}:end`, at: t.clock.now(), expiresAt: null });
    await sweepProposals(t.server.consensus);
    expect((await read(created.body.id)).status).to.equal('open');
    await advance(0.1); // six minutes later
    await sweepProposals(t.server.consensus);
    expect(await read(created.body.id)).to.include({ status: 'adopted', outcome: 'silence-kept' });
    const types = await auditTypes(created.body.id);
    expect(types.filter((type) => type === 'consensus.settled')).to.have.length(1);
    expect(types.filter((type) => type === 'consensus.applied')).to.have.length(1);
  });
});
