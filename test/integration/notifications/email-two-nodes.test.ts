import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import type { TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { waitFor } from '../../helpers/barrier.js';
import { sweepRequests } from '../../../server/modules/requests/sweep-requests.js';
import { populateNetwork } from '../../helpers/network.js';
import { DOC_FIELDS, requestEnvelope, sent } from '../../helpers/requests.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../helpers/smtp-receiver.js';
import { uniqueDbName } from '../../helpers/test-database.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { alertFor, settled, verifiedAddress } from './email-helpers.js';

/** Two nodes on one database, both sweeping the outbox every 0.2 s, then both stopped and one started again. */
describe('e-mail alerts on two server nodes and across a restart', function () {
  this.timeout(120_000);
  let smtp: SmtpReceiver;
  let env: Record<string, string>;
  let a: TestServer;
  let b: TestServer;
  let restarted: TestServer | undefined;
  let kz: TestPerson;
  let ru: TestPerson;
  let ruAdmin: TestPerson;
  const desk = `desk-${randomUUID().slice(0, 8)}@mail.test`;

  /** The second node's clock shows what the first one's does (each test server has its own). */
  const inStep = (node: TestServer, with_: TestServer, plusMs = 0) =>
    node.clock.advance(with_.clock.now().getTime() - node.clock.now().getTime() + plusMs);

  before(async () => {
    smtp = await startSmtpReceiver();
    env = {
      ...smtp.env(),
      DB_NAME: uniqueDbName('mail2n'),
      JWT_SECRET: 'two-mail-nodes-share-this-secret-40-chars',
    };
    a = await startTestServer(env);
    b = await startTestServer(env);
    const net = await populateNetwork(a, {
      states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 1 } } },
    });
    [kz, ru, ruAdmin] = [net.focalPoint('KZ'), net.focalPoint('RU'), net.admin('RU')];
    inStep(b, a);
    await verifiedAddress(a, smtp, ru, desk);
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await restarted?.close();
    await smtp?.stop();
  });

  const mailsAbout = (text: string) => smtp.to(desk).filter((mail) => mail.text.includes(text));

  it('two nodes sweeping one outbox send each mail once', async () => {
    const caseId = await sent(
      a,
      kz,
      await requestEnvelope(a, kz, ru, 'request:document-check', DOC_FIELDS, { urgency: 'urgent' }),
    );
    const alerts = Array.from({ length: 6 }, () =>
      alertFor(ru.user.id, b.clock.now(), { kind: 'request.arrived', urgency: 'urgent' }),
    );
    // The same alert raised on both nodes (two nodes seeing one event) is one mail too.
    await Promise.all(alerts.flatMap((alert) => [a.server.alerts.raise(alert), b.server.alerts.raise(alert)]));
    for (const alert of alerts) await settled(b, alert, ru.user.id);
    await waitFor(() => mailsAbout(`/requests/${caseId}`).length > 0, { what: 'the mail about the request' });
    const items = await a.server.alerts.outbox.list({ channel: 'email', userId: ru.user.id, status: 'sent' }, 100);
    expect(items).to.have.length(7);
    expect(mailsAbout(`/requests/${caseId}`)).to.have.length(1);
    for (const alert of alerts) expect(mailsAbout(alert.refs.reference ?? '-')).to.have.length(1);
    const ids = smtp.to(desk).map((mail) => mail.messageId);
    expect(new Set(ids).size).to.equal(ids.length);
  });

  it('a liveness check reaches a focal point with no tab open as an e-mail', async () => {
    const started = await call<{ id: string }>(b.url, 'POST', '/api/liveness-checks', {
      token: ruAdmin.session?.accessToken,
      body: { deadlineMinutes: 30 },
    });
    expect(started.status, JSON.stringify(started.body)).to.equal(201);
    await waitFor(() => smtp.to(desk).some((mail) => mail.subject.includes('Liveness check')), {
      what: 'the liveness prompt by e-mail',
      timeoutMs: 15_000,
    });
    const [mail, ...more] = smtp.to(desk).filter((candidate) => candidate.subject.includes('Liveness check'));
    expect(more).to.have.length(0);
    expect(mail?.subject).to.match(/Liveness check: confirm that you are reachable — answer by /);
    // Either node may send it; without PUBLIC_ORIGIN each links to its own address.
    expect(mail?.text).to.match(/Open: http:\/\/127\.0\.0\.1:\d+\/\n/);
  });

  it('an overdue flag reaches the requested focal point as an e-mail, once, whichever node sweeps', async () => {
    const caseId = await sent(
      a,
      kz,
      await requestEnvelope(a, kz, ru, 'request:document-check', DOC_FIELDS, { urgency: 'urgent' }),
    );
    a.clock.advance(9 * 3_600_000); // past the urgent request's 8 hours
    inStep(b, a);
    await Promise.all([sweepRequests(a.server.requests), sweepRequests(b.server.requests)]);
    const overdue = () =>
      smtp.to(desk).filter((mail) => mail.subject.includes('overdue') && mail.text.includes(`/requests/${caseId}`));
    await waitFor(() => overdue().length > 0, { what: 'the overdue e-mail', timeoutMs: 15_000 });
    // The mail reaches SMTP a moment before its outbox item is marked sent: wait for the mark.
    await waitFor(
      async () =>
        (await a.server.alerts.outbox.list({ channel: 'email', userId: ru.user.id }, 200)).some(
          (candidate) => candidate.key.startsWith(`email:request.overdue:${caseId}`) && candidate.status === 'sent',
        ),
      { what: 'the overdue mail marked sent', timeoutMs: 15_000 },
    );
    expect(overdue()).to.have.length(1);
    expect(overdue()[0]?.subject).to.match(/^\[FocalNet\] A request with KZ is overdue — was due /);
  });

  it('a mail queued while SMTP is down survives both nodes stopping and arrives once from the node started again', async () => {
    await smtp.down();
    const alert = alertFor(ru.user.id, a.clock.now(), { kind: 'liveness.prompt', urgency: undefined });
    await a.server.alerts.raise(alert);
    const key = `email:${alert.id}:${ru.user.id}`;
    await waitFor(async () => ((await a.server.alerts.outbox.findByKey(key))?.attempts ?? 0) >= 1, {
      what: 'a failed attempt before the restart',
    });
    const before = await a.server.alerts.outbox.findByKey(key);
    const clockAt = a.clock.now();
    await a.close();
    await b.close();
    await smtp.up();

    restarted = await startTestServer(env);
    restarted.clock.advance(clockAt.getTime() - restarted.clock.now().getTime() + 5 * 60_000);
    await settled(restarted, alert, ru.user.id);
    const after = await restarted.server.alerts.outbox.findByKey(key);
    expect(after?.id).to.equal(before?.id);
    const mails = smtp.to(desk).filter((mail) => mail.messageId === `<${after?.id}@127.0.0.1>`);
    expect(mails).to.have.length(1);
    expect(mails[0]?.subject).to.include('Liveness check');
  });
});
