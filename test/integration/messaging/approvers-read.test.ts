import { expect } from 'chai';
import type { ApproversView, HeldEnvelopeView } from '../../../shared/schemas/approvers.js';
import { call } from '../../helpers/api.js';
import { activeFocalPoint, activeNationalAdmin, bootstrapNetworkAdmin, type TestPerson } from '../../helpers/accounts.js';
import { envelopeFor, LABELS, readAs, send, socketOf } from '../../helpers/messaging.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

const CONFIDENTIAL = { ...LABELS, classification: 'confidential' } as const;

describe('approvers read what they release', function () {
  this.timeout(120_000);
  let t: TestServer;
  let kzAdmin: TestPerson;
  let kzAdmin2: TestPerson;
  let ruAdmin: TestPerson;
  let kz: TestPerson;
  let ru: TestPerson;

  before(async () => {
    t = await startTestServer();
    const root = await bootstrapNetworkAdmin(t);
    kzAdmin = await activeNationalAdmin(t, root, 'KZ');
    kzAdmin2 = await activeNationalAdmin(t, root, 'KZ');
    ruAdmin = await activeNationalAdmin(t, root, 'RU');
    kz = await activeFocalPoint(t, kzAdmin, ['border']);
    ru = await activeFocalPoint(t, ruAdmin, ['border']);
    await publishPolicy(t, kzAdmin, policyBody('KZ', 1, [
      { id: 'confidential-needs-approval', direction: 'outbound', classifications: ['confidential'], effect: 'approve', legalBasis: { en: 'Law on State Secrets, art. 5' } },
    ]));
  });
  after(async () => t.close());

  const whoApproves = (person: TestPerson, labels: typeof LABELS, toStates: string[]) =>
    call<ApproversView>(t.url, 'POST', '/api/approvals/approvers', { token: person.session?.accessToken, body: { labels, kind: 'message', toStates } });

  it('tells a focal point, before sending, which national admins approve, with their verified keys', async () => {
    const held = await whoApproves(kz, CONFIDENTIAL, ['RU']);
    expect(held.status).to.equal(200);
    expect(held.body.effect).to.equal('approve');
    expect(held.body.holdingStates).to.deep.equal(['KZ']);
    expect(held.body.approvers.map((a) => a.userId).sort()).to.deep.equal([kzAdmin.user.id, kzAdmin2.user.id].sort());
    expect(held.body.approvers.find((a) => a.userId === kzAdmin.user.id)?.keys).to.deep.equal(kzAdmin.bundle);

    const allowed = await whoApproves(kz, LABELS, ['RU']);
    expect(allowed.body).to.deep.equal({ effect: 'allow', holdingStates: [], approvers: [] });
    // Nobody but a focal point asks; bad input is a clear 400.
    expect((await whoApproves(kzAdmin, CONFIDENTIAL, ['RU'])).status).to.equal(403);
    expect((await whoApproves(kz, CONFIDENTIAL, [])).status).to.equal(400);
  });

  it('the approving admin fetches the held envelope and reads the plaintext; the database holds only ciphertext', async () => {
    const secret = `approver-canary-${Date.now()}`;
    const sender = await socketOf(t, kz);
    const envelope = await envelopeFor(t, kz, [ru], { secret }, { labels: CONFIDENTIAL, approvers: [kzAdmin, kzAdmin2] });
    const result = await send(sender, { envelope });
    if (!result.ok || !result.data.approvalId) throw new Error(`not held: ${JSON.stringify(result)}`);
    expect(result.data.status).to.equal('held');

    const fetched = await call<HeldEnvelopeView>(t.url, 'GET', `/api/approvals/${result.data.approvalId}/envelope`, { token: kzAdmin.session?.accessToken });
    expect(fetched.status).to.equal(200);
    expect(fetched.body.exchangeRef).to.equal(result.data.id);
    expect(await readAs(kzAdmin, kz, fetched.body.envelope)).to.deep.equal({ secret });
    expect(await readAs(kzAdmin2, kz, fetched.body.envelope)).to.deep.equal({ secret });

    // Only a decider of a holding state fetches it: another state's admin finds nothing, the sender may not.
    expect((await call(t.url, 'GET', `/api/approvals/${result.data.approvalId}/envelope`, { token: ruAdmin.session?.accessToken })).status).to.equal(404);
    expect((await call(t.url, 'GET', `/api/approvals/${result.data.approvalId}/envelope`, { token: kz.session?.accessToken })).status).to.equal(403);

    const connection = t.server.database.connection;
    const trail = await connection.collection('audit_entries').find({ type: 'approval.envelope-read', subjectId: result.data.approvalId }).toArray();
    expect(trail.map((entry) => entry.actorId)).to.deep.equal([kzAdmin.user.id]);
    for (const name of (await connection.db!.listCollections().toArray()).map((c) => c.name)) {
      const documents = await connection.collection(name).find({}).toArray();
      expect(JSON.stringify(documents), name).not.to.contain(secret);
    }
  });

  it('refuses approvers who are not exactly the active national admins of the holding states', async () => {
    const sender = await socketOf(t, kz);
    const kzColleague = await activeFocalPoint(t, kzAdmin, ['border']);
    for (const [why, approvers] of [['a focal point', [kzAdmin, kzAdmin2, kzColleague]], ['an admin of a state that does not hold it', [kzAdmin, kzAdmin2, ruAdmin]], ['one approver left out', [kzAdmin]]] as const) {
      const envelope = await envelopeFor(t, kz, [ru], { secret: 'x' }, { labels: CONFIDENTIAL, approvers: [...approvers] });
      const result = await send(sender, { envelope });
      expect(result.ok, why).to.equal(false);
      if (!result.ok) expect(result.error.code, why).to.equal('message.approvers-invalid');
      expect(await t.server.database.connection.collection('messages').countDocuments({ msgId: envelope.header.msgId }), why).to.equal(0);
    }
  });

  it('refuses approvers on an exchange that is not held, so content never reaches admins needlessly', async () => {
    const sender = await socketOf(t, kz);
    const envelope = await envelopeFor(t, kz, [ru], { note: 'routine' }, { approvers: [kzAdmin] });
    const result = await send(sender, { envelope });
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.error.code).to.equal('message.approvers-invalid');
      expect(result.error.message).to.contain('not held');
    }
  });

  it('a held envelope sealed without approvers is refused to the admin with a clear error', async () => {
    const sender = await socketOf(t, kz);
    const result = await send(sender, { envelope: await envelopeFor(t, kz, [ru], { secret: 'old client' }, { labels: CONFIDENTIAL }) });
    if (!result.ok || !result.data.approvalId) throw new Error('not held');
    const fetched = await call<{ error: { message: string } }>(t.url, 'GET', `/api/approvals/${result.data.approvalId}/envelope`, { token: kzAdmin.session?.accessToken });
    expect(fetched.status).to.equal(404);
    expect(JSON.stringify(fetched.body)).to.contain('not sealed to you');
  });
});
