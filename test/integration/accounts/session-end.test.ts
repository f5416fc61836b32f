import { expect } from 'chai';
import type { Session } from '../../../shared/schemas/accounts.js';
import { call } from '../../helpers/api.js';
import { signIn, type TestPerson } from '../../helpers/accounts.js';
import { startNetwork } from '../../helpers/network.js';
import { eventually } from '../../helpers/server-process.js';
import { connected, type TestServer } from '../../helpers/test-server.js';

/** Sign-out and a detected refresh reuse end a session the way the sessions list does; sessions have an absolute lifetime. */
describe('ending a session: sign-out, refresh reuse, the time limit', function () {
  this.timeout(120_000);
  let t: TestServer;
  let fp: TestPerson;

  before(async () => {
    const net = await startNetwork({
      env: { SESSION_MAX_DAYS: '0.25' },
      states: { KZ: { focalPoints: { border: 1 } } },
    }); // 6 hours, so the limit is reached within a refresh token's 12 hours
    ({ t } = net);
    fp = net.focalPoint('KZ');
  });
  after(async () => t.close());

  const me = (token: string) => call(t.url, 'GET', '/api/me', { token });
  const refresh = (refreshToken: string) =>
    call<Session & { error?: { code: string; message: string } }>(t.url, 'POST', '/api/auth/refresh', {
      body: { refreshToken },
    });

  it("sign-out refuses the access token at once and closes the session's sockets; another session goes on", async () => {
    const session = await signIn(t, fp);
    const other = await signIn(t, fp);
    const socket = t.connect({ auth: { token: session.accessToken } });
    await connected(socket);
    const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    expect(
      (
        await call(t.url, 'POST', '/api/auth/sign-out', {
          token: session.accessToken,
          body: { refreshToken: session.refreshToken },
        })
      ).status,
    ).to.equal(200);
    expect((await me(session.accessToken)).status).to.equal(401);
    await closed;
    expect((await refresh(session.refreshToken)).status).to.equal(401);
    expect((await me(other.accessToken)).status, 'the other session').to.equal(200);
  });

  it('three concurrent refreshes with one token: no winner survives the reuse, over 25 trials', async () => {
    for (let trial = 0; trial < 25; trial++) {
      const session = await signIn(t, fp);
      const results = await Promise.all([0, 1, 2].map(() => refresh(session.refreshToken)));
      const winners = results.filter((r) => r.status === 200);
      expect(winners.length, `trial ${trial}: at most one wins`).to.be.at.most(1);
      for (const winner of winners) {
        expect((await me(winner.body.accessToken)).status, `trial ${trial}: the winner's access token`).to.equal(401);
        expect((await refresh(winner.body.refreshToken)).status, `trial ${trial}: the winner's refresh token`).to.equal(
          401,
        );
      }
    }
  });

  it("a detected reuse closes the session's open socket", async () => {
    const session = await signIn(t, fp);
    const rotated = await refresh(session.refreshToken);
    expect(rotated.status).to.equal(200);
    const socket = t.connect({ auth: { token: rotated.body.accessToken } });
    await connected(socket);
    let disconnected = false;
    socket.once('disconnect', () => {
      disconnected = true;
    });
    expect((await refresh(session.refreshToken)).status, 'the old token again: reuse').to.equal(401);
    await eventually(async () => disconnected, 3_000, 'the socket closed');
    expect((await me(rotated.body.accessToken)).status).to.equal(401);
  });

  it('a session is renewed for at most its configured lifetime after sign-in; then the person signs in again', async () => {
    const session = await signIn(t, fp);
    t.clock.advance(3 * 3_600_000);
    const early = await refresh(session.refreshToken);
    expect(early.status, 'within the limit').to.equal(200);
    t.clock.advance(3 * 3_600_000 + 1_000);
    const late = await refresh(early.body.refreshToken);
    expect(late.status).to.equal(401);
    expect(late.body.error?.message).to.contain('time limit');
    expect((await signIn(t, fp)).accessToken).to.be.a('string');
  });
});
