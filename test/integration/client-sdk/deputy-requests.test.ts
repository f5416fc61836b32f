import { expect } from 'chai';
import { isApiError, type FocalNetClient } from '../../../client/sdk/index.js';
import { sealEnvelope, type SealRecipient } from '../../../shared/crypto/envelope-seal.js';
import type { StateCode } from '../../../shared/schemas/labels.js';
import { SendMessageResult } from '../../../shared/schemas/messaging.js';
import type { RequestOverdueEvent, RequestReminderEvent } from '../../../shared/schemas/requests.js';
import { sweepRequests } from '../../../server/modules/requests/sweep-requests.js';
import { signIn, type TestPerson } from '../../helpers/accounts.js';
import { flushed, waitFor } from '../../helpers/barrier.js';
import { socketOf } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { DOC_FIELDS, DOC_LABELS } from '../../helpers/requests.js';
import { sdkAs } from '../../helpers/sdk-as-person.js';
import { sdkMessaging, type SdkMessaging } from '../../helpers/sdk-messaging.js';
import type { TestServer, TestSocket } from '../../helpers/test-server.js';
import { auditEntry } from '../../helpers/audit.js';

const HOUR = 3_600_000;

describe('client SDK: requests and messages to a focal point who is away also reach their deputy', function () {
  this.timeout(120_000);
  let t: TestServer;
  let absent: TestPerson;
  let deputy: TestPerson;
  let requester: TestPerson;
  let requesterClient: FocalNetClient;
  let deputyBox: SdkMessaging;

  /** An SDK client on the server's (test) clock, signed in with keys unlocked. */
  const clientOf = (person: TestPerson): Promise<FocalNetClient> =>
    sdkAs(t, person, { now: () => t.clock.now().getTime() });
  const recipient = (person: TestPerson): SealRecipient => ({
    userId: person.user.id,
    state: person.user.state as StateCode,
    encryptionKey: person.keys.encryption.publicKey,
  });
  const submit = (urgency: 'urgent' | 'standard' = 'standard') =>
    requesterClient.requests.submit({
      kind: 'request:document-check',
      labels: DOC_LABELS,
      urgency,
      fields: DOC_FIELDS,
      recipients: [recipient(absent)],
    });

  before(async () => {
    const net = await startNetwork({
      states: { KZ: { focalPoints: { border: 2 } }, TJ: { focalPoints: { border: 1 } } },
    });
    ({ t } = net);
    [absent, deputy, requester] = [net.focalPoint('KZ', 0), net.focalPoint('KZ', 1), net.focalPoint('TJ')];
    requesterClient = await clientOf(requester);
    deputyBox = sdkMessaging(t, await clientOf(deputy));
    const absentClient = await clientOf(absent);
    await absentClient.directory.markAway(absent.user.id, { deputyUserId: deputy.user.id });
  });
  after(async () => {
    deputyBox.messenger.stop();
    deputyBox.socket.close();
    await t.close();
  });

  it('a request to them is sealed to the deputy too, who reads it, answers it for them, and is named in the audit', async () => {
    const [outcome] = await submit();
    if (!outcome?.ok) throw new Error('refused');
    expect(outcome.away?.deputy?.userId).to.equal(deputy.user.id);
    expect(outcome.deputies).to.deep.equal([deputy.user.id]);

    // The deputy's client opens the envelope: it was sealed to them.
    await waitFor(() => deputyBox.received.some((m) => m.id === outcome.caseId), { what: 'the request at the deputy' });
    const opened = deputyBox.received.find((m) => m.id === outcome.caseId)!;
    expect(opened.content).to.deep.include({ documentNumber: DOC_FIELDS.documentNumber });

    const deputyClient = deputyBox.client;
    const inbox = await deputyClient.requests.list({ box: 'inbox' });
    const view = inbox.find((c) => c.id === outcome.caseId)!;
    expect(view.requested.userId).to.equal(absent.user.id);
    expect(view.deputies?.map((d) => d.userId)).to.deep.equal([deputy.user.id]);
    expect(deputyClient.requests.allowedActions(view)).to.include.members(['acknowledge', 'answer', 'decline']);
    expect(deputyClient.requests.copiesFor(view)).to.deep.equal([absent.user.id]);

    await deputyClient.requests.transition({
      caseId: outcome.caseId,
      to: recipient(requester),
      copyTo: [recipient(absent)],
      action: 'answer',
      labels: { ...DOC_LABELS, handling: 'H2', evaluation: 'A1' },
      content: { result: 'genuine' },
    });
    const detail = await requesterClient.requests.get(outcome.caseId);
    expect(detail.status).to.equal('answered');
    expect(detail.history.at(-1)).to.include({ side: 'requested', byDeputy: deputy.user.id });
    const audit = await auditEntry(t, { subjectId: outcome.caseId, type: 'request.transition' });
    expect(String(audit?.actorId)).to.equal(deputy.user.id);
    expect(audit?.data).to.include({ onBehalfOf: absent.user.id });
  });

  it('a message to them reaches the deputy too, and the sender is told', async () => {
    const sender = sdkMessaging(t, requesterClient);
    try {
      const sent = await sender.messenger.send({ to: [absent.user.id], labels: DOC_LABELS, text: 'Call me back' });
      expect(sent.away.map((a) => [a.userId, a.deputy?.userId, a.skipped])).to.deep.equal([
        [absent.user.id, deputy.user.id, undefined],
      ]);
      await waitFor(() => deputyBox.received.some((m) => m.id === sent.id), { what: 'the message at the deputy' });
      expect(deputyBox.received.find((m) => m.id === sent.id)?.text).to.equal('Call me back');
    } finally {
      sender.messenger.stop();
      sender.socket.close();
    }
  });

  it('refuses a request sealed to someone who does not stand in for its recipient', async () => {
    const { keys } = requesterClient.keyStore.get()!;
    const envelope = await sealEnvelope({
      ts: t.clock.now().getTime(),
      kind: 'request:document-check',
      request: { urgency: 'standard' },
      from: { userId: requester.user.id, state: 'TJ' },
      labels: DOC_LABELS,
      // The deputy as the addressee, the absent person as their "deputy": the wrong way round.
      recipients: [recipient(deputy), recipient(absent)],
      content: DOC_FIELDS,
      senderIdentity: keys.identity,
      selfEncryptionKey: keys.encryption.publicKey,
    });
    const refused = await requesterClient.session
      .authed({ method: 'POST', path: '/api/messages', body: { envelope }, schema: SendMessageResult })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isApiError(refused) && [refused.code, refused.issues.map((i) => i.path.join('.'))]).to.deep.equal([
      'request.invalid',
      ['envelope.header.to.1'],
    ]);
  });

  it('reminders and the overdue flag reach the deputy while the person is away', async () => {
    const [outcome] = await submit('urgent');
    if (!outcome?.ok) throw new Error('refused');
    const submitted = Date.parse((await requesterClient.requests.get(outcome.caseId)).submittedAt);
    const listen = async (
      event: 'request:reminder' | 'request:overdue',
    ): Promise<{ socket: TestSocket; seen: string[] }> => {
      await signIn(t, deputy);
      const socket = await socketOf(t, deputy);
      const seen: string[] = [];
      socket.on(event, (payload: unknown) =>
        seen.push((payload as RequestReminderEvent | RequestOverdueEvent).case.id),
      );
      return { socket, seen };
    };

    t.clock.advance(submitted + 6 * HOUR + 60_000 - t.clock.now().getTime());
    const reminders = await listen('request:reminder');
    expect((await sweepRequests(t.server.requests)).reminded).to.equal(1);
    await waitFor(() => reminders.seen.length > 0, { what: 'the reminder at the deputy' });
    await flushed(reminders.socket);
    expect(reminders.seen).to.deep.equal([outcome.caseId]);

    t.clock.advance(submitted + 8 * HOUR + 60_000 - t.clock.now().getTime());
    const overdue = await listen('request:overdue');
    expect((await sweepRequests(t.server.requests)).flagged).to.equal(1);
    await waitFor(() => overdue.seen.length > 0, { what: 'the overdue flag at the deputy' });
    expect(overdue.seen).to.deep.equal([outcome.caseId]);
    reminders.socket.close();
    overdue.socket.close();
  });

  it('once the person is back, new requests go to them alone', async () => {
    const absentClient = await clientOf(absent);
    await absentClient.directory.clearAway(absent.user.id);
    const [outcome] = await submit();
    if (!outcome?.ok) throw new Error('refused');
    expect(outcome).to.not.have.property('away');
    expect(outcome).to.not.have.property('deputies');
    const inbox = await deputyBox.client.requests.list({ box: 'inbox' });
    expect(inbox.map((c) => c.id)).to.not.include(outcome.caseId);
    expect((await absentClient.requests.list({ box: 'inbox' })).map((c) => c.id)).to.include(outcome.caseId);
  });
});
