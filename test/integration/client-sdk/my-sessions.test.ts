import { expect } from 'chai';
import { isApiError } from '../../../client/sdk/index.js';
import { call } from '../../helpers/api.js';
import { flushed } from '../../helpers/barrier.js';
import { startSdkNetwork } from '../../helpers/network.js';
import { sdkClient, type SdkPerson } from '../../helpers/sdk.js';
import { sdkFocalPoint, type SdkMember } from '../../helpers/sdk-people.js';
import { connected, type TestServer } from '../../helpers/test-server.js';

describe('client SDK: my sessions', function () {
  this.timeout(90_000);
  let t: TestServer;
  let root: SdkPerson;
  let admin: SdkMember;
  before(async () => {
    const net = await startSdkNetwork({ states: { KZ: {} } });
    ({ t, root } = net);
    admin = net.admin('KZ');
  });
  after(async () => t.close());

  /** A client whose requests say which browser they come from. */
  const browserClient = (userAgent: string) =>
    sdkClient(t, {
      fetch: (input, init) =>
        fetch(input, {
          ...init,
          headers: { ...Object.fromEntries(new Headers(init?.headers).entries()), 'user-agent': userAgent },
        }),
    });

  it('lists each session with its device and marks my own; ending another stops it at once while mine goes on', async () => {
    const fp = await sdkFocalPoint(t, admin, ['border']);
    const laptop = browserClient('Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36');
    await laptop.signIn({ username: fp.username, password: fp.password });
    const phone = browserClient('Mozilla/5.0 (Linux; Android 14) Firefox/133.0');
    await phone.signIn({ username: fp.username, password: fp.password });

    const sessions = await laptop.me.sessions();
    // The helper's own sign-ins are sessions too.
    expect(sessions.map((s) => s.device)).to.include.members([
      'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36',
      'Mozilla/5.0 (Linux; Android 14) Firefox/133.0',
    ]);
    expect(sessions.filter((s) => s.current).map((s) => s.device)).to.deep.equal([
      'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36',
    ]);
    const onPhone = sessions.find((s) => s.device?.includes('Android'));
    if (!onPhone) throw new Error('the phone session is not listed');
    expect(onPhone.signedInAt).to.be.a('string');

    const phoneAccess = phone.session.current()?.accessToken;
    const laptopAccess = laptop.session.current()?.accessToken;
    const phoneSocket = t.connect({ auth: { token: phoneAccess } });
    const laptopSocket = t.connect({ auth: { token: laptopAccess } });
    await Promise.all([connected(phoneSocket), connected(laptopSocket)]);
    const phoneClosed = new Promise<void>((resolve) => phoneSocket.once('disconnect', () => resolve()));
    await laptop.me.endSession(onPhone.id);
    expect((await call(t.url, 'GET', '/api/me', { token: phoneAccess })).status).to.equal(401); // at once, not in 15 minutes
    await phoneClosed;
    // The other sessions go on untouched: the same access token, the same socket.
    expect((await call(t.url, 'GET', '/api/me', { token: laptopAccess })).status).to.equal(200);
    await flushed(laptopSocket); // a wrong disconnect would have come before the answer to this
    expect(laptopSocket.connected).to.equal(true);
    laptopSocket.close();
    const ended = await phone.me.get().catch((e: unknown) => e);
    expect(isApiError(ended)).to.equal(true);
    expect((await laptop.me.get()).user.username).to.equal(fp.username); // renewed transparently
    expect((await laptop.me.sessions()).map((s) => s.id)).to.not.include(onPhone.id);
    const trail = (await root.client.audit.list({ order: 'desc', limit: 10 })).map((e) => e.type);
    expect(trail).to.include('auth.session-ended');
  });

  it('sessions ended at once all stay ended, also on an account from before sessions were counted', async () => {
    const fp = await sdkFocalPoint(t, admin, ['border']);
    const devices = await Promise.all(
      ['A', 'B', 'C'].map(async (name) => {
        const device = browserClient(`Device ${name}`);
        await device.signIn({ username: fp.username, password: fp.password });
        return device;
      }),
    );
    await t.server.database.connection
      .collection('users')
      .updateOne({ username: fp.username }, { $unset: { sessionsRevision: '', endedSessions: '' } });
    const [keeper, ...others] = devices;
    const ids = ((await keeper?.me.sessions()) ?? [])
      .filter((s) => s.device === 'Device B' || s.device === 'Device C')
      .map((s) => s.id);
    expect(ids).to.have.length(2);
    const tokens = others.map((device) => device.session.current()?.accessToken);
    await Promise.all(ids.map((id) => keeper?.me.endSession(id)));
    for (const token of tokens) expect((await call(t.url, 'GET', '/api/me', { token })).status).to.equal(401);
    expect((await call(t.url, 'GET', '/api/me', { token: keeper?.session.current()?.accessToken })).status).to.equal(
      200,
    );
  });

  it("a session survives its renewals with its sign-in time and device; nobody ends another person's session", async () => {
    const fp = await sdkFocalPoint(t, admin, ['border']);
    const laptop = browserClient('Mozilla/5.0 (Windows NT 10.0) Edg/131.0');
    await laptop.signIn({ username: fp.username, password: fp.password });
    const before = (await laptop.me.sessions()).find((s) => s.current);
    await laptop.session.refresh();
    const after = (await laptop.me.sessions()).find((s) => s.current);
    expect(after?.id).to.equal(before?.id);
    expect(after?.signedInAt).to.equal(before?.signedInAt);
    expect(after?.device).to.equal('Mozilla/5.0 (Windows NT 10.0) Edg/131.0');

    const other = await admin.client.me.endSession(before?.id ?? '').catch((e: unknown) => e);
    expect(isApiError(other, 'http.not-found')).to.equal(true);
    expect((await laptop.me.get()).user.username).to.equal(fp.username);
    const malformed = await call(t.url, 'DELETE', '/api/me/sessions/not-a-session', {
      token: laptop.session.current()?.accessToken,
    });
    expect(malformed.status).to.equal(400);
  });
});
