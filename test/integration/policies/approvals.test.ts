import { expect } from 'chai';
import type { ApprovalUpdatedEvent, ApprovalView } from '../../../shared/schemas/approvals.js';
import type { Labels } from '../../../shared/schemas/labels.js';
import type { AuditEntryView } from '../../../shared/schemas/accounts.js';
import { loadConfig } from '../../../server/config.js';
import type { ApprovalSettledEvent } from '../../../server/modules/policies/approval-events.js';
import { createPolicyEnforcement, type PolicyEnforcement } from '../../../server/modules/policies/enforce-policy.js';
import { SETTLEMENT_GRACE_MS, sweepApprovals } from '../../../server/modules/policies/sweep-approvals.js';
import { signIn, type TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { flushed } from '../../helpers/barrier.js';
import { socketOf } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { eventually } from '../../helpers/server-process.js';
import type { TestServer } from '../../helpers/test-server.js';

const CONFIDENTIAL: Labels = {
  domain: 'law-enforcement',
  category: 'criminal-intelligence',
  classification: 'confidential',
  handling: 'H2',
};
const HOUR = 3_600_000;

describe('approvals: exchanges held by an approve decision', function () {
  this.timeout(60_000);
  let t: TestServer;
  let root: TestPerson;
  let kz: TestPerson;
  let ru: TestPerson;
  let cn: TestPerson;
  let fpKz: TestPerson;
  let enforcement: PolicyEnforcement;
  const settled: ApprovalSettledEvent[] = [];
  let counter = 0;

  before(async () => {
    const net = await startNetwork({ states: { KZ: { focalPoints: { border: 1 } }, RU: {}, CN: {} } });
    ({ t, root } = net);
    [kz, ru, cn] = [net.admin('KZ'), net.admin('RU'), net.admin('CN')];
    fpKz = net.focalPoint('KZ');
    await publishPolicy(
      t,
      kz,
      policyBody('KZ', 1, [
        { id: 'kz-hold', direction: 'outbound', classifications: ['confidential'], effect: 'approve' },
      ]),
    );
    await publishPolicy(
      t,
      ru,
      policyBody('RU', 1, [
        {
          id: 'ru-hold',
          direction: 'inbound',
          counterparts: ['KZ'],
          classifications: ['confidential'],
          effect: 'approve',
        },
      ]),
    );
    enforcement = createPolicyEnforcement(t.server.policies);
    enforcement.onApprovalSettled((event) => {
      settled.push(event);
    });
  });
  after(async () => t.close());

  /** What messaging will do: decide, and hold when the decision says approve. */
  async function held(toStates = ['RU'], fromUserId = fpKz.user.id): Promise<ApprovalView> {
    const decision = await enforcement.decideExchange({
      labels: CONFIDENTIAL,
      kind: 'request:person-entity-check',
      fromState: 'KZ',
      toStates,
      at: t.clock.now(),
    });
    expect(decision.effect).to.equal('approve');
    counter += 1;
    return enforcement.holdForApproval({
      exchangeRef: `ex-${counter}`,
      fromUserId,
      fromState: 'KZ',
      toStates,
      labels: CONFIDENTIAL,
      kind: 'request:person-entity-check',
      decision,
    });
  }
  const queue = (who: TestPerson, status = 'pending') =>
    call<ApprovalView[]>(t.url, 'GET', `/api/approvals?status=${status}`, { token: who.session?.accessToken });
  const decide = (who: TestPerson, id: string, verdict: 'approve' | 'reject', comment?: string) =>
    call<ApprovalView>(t.url, 'POST', `/api/approvals/${id}/${verdict}`, {
      token: who.session?.accessToken,
      body: comment === undefined ? {} : { comment },
    });
  const eventsFor = (id: string) => settled.filter((event) => event.approvalId === id);
  const auditFor = async (id: string) =>
    (await t.server.auditEntries.list({ limit: 10_000 })).filter((entry) => entry.subjectId === id);

  it('held → approved by each holding state → settled event, once; every step audited', async () => {
    const request = await held();
    expect(request).to.deep.include({
      status: 'pending',
      fromState: 'KZ',
      toStates: ['RU'],
      holdingStates: ['KZ', 'RU'],
      pendingStates: ['KZ', 'RU'],
    });
    expect(request.holds).to.deep.equal([
      { state: 'KZ', policyVersion: 1, ruleId: 'kz-hold', direction: 'outbound' },
      { state: 'RU', policyVersion: 1, ruleId: 'ru-hold', direction: 'inbound' },
    ]);
    expect(Date.parse(request.expiresAt) - Date.parse(request.createdAt)).to.equal(72 * HOUR);
    const again = await enforcement.holdForApproval({
      exchangeRef: request.exchangeRef,
      fromUserId: fpKz.user.id,
      fromState: 'KZ',
      toStates: ['RU'],
      labels: CONFIDENTIAL,
      kind: 'request:person-entity-check',
      decision: await enforcement.decideExchange({
        labels: CONFIDENTIAL,
        kind: 'request:person-entity-check',
        fromState: 'KZ',
        toStates: ['RU'],
        at: t.clock.now(),
      }),
    });
    expect(again.id, 'idempotent per exchangeRef').to.equal(request.id);

    for (const admin of [kz, ru]) expect((await queue(admin)).body.map((a) => a.id)).to.include(request.id);
    expect((await queue(cn)).body.map((a) => a.id)).not.to.include(request.id);

    const first = await decide(kz, request.id, 'approve', 'checked with the ministry');
    expect(first.status).to.equal(200);
    expect(first.body).to.deep.include({ status: 'pending', pendingStates: ['RU'] });
    expect(eventsFor(request.id)).to.have.length(0);
    expect(
      (await queue(kz)).body.map((a) => a.id),
      'still pending for RU, listed for KZ too',
    ).to.include(request.id);

    const twice = await decide(kz, request.id, 'approve');
    expect(twice.status).to.equal(409);
    expect(twice.body).to.have.nested.property('error.code', 'approval.not-pending');

    const last = await decide(ru, request.id, 'approve');
    expect(last.body).to.deep.include({ status: 'approved', pendingStates: [], decidedBy: ru.user.id });
    expect(last.body.decisions.map((d) => [d.state, d.verdict, d.comment])).to.deep.equal([
      ['KZ', 'approved', 'checked with the ministry'],
      ['RU', 'approved', null],
    ]);
    expect(eventsFor(request.id)).to.have.length(1);
    expect(eventsFor(request.id)[0]).to.deep.include({
      exchangeRef: request.exchangeRef,
      status: 'approved',
      fromUserId: fpKz.user.id,
      decidedBy: ru.user.id,
      toStates: ['RU'],
    });
    expect((await decide(ru, request.id, 'reject', 'too late')).status).to.equal(409);
    expect((await queue(kz, 'approved')).body.map((a) => a.id)).to.include(request.id);

    const audit = await auditFor(request.id);
    expect(audit.map((e) => `${e.type}:${e.state}`)).to.deep.equal([
      'approval.requested:KZ',
      'approval.requested:RU',
      'approval.approved:KZ',
      'approval.approved:RU',
      'approval.settled:KZ',
    ]);
    // One settlement, shown in both trails.
    expect(audit.find((e) => e.type === 'approval.settled')?.alsoStates).to.deep.equal(['RU']);
    const ruTrail = await call<AuditEntryView[]>(t.url, 'GET', '/api/audit?type=approval.settled&order=desc', {
      token: ru.session?.accessToken,
    });
    expect(ruTrail.body.map((e) => e.subjectId)).to.include(request.id);
    expect(JSON.stringify(audit), 'comments stay out of the audit trail').not.to.contain('ministry');
    // Each trail names its own state's rules; RU's unpublished rule is only "unpublished" in KZ's.
    const requested = (state: string) =>
      audit.find((e) => e.type === 'approval.requested' && e.state === state)?.data?.rules;
    expect(requested('KZ')).to.deep.equal(['KZ@1/outbound/kz-hold', 'RU@1/inbound/unpublished']);
    expect(requested('RU')).to.deep.equal(['KZ@1/outbound/unpublished', 'RU@1/inbound/ru-hold']);
  });

  it('one rejection settles it as rejected, with the reason for the sender', async () => {
    const request = await held();
    const noReason = await decide(ru, request.id, 'reject');
    expect(noReason.status).to.equal(400);
    const rejected = await decide(ru, request.id, 'reject', 'the subject is under national investigation');
    expect(rejected.body).to.deep.include({
      status: 'rejected',
      decidedBy: ru.user.id,
      comment: 'the subject is under national investigation',
    });
    expect(eventsFor(request.id).map((e) => [e.status, e.comment])).to.deep.equal([
      ['rejected', 'the subject is under national investigation'],
    ]);
    expect((await decide(kz, request.id, 'approve')).status).to.equal(409);
    expect((await auditFor(request.id)).map((e) => e.type)).to.include.members([
      'approval.rejected',
      'approval.settled',
    ]);
  });

  it('tells the national admins of each holding state, and no one else, as a held exchange is filed, decided on and settled', async () => {
    const people = { kz, ru, cn, root, fpKz };
    const heard = new Map<string, ApprovalUpdatedEvent[]>();
    const sockets = await Promise.all(
      Object.entries(people).map(async ([name, person]) => {
        const socket = await socketOf(t, person);
        heard.set(name, []);
        socket.on('approval:updated', (event) => heard.get(name)?.push(event));
        return socket;
      }),
    );
    try {
      const request = await held();
      const of = (name: string) => (heard.get(name) ?? []).filter((e) => e.id === request.id).map((e) => e.status);
      await eventually(
        async () => of('kz').length === 1 && of('ru').length === 1,
        5_000,
        'the filing heard by KZ and RU',
      );
      expect((await decide(kz, request.id, 'approve')).status).to.equal(200);
      await eventually(async () => of('kz').length === 2 && of('ru').length === 2, 5_000, "KZ's approval heard");
      expect((await decide(ru, request.id, 'reject', 'not now')).status).to.equal(200);
      await eventually(
        async () => of('ru').length === 4 && of('kz').length === 4,
        5_000,
        "RU's rejection and the settlement heard",
      );
      await flushed(...sockets); // a stray event would have come before the answer to this
      for (const name of ['kz', 'ru'])
        expect(of(name), name).to.deep.equal(['pending', 'pending', 'pending', 'rejected']);
      for (const name of ['cn', 'root', 'fpKz']) expect(heard.get(name), name).to.deep.equal([]);
    } finally {
      for (const socket of sockets) socket.close();
    }
  });

  it('only national admins of a holding state decide, and never on an exchange they sent', async () => {
    const request = await held();
    const cases: Array<[string, TestPerson, number]> = [
      ['admin of a state that did not hold it', cn, 404],
      ['network admin', root, 404],
      ['focal point of a holding state', fpKz, 403],
    ];
    for (const [name, who, status] of cases)
      expect((await decide(who, request.id, 'approve')).status, name).to.equal(status);
    for (const who of [fpKz, root]) expect((await queue(who)).status).to.equal(403);
    expect((await decide(kz, '0123456789abcdef01234567', 'approve')).status).to.equal(404);

    const own = await held(['RU'], kz.user.id);
    const self = await decide(kz, own.id, 'approve');
    expect(self.status).to.equal(403);
    expect((await decide(ru, own.id, 'approve')).status).to.equal(200);
  });

  it('approvals by several states at once, or an approval racing a rejection, settle it exactly once', async () => {
    for (let round = 0; round < 5; round++) {
      const request = await held();
      const results = await Promise.all([decide(kz, request.id, 'approve'), decide(ru, request.id, 'approve')]);
      expect(results.map((r) => r.status)).to.deep.equal([200, 200]);
      expect(
        eventsFor(request.id).map((e) => e.status),
        `round ${round}`,
      ).to.deep.equal(['approved']);
      expect(results.some((r) => r.body.status === 'approved')).to.equal(true);
    }
    for (let round = 0; round < 5; round++) {
      const request = await held();
      await Promise.all([decide(kz, request.id, 'approve'), decide(ru, request.id, 'reject', 'no')]);
      expect(
        eventsFor(request.id).map((e) => e.status),
        `round ${round}`,
      ).to.deep.equal(['rejected']);
    }
  });

  it('expires after the configured time: the sweeper settles it once, across repeated sweeps', async () => {
    const request = await held();
    t.clock.advance(72 * HOUR + 1000);
    for (const admin of [kz, ru]) await signIn(t, admin); // access tokens expired with the clock
    expect((await queue(kz)).body.map((a) => a.id)).not.to.include(request.id);
    const late = await decide(kz, request.id, 'approve');
    expect(late.status).to.equal(409);
    expect(late.body).to.have.nested.property('error.message').that.contains('run out');

    const first = await sweepApprovals(t.server.policies);
    expect(first.expired).to.be.at.least(1);
    expect(eventsFor(request.id).map((e) => [e.status, e.decidedBy])).to.deep.equal([['expired', null]]);
    expect((await sweepApprovals(t.server.policies)).expired).to.equal(0);
    expect(eventsFor(request.id)).to.have.length(1);
    expect((await queue(ru, 'expired')).body.map((a) => a.id)).to.include(request.id);
    expect(
      (await auditFor(request.id)).filter((e) => e.type === 'approval.settled').map((e) => e.data.status),
    ).to.deep.equal(['expired']);
  });

  it('the sweeper settles what an interrupted approval left open, and finishes a settlement a stopped node won', async () => {
    const approved = await held();
    for (const [state, who] of [
      ['KZ', kz],
      ['RU', ru],
    ] as const) {
      // What a node stopping right after recording the last approval leaves behind.
      expect(
        await t.server.policies.approvals.insertDecision(approved.id, {
          state,
          userId: who.user.id,
          verdict: 'approved',
          comment: null,
          at: t.clock.now(),
        }),
      ).to.equal(true);
    }
    const won = await held();
    // A node that won the settlement and stopped before announcing it.
    expect(
      await t.server.policies.approvals.claimSettlement(won.id, {
        status: 'rejected',
        decidedBy: ru.user.id,
        comment: 'no',
        at: t.clock.now(),
      }),
    ).to.equal(true);

    const first = await sweepApprovals(t.server.policies);
    expect(first).to.deep.include({ approved: 1, finished: 0 });
    expect(eventsFor(approved.id).map((e) => [e.status, e.decidedBy])).to.deep.equal([['approved', ru.user.id]]);
    expect(eventsFor(won.id), 'within the grace period the winner may still be announcing').to.have.length(0);

    t.clock.advance(SETTLEMENT_GRACE_MS);
    expect((await sweepApprovals(t.server.policies)).finished).to.equal(1);
    expect(eventsFor(won.id).map((e) => e.status)).to.deep.equal(['rejected']);
    expect((await sweepApprovals(t.server.policies)).finished).to.equal(0);
  });

  it('a failing listener does not fail the approval', async () => {
    const unsubscribe = enforcement.onApprovalSettled(() => {
      throw new Error('listener exploded');
    });
    try {
      const request = await held();
      expect((await decide(kz, request.id, 'reject', 'no')).status).to.equal(200);
      expect(t.logs.text()).to.contain('approval-settled listener failed');
    } finally {
      unsubscribe();
    }
  });

  it('APPROVAL_TTL_HOURS sets the deadline (default 72) and is validated', () => {
    expect(loadConfig({}).approvalTtlHours).to.equal(72);
    expect(loadConfig({ APPROVAL_TTL_HOURS: '24' }).approvalTtlHours).to.equal(24);
    for (const bad of ['0', '-1', '1.5', 'soon'])
      expect(() => loadConfig({ APPROVAL_TTL_HOURS: bad }), bad).to.throw(/APPROVAL_TTL_HOURS/);
  });
});
