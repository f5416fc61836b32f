import { expect } from 'chai';
import { isApiError } from '../../../client/sdk/index.js';
import { secondPersonApproves } from '../../helpers/second-approver.js';
import { call } from '../../helpers/api.js';
import { startSdkNetwork } from '../../helpers/network.js';
import { countingFetch, sdkClient, sdkRegister, sdkSignIn, type SdkPerson } from '../../helpers/sdk.js';
import type { TestServer } from '../../helpers/test-server.js';

describe('client SDK: sessions and refresh rotation', function () {
  this.timeout(60_000);
  let t: TestServer;
  let root: SdkPerson;
  before(async () => {
    ({ t, root } = await startSdkNetwork());
  });
  after(async () => t.close());

  /** A signed-in national admin (pending: sign-in and /api/me work) whose requests are counted. */
  async function person(
    options: { now?: () => number } = {},
  ): Promise<{ person: SdkPerson; count: (path: string) => number }> {
    const { token } = await root.client.invitations.create({
      role: 'national-admin',
      state: 'KZ',
      displayName: 'Test',
    });
    const counting = countingFetch();
    const registered = await sdkRegister(t, token, 'kz', { fetch: counting.fetch, ...options });
    await sdkSignIn(t, registered);
    return { person: registered, count: counting.count };
  }

  it('refresh() rotates both tokens; the old refresh token is dead', async () => {
    const { person: p } = await person();
    const before = p.client.session.current();
    const after = await p.client.session.refresh();
    expect(after.refreshToken).to.not.equal(before?.refreshToken);
    expect((await p.client.me.get()).user.username).to.equal(p.username);
    // Replaying the old token is theft detection on the server: it ends the family, this session too.
    expect(
      (await call(t.url, 'POST', '/api/auth/refresh', { body: { refreshToken: before?.refreshToken } })).status,
    ).to.equal(401);
    const ended = await p.client.session.refresh().catch((e: unknown) => e);
    expect(isApiError(ended, 'auth.session-invalid')).to.equal(true);
    expect(p.client.session.current()).to.equal(undefined);
  });

  it('refreshes shortly before the access token expires, before sending', async () => {
    let offset = 0;
    const { person: p, count } = await person({ now: () => Date.now() + offset });
    await p.client.me.get();
    expect(count('/api/auth/refresh')).to.equal(0);
    offset = 14.5 * 60_000; // 30 s left of 15 min: inside the 60 s leeway
    const refreshToken = p.client.session.current()?.refreshToken;
    await p.client.me.get();
    expect(count('/api/auth/refresh')).to.equal(1);
    expect(p.client.session.current()?.refreshToken).to.not.equal(refreshToken);
    await p.client.me.get(); // the new token is good for another 15 minutes
    expect(count('/api/auth/refresh')).to.equal(1);
  });

  it('on a 401 refreshes once and retries; parallel calls share one refresh (rotation-safe)', async () => {
    const { person: p, count } = await person();
    t.clock.advance(16 * 60_000); // the server considers the access token expired; the client does not know
    const results = await Promise.all(Array.from({ length: 5 }, () => p.client.me.get()));
    expect(results.every((r) => r.user.username === p.username)).to.equal(true);
    expect(count('/api/auth/refresh')).to.equal(1);
    expect(count('/api/me')).to.equal(10); // each call: one refused, one retried
    // Had two refreshes raced with one token, the server would have revoked the family: it did not.
    await p.client.session.refresh();
    expect((await p.client.me.get()).user.username).to.equal(p.username);
  });

  it('a session the server ended (suspension) is dropped, listeners hear it, and calls fail typed', async () => {
    const { person: p } = await person();
    let changes = 0;
    p.client.session.subscribe(() => {
      changes += 1;
    });
    const id = p.client.session.current()?.user.id ?? '';
    // A national admin's suspension takes two people: the server's second secretariat member approves.
    const asked = await root.client.users.suspend(id, 'lost laptop');
    await secondPersonApproves(t, root.client.session.current()?.accessToken, asked);
    const refused = await p.client.me.get().catch((e: unknown) => e);
    expect(isApiError(refused, 'auth.session-invalid'), String(refused)).to.equal(true);
    expect(p.client.session.current()).to.equal(undefined);
    expect(changes).to.equal(1);
    const after = await p.client.me.get().catch((e: unknown) => e);
    expect(isApiError(after, 'auth.unauthenticated')).to.equal(true);
    expect((after as { status: number }).status).to.equal(401);
  });

  it('sign-out ends the refresh family on the server', async () => {
    const { person: p } = await person();
    const refreshToken = p.client.session.current()?.refreshToken;
    await p.client.signOut();
    expect((await call(t.url, 'POST', '/api/auth/refresh', { body: { refreshToken } })).status).to.equal(401);
    await sdkClient(t).signOut(); // signing out without a session is harmless
  });
});
