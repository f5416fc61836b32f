import { expect } from 'chai';
import type { Ack } from '../../../shared/errors.js';
import type { AuditEntryView } from '../../../shared/schemas/accounts.js';
import type { BacklogPage, DeliveredMessage, MessageStatusEvent } from '../../../shared/schemas/messaging.js';
import { call } from '../../helpers/api.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { envelopeFor, LABELS, readAs, send, sendSealing, socketOf as socketAs } from '../../helpers/messaging.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { startNetwork } from '../../helpers/network.js';
import type { TestServer, TestSocket } from '../../helpers/test-server.js';
import { auditEntries } from '../../helpers/audit.js';

describe('messaging under disclosure policies', function () {
  this.timeout(90_000);
  let t: TestServer;
  let kzAdmin: TestPerson;
  let cnAdmin: TestPerson;
  let kz: TestPerson;
  let ru: TestPerson;
  let cn: TestPerson;

  before(async () => {
    const net = await startNetwork({
      states: {
        KZ: { focalPoints: { border: 1 } },
        RU: { focalPoints: { border: 1 } },
        CN: { focalPoints: { border: 1 } },
      },
    });
    ({ t } = net);
    [kzAdmin, cnAdmin] = [net.admin('KZ'), net.admin('CN')];
    [kz, ru, cn] = [net.focalPoint('KZ'), net.focalPoint('RU'), net.focalPoint('CN')];
    await publishPolicy(
      t,
      kzAdmin,
      policyBody('KZ', 1, [
        {
          id: 'no-personal-data-outside-ru',
          direction: 'outbound',
          categories: ['personal-data'],
          counterparts: ['CN'],
          effect: 'deny',
          legalBasis: { en: 'Law on Personal Data, art. 16', ru: 'Закон о персональных данных, ст. 16' },
        },
        {
          id: 'confidential-needs-approval',
          direction: 'outbound',
          classifications: ['confidential'],
          effect: 'approve',
          legalBasis: { en: 'Law on State Secrets, art. 5' },
        },
        {
          id: 'criminal-intel-h3',
          direction: 'outbound',
          categories: ['criminal-intelligence'],
          effect: 'conditions',
          conditions: { minHandling: 'H3', noOnwardDissemination: true, retentionDays: 30 },
          legalBasis: { en: 'Code of Criminal Procedure, art. 199' },
        },
      ]),
    );
  });
  after(async () => t.close());

  const socketOf = (person: TestPerson): Promise<TestSocket> => socketAs(t, person);

  it('a denied exchange is refused with its legal basis, and nothing is stored', async () => {
    const sender = await socketOf(kz);
    const envelope = await envelopeFor(
      t,
      kz,
      [cn],
      { name: 'A. B.' },
      { labels: { ...LABELS, category: 'personal-data' } },
    );
    const result = await send(sender, { envelope });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error.code).to.equal('policy.denied');
    expect(result.error.message).to.contain('Law on Personal Data, art. 16');
    expect(
      await t.server.database.connection.collection('messages').countDocuments({ msgId: envelope.header.msgId }),
    ).to.equal(0);
    // The same labels to Russia are allowed.
    const toRu = await send(sender, {
      envelope: await envelopeFor(t, kz, [ru], { name: 'A. B.' }, { labels: { ...LABELS, category: 'personal-data' } }),
    });
    expect(toRu.ok).to.equal(true);
  });

  it('denied by the recipient\'s unpublished rule: the sender reads "a restriction of <state> (not published)", never its text', async () => {
    await publishPolicy(
      t,
      cnAdmin,
      policyBody('CN', 1, [
        {
          id: 'cn-no-kz-intel',
          direction: 'inbound',
          counterparts: ['KZ'],
          categories: ['criminal-intelligence'],
          effect: 'deny',
          legalBasis: { en: 'CN confidential protocol 3' },
        },
        {
          id: 'cn-no-financial',
          direction: 'inbound',
          categories: ['financial'],
          effect: 'deny',
          legalBasis: { en: 'CN Law on Banks, art. 26' },
          published: true,
        },
      ]),
    );
    const sender = await socketOf(kz);
    const hidden = await send(sender, {
      envelope: await envelopeFor(
        t,
        kz,
        [cn],
        { intel: 3 },
        { labels: { ...LABELS, category: 'criminal-intelligence', handling: 'H3' } },
      ),
    });
    expect(hidden.ok).to.equal(false);
    if (hidden.ok) return;
    expect(hidden.error.code).to.equal('policy.denied');
    expect(hidden.error.message).to.contain('a restriction of CN (not published)');
    expect(JSON.stringify(hidden.error))
      .not.to.contain('CN confidential protocol 3')
      .and.not.to.contain('cn-no-kz-intel');
    // The same refusal as data, for the sender's screen: whose restriction, which way, no basis.
    expect(hidden.error.details).to.deep.equal({
      refusals: [{ recipientState: 'CN', by: [{ state: 'CN', direction: 'inbound', published: false }] }],
    });
    // A published rule of the recipient is shown with its legal basis.
    const open = await send(sender, {
      envelope: await envelopeFor(t, kz, [cn], { bank: 1 }, { labels: { ...LABELS, category: 'financial' } }),
    });
    expect(!open.ok && open.error.message).to.contain('CN Law on Banks, art. 26');
    expect(!open.ok && open.error.details).to.deep.equal({
      refusals: [
        {
          recipientState: 'CN',
          by: [{ state: 'CN', direction: 'inbound', published: true, legalBasis: { en: 'CN Law on Banks, art. 26' } }],
        },
      ],
    });
    // The sender state's audit trail names the rule no more than the error does.
    const trail = await auditEntries(t, { type: 'policy.decision', state: 'KZ' });
    expect(JSON.stringify(trail)).not.to.contain('cn-no-kz-intel');
    expect(JSON.stringify(trail)).to.contain('CN@1/inbound/unpublished');
    // CN's own trail tells its side: its rule, by name, refused an exchange of KZ's.
    const cnTrail = await call<AuditEntryView[]>(t.url, 'GET', '/api/audit?type=policy.rule-applied&order=desc', {
      token: cnAdmin.session?.accessToken,
    });
    const applied = cnTrail.body.filter((entry) => JSON.stringify(entry.data.rules).includes('cn-no-kz-intel'));
    expect(applied, 'CN trail').to.have.length(1);
    expect(applied[0]).to.deep.include({ state: 'CN', actorId: kz.user.id });
    expect(applied[0]?.data).to.deep.include({ effect: 'deny', fromState: 'KZ', perRecipient: ['CN:deny'] });
    expect(applied[0]?.data.rules).to.deep.equal(['CN@1/inbound/cn-no-kz-intel']);
    expect(cnTrail.body.some((entry) => JSON.stringify(entry.data.rules).includes('cn-no-financial'))).to.equal(true);
    // KZ's admin does not read CN's side, and no policy.rule-applied is written for KZ's own rules.
    const kzTrail = await call<AuditEntryView[]>(t.url, 'GET', '/api/audit?type=policy.rule-applied', {
      token: kzAdmin.session?.accessToken,
    });
    expect(kzTrail.body).to.deep.equal([]);
    await publishPolicy(t, cnAdmin, policyBody('CN', 2, []));
  });

  it('conditions: a handling code below the minimum is refused; a compliant one carries the conditions to the recipient', async () => {
    const sender = await socketOf(kz);
    const low = await send(sender, {
      envelope: await envelopeFor(
        t,
        kz,
        [ru],
        { intel: 1 },
        { labels: { ...LABELS, category: 'criminal-intelligence', handling: 'H1' } },
      ),
    });
    expect(low.ok).to.equal(false);
    if (!low.ok) expect(low.error.code).to.equal('policy.conditions-unmet');

    const ok = await send(sender, {
      envelope: await envelopeFor(
        t,
        kz,
        [ru],
        { intel: 2 },
        { labels: { ...LABELS, category: 'criminal-intelligence', handling: 'H3' } },
      ),
    });
    expect(ok.ok).to.equal(true);
    const receiver = await socketOf(ru);
    const page = (await receiver.timeout(2_000).emitWithAck('message:fetch', { limit: 50 })) as Ack<BacklogPage>;
    const delivered = page.ok ? page.data.messages.find((m) => ok.ok && m.id === ok.data.id) : undefined;
    expect(delivered?.conditions).to.deep.include({
      minHandling: 'H3',
      noOnwardDissemination: true,
      retentionDays: 30,
    });
    const stored = await t.server.database.connection
      .collection('messages')
      .findOne({ msgId: delivered?.envelope.header.msgId });
    expect(stored?.retentionUntil).to.be.instanceOf(Date);
  });

  it('audits every decision: alone when the exchange is refused after it, right before "message.stored" when it is kept', async () => {
    const decisions = (): Promise<number> => auditEntries(t, { type: 'policy.decision' }).then((found) => found.length);
    const sender = await socketOf(kz);
    const before = await decisions();
    const low = await send(sender, {
      envelope: await envelopeFor(
        t,
        kz,
        [ru],
        { intel: 3 },
        { labels: { ...LABELS, category: 'criminal-intelligence', handling: 'H1' } },
      ),
    });
    expect(!low.ok && low.error.code).to.equal('policy.conditions-unmet');
    expect(await decisions()).to.equal(before + 1);
    const kept = await send(sender, {
      envelope: await envelopeFor(
        t,
        kz,
        [ru],
        { intel: 4 },
        { labels: { ...LABELS, category: 'criminal-intelligence', handling: 'H3' } },
      ),
    });
    if (!kept.ok) throw new Error(JSON.stringify(kept.error));
    const trail = await auditEntries(t, { subjectId: kept.data.id });
    expect(trail.map((entry) => entry.type)).to.deep.equal(['policy.decision', 'message.stored']);
    expect(Number(trail[1]?.seq) - Number(trail[0]?.seq)).to.equal(1);
  });

  it('a held exchange waits for the national admin; on approval it is delivered and the sender is told', async () => {
    const sender = await socketOf(kz);
    const receiver = await socketOf(ru);
    const released = new Promise<MessageStatusEvent>((resolve) =>
      sender.on('message:status', (event) => {
        if (event.status === 'released') resolve(event);
      }),
    );
    const arrived = new Promise<DeliveredMessage>((resolve) => receiver.once('message:new', resolve));
    const result = await sendSealing(sender, (approvers, msgId) =>
      envelopeFor(
        t,
        kz,
        [ru],
        { secret: 'confidential content' },
        { labels: { ...LABELS, classification: 'confidential' }, approvers, ...(msgId ? { msgId } : {}) },
      ),
    );
    expect(result.ok && result.data.status).to.equal('held');
    if (!result.ok || !result.data.approvalId) throw new Error('not held');

    const empty = (await receiver.timeout(2_000).emitWithAck('message:fetch', { limit: 50 })) as Ack<BacklogPage>;
    expect(empty.ok && empty.data.messages.some((m) => m.id === (result.ok ? result.data.id : ''))).to.equal(false);
    // Nor through the history: until approved, a held exchange is its sender's alone.
    const historyOf = async (person: TestPerson) =>
      (
        await call<DeliveredMessage[]>(t.url, 'GET', '/api/messages?limit=100', { token: person.session?.accessToken })
      ).body.map((m) => m.id);
    expect(await historyOf(ru)).to.not.include(result.data.id);
    expect(await historyOf(kz)).to.include(result.data.id);

    const approve = await call(t.url, 'POST', `/api/approvals/${result.data.approvalId}/approve`, {
      token: kzAdmin.session?.accessToken,
      body: { comment: 'released under art. 5(2)' },
    });
    expect(approve.status).to.equal(200);
    expect((await released).comment).to.equal('released under art. 5(2)');
    const message = await arrived;
    expect(await readAs(ru, kz, message.envelope)).to.deep.equal({ secret: 'confidential content' });
    expect(await historyOf(ru)).to.include(result.data.id);
  });

  it('a rejected exchange is never delivered, and the sender is told', async () => {
    const sender = await socketOf(kz);
    const rejected = new Promise<MessageStatusEvent>((resolve) =>
      sender.on('message:status', (event) => {
        if (event.status === 'rejected') resolve(event);
      }),
    );
    const result = await sendSealing(sender, (approvers, msgId) =>
      envelopeFor(
        t,
        kz,
        [ru],
        { secret: 'no' },
        { labels: { ...LABELS, classification: 'confidential' }, approvers, ...(msgId ? { msgId } : {}) },
      ),
    );
    if (!result.ok || !result.data.approvalId) throw new Error('not held');
    await call(t.url, 'POST', `/api/approvals/${result.data.approvalId}/reject`, {
      token: kzAdmin.session?.accessToken,
      body: { comment: 'not releasable' },
    });
    expect((await rejected).id).to.equal(result.data.id);
    const receiver = await socketOf(ru);
    const page = (await receiver.timeout(2_000).emitWithAck('message:fetch', { limit: 100 })) as Ack<BacklogPage>;
    expect(page.ok && page.data.messages.some((m) => m.id === result.data.id)).to.equal(false);
  });
});
