import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { unwrapWithExportKey, unwrapWithRecoveryKey } from '../../../shared/crypto/key-wrap.js';
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import type { Session, UserView } from '../../../shared/schemas/accounts.js';
import type { StoredWrappedKeys } from '../../../shared/crypto/wrapped-keys-format.js';
import { call } from '../../helpers/api.js';
import {
  activate,
  activeFocalPoint,
  clientKeyMaterial,
  invite,
  reauthFor,
  registerWithToken,
  signIn,
  signInCall,
  type TestPerson,
  totpCode,
} from '../../helpers/accounts.js';
import { startNetwork } from '../../helpers/network.js';
import { connected, type TestServer } from '../../helpers/test-server.js';
import { auditEntries } from '../../helpers/audit.js';

describe('sessions and tokens', function () {
  this.timeout(60_000);
  let t: TestServer;
  let root: TestPerson;
  let kz: TestPerson;
  let fp: TestPerson;
  before(async () => {
    const net = await startNetwork({ states: { KZ: { focalPoints: { border: 1 } } } });
    ({ t, root } = net);
    [kz, fp] = [net.admin('KZ'), net.focalPoint('KZ')];
  });
  after(async () => t.close());

  const me = (token: string | undefined) => call<{ user: UserView }>(t.url, 'GET', '/api/me', { token });
  const signWith = (claims: Record<string, unknown>, key: string, options: jwt.SignOptions = {}): string =>
    jwt.sign({ typ: 'access', role: fp.user.role, tv: 0, ...claims }, key, {
      algorithm: 'HS256',
      subject: fp.user.id,
      issuer: 'focalnet',
      audience: 'focalnet-api',
      expiresIn: 600,
      ...options,
    });

  it('a valid access token is accepted on HTTP and at the socket handshake', async () => {
    expect((await me(fp.session?.accessToken)).status).to.equal(200);
    const socket = t.connect({ auth: { token: fp.session?.accessToken } });
    await connected(socket);
  });

  it('tampered, alg:none, foreign, wrong-audience, expired and future tokens are refused on HTTP and socket', async () => {
    const good = fp.session?.accessToken ?? '';
    const [header, payload, signature] = good.split('.');
    const decoded = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...decoded, role: 'network-admin' })).toString('base64url')}.${signature}`;
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    const foreign = signWith({}, 'another-secret-that-is-long-enough-to-be-real');
    const bad = [tampered, none, foreign, 'not.a.token', ''];
    for (const token of bad) {
      expect((await me(token || 'x')).status, token).to.equal(401);
      const socket = t.connect({ auth: { token } });
      const error = await connected(socket).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, `socket with ${token}`).to.be.instanceOf(Error);
    }
  });

  it('tokens expire with the clock: 401 on HTTP and the socket is refused', async () => {
    const person = await activeFocalPoint(t, kz);
    t.clock.advance(16 * 60_000);
    expect((await me(person.session?.accessToken)).status).to.equal(401);
    const socket = t.connect({ auth: { token: person.session?.accessToken } });
    expect(
      await connected(socket).then(
        () => 'connected',
        () => 'refused',
      ),
    ).to.equal('refused');
    await signIn(t, kz); // keep the admin usable for later tests
  });

  it('a socket whose token expires mid-connection is refused on its next event and disconnected', async () => {
    const person = await activeFocalPoint(t, kz);
    const socket = t.connect({ auth: { token: person.session?.accessToken } });
    await connected(socket);
    const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    t.clock.advance(16 * 60_000);
    const result = await socket.timeout(2_000).emitWithAck('system:ping', { sentAt: 1 });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.error.code).to.equal('auth.unauthenticated');
    await closed;
    await signIn(t, kz);
  });

  it('a refresh token cannot be used as an access token', async () => {
    expect((await me(fp.session?.refreshToken)).status).to.equal(401);
  });

  it('refresh rotates; replaying a used refresh token revokes the whole family and is audited', async () => {
    const person = await activeFocalPoint(t, kz);
    const first = person.session as Session;
    const second = await call<Session>(t.url, 'POST', '/api/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(second.status).to.equal(200);
    expect(second.body.refreshToken).to.not.equal(first.refreshToken);

    const replay = await call(t.url, 'POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(replay.status).to.equal(401);
    const afterReplay = await call(t.url, 'POST', '/api/auth/refresh', {
      body: { refreshToken: second.body.refreshToken },
    });
    expect(afterReplay.status).to.equal(401); // the thief's (or victim's) newer token died too

    const audit = await auditEntries(t, { type: 'auth.refresh-reused', subjectId: person.user.id });
    expect(audit).to.have.length(1);
  });

  it('of refreshes racing with one token at most one is answered, and the race counts as reuse (session-end.test.ts: that answer then works no more)', async () => {
    const person = await activeFocalPoint(t, kz);
    const token = person.session?.refreshToken;
    const results = await Promise.all(
      Array.from({ length: 6 }, () => call(t.url, 'POST', '/api/auth/refresh', { body: { refreshToken: token } })),
    );
    expect(results.filter((r) => r.status === 200).length).to.be.at.most(1);
    expect(results.filter((r) => r.status === 401).length).to.be.at.least(5);
  });

  it('sign-out ends the refresh family', async () => {
    const person = await activeFocalPoint(t, kz);
    const out = await call(t.url, 'POST', '/api/auth/sign-out', {
      token: person.session?.accessToken,
      body: { refreshToken: person.session?.refreshToken },
    });
    expect(out.status).to.equal(200);
    expect(
      (await call(t.url, 'POST', '/api/auth/refresh', { body: { refreshToken: person.session?.refreshToken } })).status,
    ).to.equal(401);
  });

  it('suspension takes effect at once: 401, open sockets closed within a second, refresh fails', async () => {
    const person = await activeFocalPoint(t, kz);
    const socket = t.connect({ auth: { token: person.session?.accessToken } });
    await connected(socket);
    const closed = new Promise<number>((resolve) => {
      const started = Date.now();
      socket.once('disconnect', () => resolve(Date.now() - started));
    });
    const suspended = await call<UserView>(t.url, 'POST', `/api/users/${person.user.id}/suspend`, {
      token: kz.session?.accessToken,
      body: { reason: 'device lost' },
    });
    expect(suspended.status).to.equal(200);
    expect(suspended.body.status).to.equal('suspended');
    expect(await closed).to.be.below(1_000);
    expect((await me(person.session?.accessToken)).status).to.equal(401);
    expect(
      (await call(t.url, 'POST', '/api/auth/refresh', { body: { refreshToken: person.session?.refreshToken } })).status,
    ).to.equal(401);
    const signInAgain = await signInCall(t.url, { username: person.username, password: person.password });
    expect(signInAgain.status).to.equal(401);

    const reactivated = await call<UserView>(t.url, 'POST', `/api/users/${person.user.id}/reactivate`, {
      token: kz.session?.accessToken,
    });
    expect(reactivated.body.status).to.equal('active');
    await signIn(t, person);
  });

  it('unknown user and wrong password answer identically; the 6th failure in a row answers 429', async () => {
    const unknown = await signInCall(t.url, { username: 'nobody-here', password: 'whatever-password' });
    const wrong = await signInCall(t.url, { username: fp.username, password: 'wrong-password-x' });
    expect(unknown.status).to.equal(401);
    expect(wrong.status).to.equal(401);
    const strip = (body: unknown): unknown => ({ ...(body as { error: object }).error, requestId: undefined });
    expect(strip(unknown.body)).to.deep.equal(strip(wrong.body));

    const target = await activeFocalPoint(t, kz);
    for (let i = 0; i < 5; i++) {
      expect((await signInCall(t.url, { username: target.username, password: `wrong-${i}-password` })).status).to.equal(
        401,
      );
    }
    const blocked = await call(t.url, 'POST', '/api/auth/sign-in/start', {
      body: { username: target.username, startLoginRequest: 'A'.repeat(128) },
    });
    expect(blocked.status).to.equal(429);
    expect(blocked.headers.get('retry-after')).to.match(/^\d+$/);
  });

  it('admins sign in with a TOTP code, and a code works only once', async () => {
    const without = await signInCall(t.url, { username: kz.username, password: kz.password });
    expect(without.status).to.equal(401);
    expect(without.body).to.have.nested.property('error.code', 'auth.totp-required');
    const code = await totpCode(t, kz.totpSecret ?? '');
    const first = await signInCall<Session>(t.url, { username: kz.username, password: kz.password, totp: code });
    expect(first.status).to.equal(200);
    kz.session = first.body;
    const replay = await signInCall(t.url, { username: kz.username, password: kz.password, totp: code });
    expect(replay.status).to.equal(401);
    expect(replay.body).to.have.nested.property('error.code', 'auth.totp-invalid');
  });

  it('an admin without a second factor cannot administer', async () => {
    await signIn(t, root);
    const { token } = await invite(t, root, { role: 'national-admin', state: 'UZ', displayName: 'UZ admin' });
    const uz = await registerWithToken(t, token);
    await activate(t, root, uz);
    await signIn(t, uz);
    const denied = await call(t.url, 'GET', '/api/users', { token: uz.session?.accessToken });
    expect(denied.status).to.equal(403);
  });

  it('a new browser fetches the wrapped keys and unlocks them with the export key of its sign-in or the recovery key', async () => {
    const person = await activeFocalPoint(t, kz);
    const wrapped = await call<StoredWrappedKeys>(t.url, 'GET', '/api/me/wrapped-keys', {
      token: person.session?.accessToken,
    });
    expect(wrapped.status).to.equal(200);
    const unlocked = await unwrapWithExportKey(
      wrapped.body.exportKey,
      person.exportKey ?? new Uint8Array(64),
      person.username,
    );
    expect(toBase64Url(unlocked.identity.publicKey)).to.equal(person.bundle.identityKey);
    await unwrapWithRecoveryKey(wrapped.body.recovery, new Uint8Array(32), person.username).then(
      () => expect.fail('a wrong recovery key unlocked the keys'),
      (error: { code?: string }) => expect(error.code).to.be.a('string'),
    );
  });

  it('key rotation puts the account back to verification and ends its sessions', async () => {
    const person = await activeFocalPoint(t, kz);
    const material = await clientKeyMaterial(person.username);
    const rotated = await call<UserView>(t.url, 'POST', '/api/me/keys', {
      token: person.session?.accessToken,
      body: {
        keys: material.bundle,
        wrappedKeys: material.wrappedKeys,
        reauth: await reauthFor(t, person.session?.accessToken, person),
      },
    });
    expect(rotated.status).to.equal(200);
    expect(rotated.body.status).to.equal('pending-verification');
    expect(rotated.body.keys?.keyVersion).to.equal(2);
    expect((await me(person.session?.accessToken)).status).to.equal(401);
    const stale = await call(t.url, 'POST', `/api/users/${person.user.id}/activate`, {
      token: kz.session?.accessToken,
      body: { keyVersion: 1, safetyNumberCompared: true },
    });
    expect(stale.status).to.equal(409);
    const ok = await call(t.url, 'POST', `/api/users/${person.user.id}/activate`, {
      token: kz.session?.accessToken,
      body: { keyVersion: 2, safetyNumberCompared: true },
    });
    expect(ok.status).to.equal(200);
  });
});
