import { expect } from 'chai';
import { ApproversRequired, type HeldEnvelopeView } from '../../../shared/schemas/approvers.js';
import { secondPersonApproves } from '../../helpers/second-approver.js';
import { call } from '../../helpers/api.js';
import { activeFocalPoint, activeNationalAdmin, signIn, type TestPerson } from '../../helpers/accounts.js';
import { approversNamed, envelopeFor, LABELS, readAs, send, socketOf } from '../../helpers/messaging.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { startNetwork } from '../../helpers/network.js';
import type { TestServer } from '../../helpers/test-server.js';
import { auditEntries } from '../../helpers/audit.js';

const CONFIDENTIAL = { ...LABELS, classification: 'confidential' } as const;

describe('approvers read what they release', function () {
  this.timeout(120_000);
  let t: TestServer;
  let root: TestPerson;
  let kzAdmin: TestPerson;
  let kzAdmin2: TestPerson;
  let ruAdmin: TestPerson;
  let kz: TestPerson;
  let ru: TestPerson;

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { admins: 2, focalPoints: { border: 1 } }, RU: { focalPoints: { border: 1 } } },
    });
    ({ t, root } = net);
    [kzAdmin, kzAdmin2, ruAdmin] = [net.admin('KZ'), net.admin('KZ', 1), net.admin('RU')];
    [kz, ru] = [net.focalPoint('KZ'), net.focalPoint('RU')];
    await publishPolicy(
      t,
      kzAdmin,
      policyBody('KZ', 1, [
        {
          id: 'confidential-needs-approval',
          direction: 'outbound',
          classifications: ['confidential'],
          effect: 'approve',
          legalBasis: { en: 'Law on State Secrets, art. 5' },
        },
      ]),
    );
  });
  after(async () => t.close());

  const messagesStored = (): Promise<number> => t.server.database.connection.collection('messages').countDocuments({});
  const approvalsFiled = (): Promise<number> =>
    t.server.database.connection.collection('approval_requests').countDocuments({});

  it('refuses a held exchange sealed without approvers, storing nothing, and names the approvers with their verified keys', async () => {
    const sender = await socketOf(t, kz);
    const before = await messagesStored();
    const approvalsBefore = await approvalsFiled();
    const envelope = await envelopeFor(t, kz, [ru], { secret: 'no approvers' }, { labels: CONFIDENTIAL });
    const result = await send(sender, { envelope });
    if (result.ok) throw new Error(`stored without approvers: ${JSON.stringify(result.data)}`);
    expect(result.error.code).to.equal('message.approvers-required');
    const details = ApproversRequired.parse(result.error.details);
    expect(details.holdingStates).to.deep.equal(['KZ']);
    expect(details.approvers.map((a) => a.userId).sort()).to.deep.equal([kzAdmin.user.id, kzAdmin2.user.id].sort());
    expect(details.approvers.find((a) => a.userId === kzAdmin.user.id)?.keys).to.deep.equal(kzAdmin.bundle);
    // Nothing of the refused attempt is kept, so the re-seal may reuse its msgId.
    expect(await messagesStored()).to.equal(before);
    expect(await approvalsFiled()).to.equal(approvalsBefore);

    // Over HTTP the same refusal is a 409 with the same details.
    const overHttp = await call<{ error: { code: string; details: unknown } }>(t.url, 'POST', '/api/messages', {
      token: kz.session?.accessToken,
      body: { envelope },
    });
    expect(overHttp.status).to.equal(409);
    expect(overHttp.body.error.code).to.equal('message.approvers-required');
    expect(ApproversRequired.parse(overHttp.body.error.details)).to.deep.equal(details);

    const resealed = await envelopeFor(
      t,
      kz,
      [ru],
      { secret: 'no approvers' },
      { labels: CONFIDENTIAL, msgId: envelope.header.msgId, approvers: approversNamed(result.error) },
    );
    const stored = await send(sender, { envelope: resealed });
    if (!stored.ok) throw new Error(`re-sealed send refused: ${JSON.stringify(stored.error)}`);
    expect(stored.data.status).to.equal('held');
    expect(await messagesStored()).to.equal(before + 1);
  });

  it('the old approvers route is gone: the send itself names them', async () => {
    const response = await call(t.url, 'POST', '/api/approvals/approvers', {
      token: kz.session?.accessToken,
      body: { labels: CONFIDENTIAL, kind: 'message', toStates: ['RU'] },
    });
    expect(response.status).to.equal(404);
  });

  it('the approving admin fetches the held envelope and reads the plaintext; the database holds only ciphertext', async () => {
    const secret = `approver-canary-${Date.now()}`;
    const sender = await socketOf(t, kz);
    const envelope = await envelopeFor(
      t,
      kz,
      [ru],
      { secret },
      { labels: CONFIDENTIAL, approvers: [kzAdmin, kzAdmin2] },
    );
    const result = await send(sender, { envelope });
    if (!result.ok || !result.data.approvalId) throw new Error(`not held: ${JSON.stringify(result)}`);
    expect(result.data.status).to.equal('held');

    const fetched = await call<HeldEnvelopeView>(t.url, 'GET', `/api/approvals/${result.data.approvalId}/envelope`, {
      token: kzAdmin.session?.accessToken,
    });
    expect(fetched.status).to.equal(200);
    expect(fetched.body.exchangeRef).to.equal(result.data.id);
    expect(await readAs(kzAdmin, kz, fetched.body.envelope)).to.deep.equal({ secret });
    expect(await readAs(kzAdmin2, kz, fetched.body.envelope)).to.deep.equal({ secret });

    // Only a decider of a holding state fetches it: another state's admin finds nothing, the sender may not.
    expect(
      (
        await call(t.url, 'GET', `/api/approvals/${result.data.approvalId}/envelope`, {
          token: ruAdmin.session?.accessToken,
        })
      ).status,
    ).to.equal(404);
    expect(
      (
        await call(t.url, 'GET', `/api/approvals/${result.data.approvalId}/envelope`, {
          token: kz.session?.accessToken,
        })
      ).status,
    ).to.equal(403);

    const connection = t.server.database.connection;
    const trail = await auditEntries(t, { type: 'approval.envelope-read', subjectId: result.data.approvalId });
    expect(trail.map((entry) => entry.actorId)).to.deep.equal([kzAdmin.user.id]);
    for (const name of (await connection.db!.listCollections().toArray()).map((c) => c.name)) {
      const documents = await connection.collection(name).find({}).toArray();
      expect(JSON.stringify(documents), name).not.to.contain(secret);
    }
  });

  it('refuses approvers who are not exactly the active national admins of the holding states', async () => {
    const sender = await socketOf(t, kz);
    const kzColleague = await activeFocalPoint(t, kzAdmin, ['border']);
    for (const [why, approvers] of [
      ['a focal point', [kzAdmin, kzAdmin2, kzColleague]],
      ['an admin of a state that does not hold it', [kzAdmin, kzAdmin2, ruAdmin]],
      ['one approver left out', [kzAdmin]],
    ] as const) {
      const envelope = await envelopeFor(
        t,
        kz,
        [ru],
        { secret: 'x' },
        { labels: CONFIDENTIAL, approvers: [...approvers] },
      );
      const result = await send(sender, { envelope });
      expect(result.ok, why).to.equal(false);
      if (!result.ok) {
        expect(result.error.code, why).to.equal('message.approvers-required');
        expect(
          approversNamed(result.error)
            .map((a) => a.userId)
            .sort(),
          why,
        ).to.deep.equal([kzAdmin.user.id, kzAdmin2.user.id].sort());
      }
      expect(
        await t.server.database.connection.collection('messages').countDocuments({ msgId: envelope.header.msgId }),
        why,
      ).to.equal(0);
    }
  });

  it('refuses approvers on an exchange that is not held, so content never reaches admins needlessly', async () => {
    const sender = await socketOf(t, kz);
    const envelope = await envelopeFor(t, kz, [ru], { note: 'routine' }, { approvers: [kzAdmin] });
    const result = await send(sender, { envelope });
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.error.code).to.equal('message.approvers-required');
      expect(result.error.message).to.contain('not held');
      expect(approversNamed(result.error)).to.deep.equal([]);
    }
  });

  it('edge: when no holding state has an approver with verified keys, the exchange is held without approvers (unreadable to admins)', async () => {
    const tjAdmin = await activeNationalAdmin(t, root, 'TJ');
    const tj = await activeFocalPoint(t, tjAdmin, ['border']);
    await publishPolicy(
      t,
      tjAdmin,
      policyBody('TJ', 1, [
        {
          id: 'inbound-documents-need-approval',
          direction: 'inbound',
          categories: ['travel-identity-documents'],
          effect: 'approve',
          legalBasis: { en: 'Law on Borders, art. 9' },
        },
      ]),
    );
    const suspended = await call(t.url, 'POST', `/api/users/${tjAdmin.user.id}/suspend`, {
      token: root.session?.accessToken,
      body: { reason: 'on leave' },
    });
    expect(suspended.status).to.equal(202); // a national admin's suspension takes two people
    await secondPersonApproves(t, root.session?.accessToken, suspended.body as object);

    const sender = await socketOf(t, kz);
    const result = await send(sender, {
      envelope: await envelopeFor(t, kz, [tj], { secret: 'nobody can approve yet' }),
    });
    if (!result.ok || !result.data.approvalId) throw new Error(`not held: ${JSON.stringify(result)}`);

    const reactivated = await call(t.url, 'POST', `/api/users/${tjAdmin.user.id}/reactivate`, {
      token: root.session?.accessToken,
    });
    expect(reactivated.status).to.equal(202);
    await secondPersonApproves(t, root.session?.accessToken, reactivated.body as object);
    await signIn(t, tjAdmin);
    const fetched = await call<{ error: { message: string } }>(
      t.url,
      'GET',
      `/api/approvals/${result.data.approvalId}/envelope`,
      { token: tjAdmin.session?.accessToken },
    );
    expect(fetched.status).to.equal(404);
    expect(JSON.stringify(fetched.body)).to.contain('not sealed to you');
  });
});
