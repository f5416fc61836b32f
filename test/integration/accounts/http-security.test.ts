import { expect } from 'chai';
import fc from 'fast-check';
import { call } from '../../helpers/api.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { startNetwork } from '../../helpers/network.js';
import type { TestServer } from '../../helpers/test-server.js';

const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'GET /api/ready',
  'GET /api/openapi.json',
  'GET /api/asyncapi.json',
  'POST /api/auth/sign-in',
  'POST /api/auth/sign-in/start',
  'POST /api/auth/sign-in/finish',
  'POST /api/auth/refresh',
  'POST /api/invitations/preview',
  // The single-use token in the body is the authentication: the link is opened signed in or not.
  'POST /api/notifications/verify',
  // A calendar app cannot sign in: the secret token in the feed's address is its credential (404 without a valid one).
  'GET /api/calendar-feeds/{token}/events.ics',
  'POST /api/registrations/start',
  'POST /api/registrations',
  'POST /api/password-reset/preview',
  'POST /api/password-reset/start',
  'POST /api/password-reset',
  'GET /api/directory/signing-key',
  'GET /api/directory/audit-log-key',
  'GET /api/directory/key-transitions',
]);

describe('HTTP security of the accounts API', function () {
  this.timeout(120_000);
  let t: TestServer;
  let root: TestPerson;
  let kz: TestPerson;
  let ru: TestPerson;
  let fpKz: TestPerson;
  let fpKz2: TestPerson;
  let routes: Array<{ method: string; path: string }>;

  before(async () => {
    const net = await startNetwork({ states: { KZ: { focalPoints: { border: 2 } }, RU: {} } });
    ({ t, root } = net);
    [kz, ru] = [net.admin('KZ'), net.admin('RU')];
    [fpKz, fpKz2] = [net.focalPoint('KZ'), net.focalPoint('KZ', 1)];
    const doc = (await call<{ paths: Record<string, Record<string, unknown>> }>(t.url, 'GET', '/api/openapi.json'))
      .body;
    routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
    );
  });
  after(async () => t.close());

  const concrete = (path: string): string => path.replace(/\{[^}]+\}/g, fpKz.user.id);

  it('every non-public route answers 401 to an anonymous caller (routes taken from the OpenAPI document)', async () => {
    expect(routes.length).to.be.greaterThan(15);
    for (const { method, path } of routes) {
      const response = await call(
        t.url,
        method,
        concrete(path),
        method === 'GET' || method === 'DELETE' ? {} : { body: {} },
      );
      if (PUBLIC_ROUTES.has(`${method} ${path}`)) expect(response.status, `${method} ${path}`).to.not.equal(401);
      else expect(response.status, `${method} ${path}`).to.equal(401);
    }
  });

  it('object-level authorization: who may read and manage a KZ focal point', async () => {
    const cases: Array<[string, TestPerson | undefined, string, string, unknown, number]> = [
      ['anonymous reads', undefined, 'GET', `/api/users/${fpKz.user.id}`, undefined, 401],
      ['the person reads themself', fpKz, 'GET', `/api/users/${fpKz.user.id}`, undefined, 200],
      ['another KZ focal point reads', fpKz2, 'GET', `/api/users/${fpKz.user.id}`, undefined, 403],
      ['KZ national admin reads', kz, 'GET', `/api/users/${fpKz.user.id}`, undefined, 200],
      ['RU national admin reads', ru, 'GET', `/api/users/${fpKz.user.id}`, undefined, 403],
      ['network admin reads', root, 'GET', `/api/users/${fpKz.user.id}`, undefined, 200],
      ['focal point lists users', fpKz, 'GET', '/api/users', undefined, 403],
      ['RU admin updates KZ person', ru, 'PATCH', `/api/users/${fpKz.user.id}`, { displayName: 'x' }, 403],
      [
        'KZ admin updates KZ person',
        kz,
        'PATCH',
        `/api/users/${fpKz.user.id}`,
        { displayName: 'Border desk (night)' },
        200,
      ],
      ['focal point suspends a colleague', fpKz2, 'POST', `/api/users/${fpKz.user.id}/suspend`, { reason: 'x' }, 403],
      ['RU admin suspends KZ person', ru, 'POST', `/api/users/${fpKz.user.id}/suspend`, { reason: 'x' }, 403],
      ['KZ admin suspends a RU admin', kz, 'POST', `/api/users/${ru.user.id}/suspend`, { reason: 'x' }, 403],
      ['focal point reads the audit trail', fpKz, 'GET', '/api/audit', undefined, 403],
      ['KZ admin reads the RU audit trail', kz, 'GET', '/api/audit?state=RU', undefined, 200], // scoped to KZ regardless
      [
        'focal point invites',
        fpKz,
        'POST',
        '/api/invitations',
        { role: 'focal-point', state: 'KZ', domains: ['border'], displayName: 'x' },
        403,
      ],
    ];
    for (const [name, who, method, path, body, status] of cases) {
      const response = await call(t.url, method, path, {
        token: who?.session?.accessToken,
        ...(body !== undefined ? { body } : {}),
      });
      expect(response.status, name).to.equal(status);
    }
    const scoped = await call<Array<{ state: string | null }>>(t.url, 'GET', '/api/audit?state=RU', {
      token: kz.session?.accessToken,
    });
    expect(scoped.body.every((entry) => entry.state === 'KZ')).to.equal(true);
  });

  it('no mass assignment: PATCH carrying role, state, status or tokenVersion is refused and changes nothing', async () => {
    for (const field of [
      { role: 'network-admin' },
      { state: 'RU' },
      { status: 'active' },
      { tokenVersion: 0 },
      { keys: null },
    ]) {
      const response = await call(t.url, 'PATCH', `/api/users/${fpKz.user.id}`, {
        token: kz.session?.accessToken,
        body: { displayName: 'x', ...field },
      });
      expect(response.status, JSON.stringify(field)).to.equal(400);
    }
    const stored = await t.server.accounts.users.findById(fpKz.user.id);
    expect(stored).to.include({ role: 'focal-point', state: 'KZ', status: 'active' });
  });

  it('NoSQL operators and prototype keys in bodies and queries are refused', async () => {
    const attempts: Array<[string, string, unknown]> = [
      ['POST', '/api/auth/sign-in', { username: { $ne: null }, password: 'x' }],
      ['POST', '/api/auth/sign-in', { username: fpKz.username, password: { $gt: '' } }],
      ['POST', '/api/auth/sign-in/start', { username: { $ne: null }, startLoginRequest: 'A'.repeat(128) }],
      ['POST', '/api/auth/sign-in/finish', { flowId: { $ne: null }, finishLoginRequest: 'A'.repeat(86) }],
      ['POST', '/api/auth/refresh', { refreshToken: { $ne: null } }],
      ['POST', '/api/invitations/preview', { token: { $where: 'sleep(1000)' } }],
    ];
    for (const [method, path, body] of attempts) {
      const response = await call(t.url, method, path, { body });
      expect(response.status, JSON.stringify(body)).to.equal(400);
    }
    const query = await call(t.url, 'GET', '/api/users?status[$ne]=active', { token: kz.session?.accessToken });
    expect(query.status).to.equal(400);
    const polluted = await call(t.url, 'POST', '/api/auth/sign-in', {
      rawBody:
        '{"__proto__":{"polluted":true},"username":"abc","password":"x","constructor":{"prototype":{"polluted":true}}}',
    });
    expect(polluted.status).to.equal(400);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('off-schema bodies on every route answer with an error code, never 5xx (fast-check)', async () => {
    const writeRoutes = routes.filter((r) => r.method !== 'GET' && r.method !== 'DELETE');
    const json = fc.jsonValue({ maxDepth: 3 });
    const bodies = fc.oneof(
      json,
      fc.dictionary(
        fc.constantFrom(
          'username',
          'password',
          'token',
          'role',
          'state',
          'domains',
          'keys',
          'wrappedKeys',
          'code',
          'reason',
          'keyVersion',
          '$gt',
          '__proto__',
          'displayName',
        ),
        json,
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writeRoutes), bodies, fc.boolean(), async (route, body, signedIn) => {
        const response = await call(t.url, route.method, concrete(route.path), {
          body,
          token: signedIn ? root.session?.accessToken : undefined,
        });
        // Routes without a body (e.g. TOTP setup) may succeed; nothing may fail with 5xx or without a code.
        return (
          response.status < 400 ||
          (response.status < 500 && typeof (response.body as { error?: { code?: string } }).error?.code === 'string')
        );
      }),
      { numRuns: 150 },
    );
    expect((await call(t.url, 'GET', '/api/health')).status).to.equal(200);
  });

  it('an unexpected failure answers a generic 500 that leaks nothing, and the server stays up', async () => {
    const users = t.server.accounts.users;
    const original = users.list.bind(users);
    users.list = () =>
      Promise.reject(new Error('MongoServerError: E11000 at /srv/focalnet/node_modules/mongodb secret-detail'));
    try {
      const response = await call<{ error: { code: string; message: string; requestId: string } }>(
        t.url,
        'GET',
        '/api/users',
        { token: kz.session?.accessToken },
      );
      expect(response.status).to.equal(500);
      expect(response.body.error).to.include({ code: 'internal', message: 'internal error' });
      expect(JSON.stringify(response.body)).not.to.match(/Mongo|node_modules|secret-detail|stack/);
      expect(t.logs.text()).to.contain(response.body.error.requestId); // logged with its request id
    } finally {
      users.list = original;
    }
    expect((await call(t.url, 'GET', '/api/users', { token: kz.session?.accessToken })).status).to.equal(200);
  });

  it('logs never contain passwords or tokens', async () => {
    const text = t.logs.text();
    for (const person of [root, kz, fpKz]) {
      expect(text).not.to.contain(person.password);
      expect(text).not.to.contain(person.session?.accessToken ?? 'missing');
      expect(text).not.to.contain(person.session?.refreshToken ?? 'missing');
    }
  });
});
