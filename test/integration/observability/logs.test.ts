import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { signInCall, type TestPerson } from '../../helpers/accounts.js';
import { AUDIT_TEST_JWT_SECRET, cliAudit, cliVerify } from '../../helpers/audit-cli.js';
import { envelopeFor, send, socketOf } from '../../helpers/messaging.js';
import { startNetwork } from '../../helpers/network.js';
import { eventually } from '../../helpers/server-process.js';
import { connected, type TestServer } from '../../helpers/test-server.js';

type Line = Record<string, unknown>;

/** A request id as nginx makes its `$request_id`: 32 hex digits. */
const nginxRequestId = (): string => randomBytes(16).toString('hex');

describe('structured logs: request ids from the edge to the audit entry, socket events, security events', function () {
  this.timeout(120_000);
  let t: TestServer;
  let root: TestPerson;
  let kz: TestPerson;
  let ru: TestPerson;

  before(async () => {
    const net = await startNetwork({
      env: { JWT_SECRET: AUDIT_TEST_JWT_SECRET },
      states: { KZ: { focalPoints: { border: 1 } }, RU: { focalPoints: { border: 2 } } },
    });
    ({ t, root } = net);
    [kz, ru] = [net.focalPoint('KZ'), net.focalPoint('RU')];
  });
  after(async () => t.close());

  const lines = (): Line[] => t.logs.lines();
  /** The request line of `requestId`, once written ('finish' may come a moment after the client has its answer). */
  const edgeLine = async (requestId: unknown): Promise<Line | undefined> => {
    const find = (): Line | undefined =>
      lines().find((line) => line.msg === 'request completed' && (line.req as Line).id === requestId);
    await eventually(async () => find() !== undefined, 10_000, `the request line of ${String(requestId)}`);
    return find();
  };
  const appended = (requestId: string): Line[] =>
    lines().filter((line) => line.msg === 'audit entry appended' && line.requestId === requestId);

  it('a message sent on the socket: its event line and its audit entry carry one request id, and the seq is the entry’s', async () => {
    const sender = await socketOf(t, kz);
    const result = await send(sender, { envelope: await envelopeFor(t, kz, [ru], { text: 'logs test message' }) });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const messageId = result.data.id;

    await eventually(
      async () => lines().some((line) => line.msg === 'socket event' && line.event === 'message:send'),
      10_000,
      'the message:send event line',
    );
    const eventLine = lines().find((line) => line.msg === 'socket event' && line.event === 'message:send');
    expect(eventLine).to.include({ level: 20, outcome: 'ok', socketId: sender.id, userId: kz.user.id });
    expect(eventLine?.durationMs).to.be.a('number');
    const requestId = eventLine?.requestId as string;
    expect(requestId).to.match(/^[0-9a-f-]{36}$/);

    const stored = (await t.server.auditEntries.list({ type: 'message.stored', limit: 1000 })).find(
      (entry) => entry.subjectId === messageId,
    );
    expect(stored, 'the message.stored entry').to.not.equal(undefined);
    const storedLine = appended(requestId).find((line) => line.type === 'message.stored');
    expect(storedLine).to.include({ level: 20, auditSeq: stored?.seq });
    // Content-free: the id, seq and type, nothing of the entry's data.
    expect(Object.keys(storedLine ?? {})).to.not.include.members(['data', 'actorId', 'subjectId']);

    const found = await t.server.auditEntries.entriesOfRequest(requestId);
    expect(found.map(({ entry }) => entry.seq)).to.include(stored?.seq);
    sender.close();
  });

  it('an HTTP request’s X-Request-Id (as nginx sends it) reaches the request line, the audit entry and the security line', async () => {
    const requestId = nginxRequestId();
    const reason = `Reason-${randomBytes(6).toString('hex')}`;
    const target = ru;
    const response = await fetch(`${t.url}/api/users/${target.user.id}/suspend`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${root.session?.accessToken ?? ''}`,
        'content-type': 'application/json',
        'x-request-id': requestId,
      },
      body: JSON.stringify({ reason }),
    });
    expect(response.status).to.equal(200);
    expect(response.headers.get('x-request-id')).to.equal(requestId);
    const edge = await edgeLine(requestId);
    expect(edge?.req).to.include({ method: 'POST', url: `/api/users/${target.user.id}/suspend` });

    const [entry] = (await t.server.auditEntries.entriesOfRequest(requestId)).map((found) => found.entry);
    expect(entry).to.include({ type: 'user.suspended', subjectId: target.user.id });
    expect(appended(requestId).map((line) => [line.type, line.auditSeq])).to.deep.include([
      'user.suspended',
      entry?.seq,
    ]);

    const security = lines().find((line) => line.security === 'user.suspended' && line.requestId === requestId);
    expect(security).to.include({
      level: 30,
      actorId: root.user.id,
      subjectId: target.user.id,
      auditSeq: entry?.seq,
    });
    // The admin's free-text reason stays in the audit entry.
    expect(t.logs.text()).to.not.include(reason);

    const cli = await cliAudit(t, 'audit:find', ['--request-id', requestId]);
    expect(cli.code, cli.out).to.equal(0);
    expect(cli.out).to.include(`seq ${entry?.seq} `).and.include('user.suspended').and.include(target.user.id);
    const none = await cliAudit(t, 'audit:find', ['--request-id', nginxRequestId()]);
    expect(none.code, none.out).to.equal(1);
    const verify = await cliVerify(t);
    expect(verify.code, verify.out).to.equal(0);
  });

  it('a failed sign-in is a security line at info with the account id and a reason code, never the name', async () => {
    const refused = await signInCall(t.url, { username: kz.username, password: 'not-the-password-at-all-9' });
    expect(refused.status).to.equal(401);
    await eventually(
      async () => lines().some((line) => line.security === 'auth.sign-in-failed' && line.actorId === kz.user.id),
      10_000,
      'the failed sign-in line',
    );
    const line = lines().find((l) => l.security === 'auth.sign-in-failed' && l.actorId === kz.user.id);
    expect(line).to.include({ level: 30, reason: 'wrong-password', msg: 'security event: auth.sign-in-failed' });
    const edge = await edgeLine(line?.requestId);
    expect(edge?.req).to.include({ url: '/api/auth/sign-in/finish' });
    expect(edge?.res).to.deep.equal({ statusCode: 401 });
    expect(JSON.stringify(line)).to.not.include(kz.username);
  });

  it('a sign-in refused by the rate limit (never audited) is a security line, without the name tried', async () => {
    const username = `nobody${randomBytes(4).toString('hex')}`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await signInCall(t.url, { username, password: 'wrong-password-xyz-1' })).status);
    expect(statuses.at(-1)).to.equal(429);
    const limited = lines().filter((line) => line.security === 'auth.sign-in-rate-limited');
    expect(limited).to.have.length(1);
    expect(limited[0]).to.include({ level: 30 });
    expect(limited[0]?.retryAfterSeconds).to.be.a('number');
    const edge = await edgeLine(limited[0]?.requestId);
    expect(edge?.res).to.deep.equal({ statusCode: 429 });
    expect(t.logs.text()).to.not.include(username);
  });

  it('a socket refused at the handshake is a security line; connect and disconnect are debug lines', async () => {
    const bad = t.connect({ auth: { token: 'not-a-token' } });
    await connected(bad).then(
      () => expect.fail('the handshake should be refused'),
      () => undefined,
    );
    expect(lines().find((line) => line.security === 'auth.socket-token-refused')).to.include({
      level: 30,
      reason: 'invalid-token',
    });

    const socket = await socketOf(t, kz);
    const socketId = socket.id;
    expect(lines().find((line) => line.msg === 'socket connected' && line.socketId === socketId)).to.include({
      level: 20,
      userId: kz.user.id,
    });
    const ping = await socket.timeout(5_000).emitWithAck('system:ping', { sentAt: -1 });
    expect(ping.ok).to.equal(false);
    await eventually(
      async () => lines().some((line) => line.msg === 'socket event' && line.socketId === socketId),
      10_000,
      'the ping line',
    );
    expect(lines().find((line) => line.msg === 'socket event' && line.socketId === socketId)).to.include({
      event: 'system:ping',
      outcome: 'validation.failed',
    });
    socket.close();
    await eventually(
      async () => lines().some((line) => line.msg === 'socket disconnected' && line.socketId === socketId),
      10_000,
      'the disconnect line',
    );
    expect(lines().find((line) => line.msg === 'socket disconnected' && line.socketId === socketId)).to.include({
      level: 20,
      reason: 'client namespace disconnect',
    });
  });

  it('every line is one JSON object with the collector’s fields, and none holds a password, a token or a login name', () => {
    const raw = t.logs.text().split('\n');
    expect(raw.length).to.be.greaterThan(10);
    for (const text of raw) {
      const line = JSON.parse(text) as Line;
      expect(line).to.include.keys('level', 'time', 'msg', 'service', 'version', 'hostname', 'pid');
      expect(line.service).to.equal('focalnet');
    }
    const all = t.logs.text();
    for (const person of [root, kz, ru]) {
      expect(all).to.not.include(person.username);
      expect(all).to.not.include(person.password);
      if (person.session) {
        expect(all).to.not.include(person.session.accessToken);
        expect(all).to.not.include(person.session.refreshToken);
      }
    }
  });
});
