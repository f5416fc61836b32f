import { expect } from 'chai';
import type { Ack } from '../../../shared/errors.js';
import type { PingResponse } from '../../../shared/schemas/system.js';
import { bootstrapNetworkAdmin, type TestPerson } from '../../helpers/accounts.js';
import { connected, startTestServer, type TestServer } from '../../helpers/test-server.js';

describe('socket.io gateway', () => {
  let t: TestServer;
  let person: TestPerson;
  before(async () => {
    t = await startTestServer();
    person = await bootstrapNetworkAdmin(t);
  });
  after(async () => t.close());

  const auth = (): { token: string } => ({ token: person.session?.accessToken ?? '' });

  it('refuses a handshake without a token', async () => {
    const socket = t.connect();
    const error = await connected(socket).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(Error).with.property('message', 'unauthenticated');
  });

  it('answers a valid event through its ack with { ok: true, data }', async () => {
    const socket = t.connect({ auth: auth() });
    await connected(socket);
    const result = await socket.timeout(2_000).emitWithAck('system:ping', { sentAt: 1234 });
    expect(result).to.have.property('ok', true);
    const data = (result as Extract<Ack<PingResponse>, { ok: true }>).data;
    expect(data.sentAt).to.equal(1234);
    expect(data.serverTime).to.be.a('number');
  });

  it('answers an event sent without a payload with a validation error, not silence', async () => {
    const socket = t.connect({ auth: auth() });
    await connected(socket);
    const answer = await new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer')), 2_000);
      (socket as unknown as { emit(event: string, ack: (result: unknown) => void): void }).emit(
        'system:ping',
        (result) => {
          clearTimeout(timer);
          resolve(result);
        },
      );
    });
    expect(answer).to.have.nested.property('error.code', 'validation.failed');
    socket.close();
  });

  it('answers off-schema input with a validation error ack, never a crash', async () => {
    const socket = t.connect({ auth: auth() });
    await connected(socket);
    const bad: unknown[] = [
      null,
      'text',
      { sentAt: -1 },
      { sentAt: 1, extra: true },
      { sentAt: { $gt: 0 } },
      { ['__proto__']: { polluted: 1 } },
    ];
    for (const input of bad) {
      // @ts-expect-error deliberately off-schema input
      const result: Ack<PingResponse> = await socket.timeout(2_000).emitWithAck('system:ping', input);
      expect(result.ok, JSON.stringify(input)).to.equal(false);
      if (!result.ok) expect(result.error.code).to.equal('validation.failed');
    }
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    const healthy = await fetch(`${t.url}/api/health`);
    expect(healthy.status).to.equal(200);
  });

  it('refuses a handshake from a foreign browser origin', async () => {
    const socket = t.connect({ origin: 'https://evil.example', auth: auth() });
    const error = await connected(socket).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(Error);
  });

  it("accepts the server's own origin", async () => {
    const socket = t.connect({ origin: t.url, auth: auth() });
    await connected(socket);
    expect(socket.connected).to.equal(true);
  });

  it('closes a socket that sends a packet over the size limit, and stays up', async () => {
    const socket = t.connect({ auth: auth() });
    await connected(socket);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    socket.emit(
      'system:ping',
      { sentAt: 1, pad: 'x'.repeat(1_100_000) } as unknown as { sentAt: number },
      () => undefined,
    );
    expect(await closed).to.be.a('string');
    const other = t.connect({ auth: auth() });
    await connected(other);
    const result = await other.timeout(2_000).emitWithAck('system:ping', { sentAt: 5 });
    expect(result.ok).to.equal(true);
  });
});
