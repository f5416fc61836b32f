import { expect } from 'chai';
import type { RegisterResponse, UserView, UsersPage } from '../../../shared/schemas/accounts.js';
import { secondSecretariatMember } from '../../helpers/second-approver.js';
import { call } from '../../helpers/api.js';
import {
  activate,
  activeFocalPoint,
  activeNationalAdmin,
  bootstrapNetworkAdmin,
  enrolTotp,
  invite,
  registerWithToken,
  signIn,
  uniqueUsername,
  type TestPerson,
} from '../../helpers/accounts.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

describe('People: search, filters and paging; a second secretariat member', function () {
  this.timeout(120_000);
  let t: TestServer;
  let root: TestPerson;
  let kzAdmin: TestPerson;
  let kzFocal: TestPerson[];
  before(async () => {
    t = await startTestServer();
    root = await bootstrapNetworkAdmin(t);
    kzAdmin = await activeNationalAdmin(t, root, 'KZ');
    await activeNationalAdmin(t, root, 'UZ');
    kzFocal = [
      await activeFocalPoint(t, kzAdmin),
      await activeFocalPoint(t, kzAdmin),
      await activeFocalPoint(t, kzAdmin),
    ];
    // One more, registered but not yet verified.
    const { token } = await invite(t, kzAdmin, {
      role: 'focal-point',
      state: 'KZ',
      domains: ['border'],
      displayName: 'Dana Waiting',
    });
    await registerWithToken(t, token, uniqueUsername('waiting'));
  });
  after(async () => t.close());

  const search = (person: TestPerson, query: string) =>
    call<UsersPage>(t.url, 'GET', `/api/users/search?${query}`, { token: person.session?.accessToken });
  const names = (page: UsersPage): string[] => page.users.map((u) => u.username);

  it('the secretariat pages through every account, sorted by name, with the total', async () => {
    // Seven made here and the second secretariat member who approved the national admins' activation.
    const first = await search(root, 'pageSize=3');
    expect(first.status).to.equal(200);
    expect(first.body).to.include({ total: 8, page: 1, pageSize: 3 });
    expect(first.body.users).to.have.length(3);
    const second = (await search(root, 'pageSize=3&page=2')).body;
    const third = (await search(root, 'pageSize=3&page=3')).body;
    expect(second.users).to.have.length(3);
    expect(third.users).to.have.length(2);
    const all = [...first.body.users, ...second.users, ...third.users];
    expect(new Set(all.map((u) => u.id)).size).to.equal(8);
    const displayNames = all.map((u) => u.displayName);
    expect(displayNames).to.deep.equal([...displayNames].sort());
    // The list without paging answers as before: an array.
    const legacy = await call<UserView[]>(t.url, 'GET', '/api/users', { token: root.session?.accessToken });
    expect(legacy.body).to.have.length(8);
  });

  it('searches name and username, case-insensitively and literally', async () => {
    const byName = (await search(root, 'q=FOCAL')).body;
    expect(byName.total).to.equal(3);
    expect(names(byName)).to.have.members(kzFocal.map((p) => p.username));
    const byUsername = (await search(root, `q=${kzFocal[1]?.username ?? ''}`)).body;
    expect(names(byUsername)).to.deep.equal([kzFocal[1]?.username]);
    expect((await search(root, 'q=Admin%20UZ')).body.total).to.equal(1);
    expect((await search(root, 'q=.*')).body.total).to.equal(0);
  });

  it('filters by state, role and status, combined with the search', async () => {
    expect((await search(root, 'state=KZ')).body.total).to.equal(5);
    expect((await search(root, 'role=national-admin')).body.total).to.equal(2);
    const pending = (await search(root, 'status=pending-verification')).body;
    expect(pending.users.map((u) => u.displayName)).to.deep.equal(['Dana Waiting']);
    expect((await search(root, 'state=KZ&role=focal-point&status=active&q=focal')).body.total).to.equal(3);
    expect((await search(root, 'status=removed')).status).to.equal(400);
  });

  it('a national admin searches their own state only; a focal point not at all', async () => {
    const own = (await search(kzAdmin, 'state=UZ')).body;
    expect(own.total).to.equal(5);
    expect(own.users.every((u) => u.state === 'KZ')).to.equal(true);
    expect((await search(kzFocal[0] as TestPerson, '')).status).to.equal(403);
  });

  it('the secretariat invites a further network admin, who registers, is activated, enrols TOTP and acts', async () => {
    // Only the secretariat invites it, and without a state.
    const byNational = await call(t.url, 'POST', '/api/invitations', {
      token: kzAdmin.session?.accessToken,
      body: { role: 'network-admin', displayName: 'Not allowed' },
    });
    expect(byNational.status).to.equal(403);
    const withState = await call(t.url, 'POST', '/api/invitations', {
      token: root.session?.accessToken,
      body: { role: 'network-admin', state: 'KZ', displayName: 'Wrong' },
    });
    expect(withState.status).to.equal(400);
    const withoutState = await call(t.url, 'POST', '/api/invitations', {
      token: root.session?.accessToken,
      body: { role: 'national-admin', displayName: 'Wrong' },
    });
    expect(withoutState.status).to.equal(400);

    const created = await invite(t, root, { role: 'network-admin', displayName: 'Secretariat Two' });
    expect(created.invitation).to.include({ role: 'network-admin', state: null, status: 'open' });
    const second = await registerWithToken(t, created.token, uniqueUsername('secretariat'));
    expect(second.user).to.include({ role: 'network-admin', state: null, status: 'pending-verification' });

    await signIn(t, second);
    const me = await call<RegisterResponse>(t.url, 'GET', '/api/me', { token: second.session?.accessToken });
    const approver = await secondSecretariatMember(t, root.session?.accessToken);
    expect(me.body.verifiers.map((v) => v.id)).to.have.members([root.user.id, approver.user.id]);
    // Pending and without a second factor: no administration yet.
    expect((await search(second, '')).status).to.equal(403);

    await activate(t, root, second);
    expect(second.user.status).to.equal('active');
    await signIn(t, second);
    expect((await search(second, '')).status).to.equal(403); // active, but every admin needs TOTP
    await enrolTotp(t, second);
    await signIn(t, second);
    const everyone = await search(second, 'role=network-admin');
    expect(everyone.status).to.equal(200);
    expect(everyone.body.users.map((u) => u.id)).to.have.members([root.user.id, approver.user.id, second.user.id]);
    // And acts as the secretariat: invites a national admin.
    const next = await invite(t, second, { role: 'national-admin', state: 'TJ', displayName: 'Admin TJ' });
    expect(next.invitation).to.include({ role: 'national-admin', state: 'TJ' });
  });
});
