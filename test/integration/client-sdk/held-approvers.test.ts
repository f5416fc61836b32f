import { expect } from 'chai';
import type { FetchLike, FocalNetClient } from '../../../client/sdk/index.js';
import type { SealRecipient } from '../../../shared/crypto/envelope-seal.js';
import type { StateCode } from '../../../shared/schemas/labels.js';
import { activeNationalAdmin, signIn, type TestPerson } from '../../helpers/accounts.js';
import { secondPersonApproves } from '../../helpers/second-approver.js';
import { call } from '../../helpers/api.js';
import { LABELS } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { DOC_FIELDS, DOC_LABELS } from '../../helpers/requests.js';
import { sdkAs } from '../../helpers/sdk-as-person.js';
import { sdkMessaging, type SdkMessaging } from '../../helpers/sdk-messaging.js';
import { eventually } from '../../helpers/server-process.js';
import type { TestServer } from '../../helpers/test-server.js';

const CONFIDENTIAL = { ...LABELS, classification: 'confidential' } as const;

/** Counts the SDK's HTTP calls by "METHOD path"; `after` may act on an answer before the SDK sees it. */
function watchingFetch(after?: (key: string, response: Response) => Promise<void>): {
  fetch: FetchLike;
  count: (key: string) => number;
  countPrefix: (prefix: string) => number;
} {
  const counts = new Map<string, number>();
  return {
    fetch: async (input, init) => {
      const key = `${init?.method ?? 'GET'} ${new URL(input).pathname}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const response = await fetch(input, init);
      await after?.(key, response);
      return response;
    },
    count: (key) => counts.get(key) ?? 0,
    countPrefix: (prefix) => [...counts].filter(([key]) => key.includes(prefix)).reduce((sum, [, n]) => sum + n, 0),
  };
}

describe('client SDK: held exchanges are sealed to their approvers without a look-up', function () {
  this.timeout(120_000);
  let t: TestServer;
  let root: TestPerson;
  let kzAdmin: TestPerson;
  let kzAdmin2: TestPerson;
  let tjAdmin: TestPerson;
  let kz: TestPerson;
  let tj: TestPerson;
  let alice: SdkMessaging;
  let sends: number;
  const aliceFetch = watchingFetch();

  const recipient = (person: TestPerson): SealRecipient => ({
    userId: person.user.id,
    state: person.user.state as StateCode,
    encryptionKey: person.keys.encryption.publicKey,
  });
  const ids = (people: TestPerson[]): string[] => people.map((p) => p.user.id).sort();
  const readerOf = (admin: TestPerson): Promise<FocalNetClient> => sdkAs(t, admin);

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { admins: 2, focalPoints: { border: 1 } }, TJ: { focalPoints: { border: 1 } } },
    });
    ({ t, root } = net);
    [kzAdmin, kzAdmin2, tjAdmin] = [net.admin('KZ'), net.admin('KZ', 1), net.admin('TJ')];
    [kz, tj] = [net.focalPoint('KZ'), net.focalPoint('TJ')];
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
    await publishPolicy(
      t,
      tjAdmin,
      policyBody('TJ', 1, [
        {
          id: 'inbound-document-checks-need-approval',
          direction: 'inbound',
          kinds: ['request:document-check', 'request:transition'],
          effect: 'approve',
          legalBasis: { en: 'Law on Borders, art. 9' },
        },
      ]),
    );
    alice = sdkMessaging(t, await sdkAs(t, kz, { fetch: aliceFetch.fetch }));
    sends = 0;
    alice.socket.onAnyOutgoing((event) => {
      if (event === 'message:send') sends += 1;
    });
    await eventually(async () => alice.socket.connected, 5_000, 'connected');
  });
  after(async () => {
    alice.messenger.stop();
    alice.socket.close();
    await t.close();
  });

  it('a message that is not held takes one message:send and no approvers look-up', async () => {
    const [sendsBefore, approvalsBefore] = [sends, aliceFetch.countPrefix('/api/approvals')];
    const sent = await alice.messenger.send({ to: [tj.user.id], labels: LABELS, text: 'routine' });
    expect(sent.status).to.equal('accepted');
    expect(sends - sendsBefore).to.equal(1);
    expect(aliceFetch.countPrefix('/api/approvals') - approvalsBefore).to.equal(0);
  });

  it('a held message is refused once with the approvers, re-sealed to them with the same msgId, stored once, and the approvers decrypt it', async () => {
    const sendsBefore = sends;
    const held = await alice.messenger.send({ to: [tj.user.id], labels: CONFIDENTIAL, text: 'held for KZ approval' });
    expect(held.status).to.equal('held');
    expect(sends - sendsBefore).to.equal(2);
    expect(await t.server.database.connection.collection('messages').countDocuments({ msgId: held.msgId })).to.equal(1);

    for (const admin of [kzAdmin, kzAdmin2]) {
      const reader = await readerOf(admin);
      const read = await reader.approvals.readHeld(held.approvalId ?? '');
      expect(read.text).to.equal('held for KZ approval');
      expect(read.header.msgId).to.equal(held.msgId);
      expect(read.header.approvers?.map((a) => a.userId).sort()).to.deep.equal(ids([kzAdmin, kzAdmin2]));
      await reader.signOut();
    }
  });

  it('a held request and a held step are readable by the approving admin of the state whose policy holds them', async () => {
    const requests = watchingFetch();
    const requester = await sdkAs(t, kz, { fetch: requests.fetch, now: () => t.clock.now().getTime() });
    const [outcome] = await requester.requests.submit({
      kind: 'request:document-check',
      labels: DOC_LABELS,
      urgency: 'standard',
      fields: DOC_FIELDS,
      recipients: [recipient(tj)],
    });
    if (!outcome?.ok) throw new Error(`refused: ${JSON.stringify(outcome)}`);
    expect(outcome.status).to.equal('held');
    expect(requests.count('POST /api/messages')).to.equal(2);

    const approver = await readerOf(tjAdmin);
    const read = await approver.approvals.readHeld(outcome.approvalId ?? '');
    expect(read.header.kind).to.equal('request:document-check');
    expect(read.content).to.deep.equal(DOC_FIELDS);
    expect(read.header.approvers).to.deep.equal([{ userId: tjAdmin.user.id, state: 'TJ' }]);
    await approver.approvals.approve(outcome.approvalId ?? '');

    const step = await requester.requests.transition({
      caseId: outcome.caseId,
      to: recipient(tj),
      action: 'withdraw',
      labels: DOC_LABELS,
      content: { text: 'no longer needed' },
    });
    expect(step.status).to.equal('held');
    const readStep = await approver.approvals.readHeld(step.approvalId ?? '');
    expect(readStep.header.kind).to.equal('request:transition');
    expect(readStep.content).to.deep.equal({ text: 'no longer needed' });
    await approver.signOut();
    await requester.signOut();
  });

  it('when the approvers change between the refusal and the re-send, the client re-seals to the fresh list and succeeds', async () => {
    const kzAdmin3 = await activeNationalAdmin(t, root, 'KZ');
    await signIn(t, root);
    let suspended = false;
    // After the first refusal reached the client, and before it re-sends: kzAdmin3 is suspended.
    const requests = watchingFetch(async (key, response) => {
      if (key !== 'POST /api/messages' || response.status !== 409 || suspended) return;
      suspended = true;
      const answer = await call(t.url, 'POST', `/api/users/${kzAdmin3.user.id}/suspend`, {
        token: root.session?.accessToken,
        body: { reason: 'left the ministry' },
      });
      expect(answer.status).to.equal(202); // a national admin's suspension takes two people
      expect((await secondPersonApproves(t, root.session?.accessToken, answer.body as object)).status).to.equal(
        'approved',
      );
    });
    const requester = await sdkAs(t, kz, { fetch: requests.fetch, now: () => t.clock.now().getTime() });
    const [outcome] = await requester.requests.submit({
      kind: 'request:document-check',
      labels: { ...DOC_LABELS, classification: 'confidential' },
      urgency: 'standard',
      fields: DOC_FIELDS,
      recipients: [recipient(tj)],
    });
    if (!outcome?.ok) throw new Error(`refused: ${JSON.stringify(outcome)}`);
    expect(outcome.status).to.equal('held');
    expect(suspended).to.equal(true);
    // Sealed without approvers, then to a list naming kzAdmin3 (refused: no longer an approver), then to the fresh one.
    expect(requests.count('POST /api/messages')).to.equal(3);

    const reader = await readerOf(kzAdmin);
    const read = await reader.approvals.readHeld(outcome.approvalId ?? '');
    expect(read.content).to.deep.equal(DOC_FIELDS);
    expect(read.header.approvers?.map((a) => a.userId).sort()).to.deep.equal(ids([kzAdmin, kzAdmin2, tjAdmin]));
    expect(
      await t.server.database.connection.collection('messages').countDocuments({ msgId: read.header.msgId }),
    ).to.equal(1);
    await reader.signOut();
    await requester.signOut();
  });
});
