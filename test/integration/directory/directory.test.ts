import { expect } from 'chai';
import { verifyDirectorySnapshot } from '../../../shared/crypto/verify-directory-snapshot.js';
import type { DirectoryPage, EntryView, StateView } from '../../../shared/schemas/directory.js';
import { call } from '../../helpers/api.js';
import { setParticipation, signIn, type TestPerson } from '../../helpers/accounts.js';
import { composeModules } from '../../../server/composition/modules.js';
import { toEntryView } from '../../../server/modules/directory/entry-view.js';
import { startNetwork } from '../../helpers/network.js';
import { policyBody, publishPolicy, submitPolicy } from '../../helpers/policies.js';
import type { TestServer } from '../../helpers/test-server.js';

describe('directory of national focal points', function () {
  this.timeout(90_000);
  let t: TestServer;
  let root: TestPerson;
  let kzAdmin: TestPerson;
  let ruAdmin: TestPerson;
  let cnAdmin: TestPerson;
  let kzFinance: TestPerson;
  let kzBorder: TestPerson;
  let ruPolice: TestPerson;
  let cnBorder: TestPerson;

  const get = <T>(who: TestPerson, path: string) => call<T>(t.url, 'GET', path, { token: who.session?.accessToken });
  const patch = <T>(who: TestPerson, path: string, body: unknown) =>
    call<T>(t.url, 'PATCH', path, { token: who.session?.accessToken, body });
  const put = <T>(who: TestPerson, path: string, body: unknown) =>
    call<T>(t.url, 'PUT', path, { token: who.session?.accessToken, body });

  before(async () => {
    const net = await startNetwork({
      states: {
        KZ: { focalPoints: [['economic-crime'], ['border']] },
        RU: { focalPoints: [['law-enforcement', 'economic-crime']] },
        CN: { focalPoints: { border: 1 } },
      },
    });
    ({ t, root } = net);
    [kzAdmin, ruAdmin, cnAdmin] = [net.admin('KZ'), net.admin('RU'), net.admin('CN')];
    [kzFinance, kzBorder, ruPolice, cnBorder] = [
      net.focalPoint('KZ'),
      net.focalPoint('KZ', 1),
      net.focalPoint('RU'),
      net.focalPoint('CN'),
    ];

    await patch(kzFinance, `/api/directory/entries/${kzFinance.user.id}`, {
      name: { en: 'Aigerim Nurlanovna', ru: 'Айгерим Нурлановна' },
      title: { en: 'Head of international cooperation' },
      authority: { en: 'Financial Monitoring Agency', ru: 'Агентство по финансовому мониторингу' },
      role: 'operational',
      languages: ['kk', 'ru', 'en'],
      timeZone: 'Asia/Almaty',
      available24x7: false,
      workingHours: { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' },
      contacts: [
        { type: 'email', value: 'intl@afm.example.kz' },
        { type: 'phone', value: '+7 7172 000000' },
      ],
    });
    await patch(kzAdmin, `/api/directory/entries/${kzBorder.user.id}`, {
      kind: 'duty-desk',
      name: { en: 'Border Service duty desk', ru: 'Дежурная часть Пограничной службы' },
      authority: { en: 'Border Service' },
      role: 'operational',
      languages: ['ru', 'kk'],
      available24x7: true,
      deputyUserId: kzFinance.user.id,
      contacts: [{ type: 'secure-line', value: '4411' }],
    });
    await patch(ruPolice, `/api/directory/entries/${ruPolice.user.id}`, {
      name: { en: 'Ivan Petrov', ru: 'Иван Петров' },
      authority: { en: 'Ministry of Internal Affairs' },
      role: 'policy',
      languages: ['ru', 'en'],
    });
    await patch(cnBorder, `/api/directory/entries/${cnBorder.user.id}`, {
      name: { en: 'Li Wei' },
      authority: { en: 'National Immigration Administration' },
      role: 'operational',
      languages: ['zh', 'en', 'ru'],
    });
  });
  after(async () => t.close());

  it('finds the economic-crime focal point of another state who speaks Russian, with keys, fingerprint and verification state', async () => {
    const page = await get<DirectoryPage>(cnBorder, '/api/directory?domain=economic-crime&language=ru&state=KZ');
    expect(page.status).to.equal(200);
    expect(page.body.total).to.equal(1);
    const entry = page.body.entries[0] as EntryView;
    expect(entry).to.include({ userId: kzFinance.user.id, state: 'KZ', role: 'operational', stale: false });
    expect(entry.authority).to.deep.equal({
      en: 'Financial Monitoring Agency',
      ru: 'Агентство по финансовому мониторингу',
    });
    expect(entry.keys).to.include({ identityKey: kzFinance.bundle.identityKey, verified: true, keyVersion: 1 });
    expect(entry.keys?.fingerprint).to.match(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);
  });

  it('filters by domain, state, language, role and 24/7; free text over name and authority in both scripts; sorts and pages', async () => {
    const ids = async (query: string): Promise<string[]> =>
      (await get<DirectoryPage>(root, `/api/directory?${query}`)).body.entries.map((e) => e.userId);
    expect(await ids('domain=border')).to.have.members([kzBorder.user.id, cnBorder.user.id]);
    expect(await ids('state=KZ,RU')).to.have.members([kzFinance.user.id, kzBorder.user.id, ruPolice.user.id]);
    expect(await ids('language=zh')).to.deep.equal([cnBorder.user.id]);
    expect(await ids('role=policy')).to.deep.equal([ruPolice.user.id]);
    expect(await ids('available24x7=true')).to.deep.equal([kzBorder.user.id]);
    expect(await ids('q=financial%20monitoring')).to.deep.equal([kzFinance.user.id]);
    expect(await ids(`q=${encodeURIComponent('пограничной')}`)).to.deep.equal([kzBorder.user.id]);
    expect(await ids('q=immigration&domain=border')).to.deep.equal([cnBorder.user.id]);
    expect(await ids('sort=name')).to.deep.equal([
      kzFinance.user.id,
      kzBorder.user.id,
      ruPolice.user.id,
      cnBorder.user.id,
    ]);
    const page2 = await get<DirectoryPage>(root, '/api/directory?sort=name&pageSize=2&page=2');
    expect(page2.body.total).to.equal(4);
    expect(page2.body.entries.map((e) => e.userId)).to.deep.equal([ruPolice.user.id, cnBorder.user.id]);
    expect((await get(root, '/api/directory?state=XYZ')).status).to.equal(400);
    expect((await get(root, '/api/directory?pageSize=1000')).status).to.equal(400);
  });

  it('withholds fields a state restricts in its signed policy, on every read and export, and says which', async () => {
    const directoryFields = [
      {
        field: 'contacts.phone' as const,
        visibleTo: ['RU'],
        secretariat: false,
        legalBasis: { en: 'Law on communications, art. 5' },
      },
      { field: 'title' as const, visibleTo: [], secretariat: true },
    ];
    // Only the state's own national admins sign its policy.
    expect((await submitPolicy(t, ruAdmin, { ...policyBody('KZ', 1, []), directoryFields })).status).to.equal(403);
    await publishPolicy(t, kzAdmin, { ...policyBody('KZ', 1, []), directoryFields });

    const seenBy = async (who: TestPerson): Promise<EntryView> =>
      (await get<EntryView>(who, `/api/directory/entries/${kzFinance.user.id}`)).body;
    const byCn = await seenBy(cnBorder);
    expect(byCn.contacts.map((c) => c.type)).to.deep.equal(['email']);
    expect(byCn).not.to.have.property('title');
    expect(byCn.withheld).to.deep.equal(['contacts.phone', 'title']);
    const byRu = await seenBy(ruPolice);
    expect(byRu.contacts.map((c) => c.type)).to.have.members(['email', 'phone']);
    expect(byRu.withheld).to.deep.equal(['title']);
    const bySecretariat = await seenBy(root);
    expect(bySecretariat.title?.en).to.equal('Head of international cooperation');
    expect(bySecretariat.withheld).to.deep.equal(['contacts.phone']);
    const byOwnState = await seenBy(kzBorder);
    expect(byOwnState.withheld).to.deep.equal([]);

    const csv = await fetch(`${t.url}/api/directory/export?format=csv`, {
      headers: { authorization: `Bearer ${cnBorder.session?.accessToken}` },
    });
    expect(csv.headers.get('content-type')).to.contain('text/csv');
    const text = await csv.text();
    expect(text).to.contain('intl@afm.example.kz');
    expect(text).not.to.contain('+7 7172 000000');
    expect(text).not.to.contain('Head of international cooperation');
    const json = await get<EntryView[]>(cnBorder, '/api/directory/export?format=json');
    expect(JSON.stringify(json.body)).not.to.contain('+7 7172 000000');
    const search = await get<DirectoryPage>(cnBorder, '/api/directory?state=KZ');
    expect(JSON.stringify(search.body)).not.to.contain('+7 7172 000000');
  });

  it("a new policy version changes field visibility at once; the policy's rules and the fields stay independent", async () => {
    const seenByCn = async (): Promise<EntryView> =>
      (await get<EntryView>(cnBorder, `/api/directory/entries/${kzFinance.user.id}`)).body;
    const searchedByCn = async (): Promise<EntryView | undefined> =>
      (await get<DirectoryPage>(cnBorder, '/api/directory?state=KZ&domain=economic-crime')).body.entries[0];
    expect((await seenByCn()).withheld).to.deep.equal(['contacts.phone', 'title']);
    // Version 2 lets CN see the phone, keeps the title restricted, and adds an exchange rule.
    await publishPolicy(t, kzAdmin, {
      ...policyBody('KZ', 2, [
        {
          id: 'no-cn-finance',
          direction: 'outbound',
          counterparts: ['CN'],
          domains: ['economic-crime'],
          effect: 'deny',
        },
      ]),
      directoryFields: [
        { field: 'contacts.phone', visibleTo: ['CN', 'RU'], secretariat: false },
        { field: 'title', visibleTo: [], secretariat: true },
      ],
    });
    expect((await seenByCn()).withheld).to.deep.equal(['title']);
    expect((await searchedByCn())?.contacts.map((c) => c.value)).to.include('+7 7172 000000');
    // Version 3 drops the field restrictions altogether: every field is visible again.
    await publishPolicy(t, kzAdmin, policyBody('KZ', 3, []));
    expect((await seenByCn()).withheld).to.deep.equal([]);
    expect((await searchedByCn())?.title?.en).to.equal('Head of international cooperation');
    // Restore the restrictions the next tests expect.
    await publishPolicy(t, kzAdmin, {
      ...policyBody('KZ', 4, []),
      directoryFields: [
        { field: 'contacts.phone', visibleTo: ['RU'], secretariat: false },
        { field: 'title', visibleTo: [], secretariat: true },
      ],
    });
    expect((await seenByCn()).withheld).to.deep.equal(['contacts.phone', 'title']);
  });

  it('another server node picks up a new version on its next freshness check, without being told', async () => {
    const otherNode = composeModules(t.server.database.connection, {
      clock: t.clock,
      jwtSecret: 'x'.repeat(40),
      opaqueServerSetup: t.server.accounts.opaque.serverSetup,
      logger: t.logs.logger,
      publicOrigin: () => t.url,
      revocations: { revokeUser: () => undefined, revokeSession: () => undefined },
      livenessNotifier: { prompt: () => undefined },
      messageNotifier: { deliver: () => undefined, status: () => undefined },
    });
    const cnReader = { state: 'CN' };
    const withheldThere = async (): Promise<string[]> => {
      const snapshot = await otherNode.directory.index.snapshot();
      const record = snapshot.byUserId.get(kzFinance.user.id);
      if (!record) throw new Error('entry missing on the other node');
      return toEntryView(record, snapshot, cnReader, t.clock.now()).withheld;
    };
    expect(await withheldThere()).to.deep.equal(['contacts.phone', 'title']);
    // Published through this node: the other node's index is not invalidated, and no directory revision moves.
    const current = (await get<{ policy: { version: number } }>(kzAdmin, '/api/policies/KZ')).body.policy.version;
    await publishPolicy(t, kzAdmin, {
      ...policyBody('KZ', current + 1, []),
      directoryFields: [{ field: 'title', visibleTo: [], secretariat: true }],
    });
    t.clock.advance(600); // past the index's 500 ms freshness window, by the server's clock
    expect(await withheldThere()).to.deep.equal(['title']);
    await publishPolicy(t, kzAdmin, {
      ...policyBody('KZ', current + 2, []),
      directoryFields: [
        { field: 'contacts.phone', visibleTo: ['RU'], secretariat: false },
        { field: 'title', visibleTo: [], secretariat: true },
      ],
    });
  });

  it('rejects directory field rules that are ambiguous: a field twice, the own state listed', async () => {
    // Not a valid body: the server's schema refuses it before the signature is even looked at.
    const next = (await get<{ policy: { version: number } }>(kzAdmin, '/api/policies/KZ')).body.policy.version + 1;
    const post = async (directoryFields: unknown[]) =>
      call(t.url, 'POST', '/api/policies/KZ/versions', {
        token: kzAdmin.session?.accessToken,
        body: { policy: { ...policyBody('KZ', next, []), directoryFields }, signature: 'A'.repeat(86) },
      });
    const twice = await post([
      { field: 'title', visibleTo: [], secretariat: true },
      { field: 'title', visibleTo: ['RU'], secretariat: true },
    ]);
    expect(twice.status).to.equal(400);
    expect(JSON.stringify(twice.body)).to.contain('one rule per field');
    const own = await post([{ field: 'title', visibleTo: ['KZ'], secretariat: true }]);
    expect(own.status).to.equal(400);
    expect(JSON.stringify(own.body)).to.contain('always sees its own entries');
    expect((await get<EntryView>(cnBorder, `/api/directory/entries/${kzFinance.user.id}`)).body.withheld).to.deep.equal(
      ['contacts.phone', 'title'],
    );
  });

  it('a signed snapshot verifies offline against the pinned directory key, and tampering is detected', async () => {
    const { publicKey } = (await call<{ publicKey: string }>(t.url, 'GET', '/api/directory/signing-key')).body;
    const snapshot = (
      await get<{ body: { entries: EntryView[]; readerState: string | null } }>(cnBorder, '/api/directory/snapshot')
    ).body;
    expect(snapshot.body.readerState).to.equal('CN');
    expect(await verifyDirectorySnapshot(snapshot, publicKey)).to.equal(true);
    expect(JSON.stringify(snapshot)).not.to.contain('+7 7172 000000');
    const tampered = structuredClone(snapshot);
    (tampered.body.entries[0] as EntryView).languages.push('fr');
    expect(await verifyDirectorySnapshot(tampered, publicKey)).to.equal(false);
    expect(await verifyDirectorySnapshot(snapshot, 'A'.repeat(43))).to.equal(false);
  });

  it('participation is voluntary: leaving a domain hides its focal points there; focal points cannot be invited for it', async () => {
    await setParticipation(t, kzAdmin, ['border', 'law-enforcement', 'non-proliferation']);
    expect((await get<DirectoryPage>(root, '/api/directory?domain=economic-crime&state=KZ')).body.total).to.equal(0);
    const invite = await call(t.url, 'POST', '/api/invitations', {
      token: kzAdmin.session?.accessToken,
      body: { role: 'focal-point', state: 'KZ', domains: ['economic-crime'], displayName: 'x' },
    });
    expect(invite.status).to.equal(409);
    expect(invite.body).to.have.nested.property('error.code', 'domain.not-participating');
    const states = await get<StateView[]>(root, '/api/states');
    expect(states.body.find((s) => s.code === 'KZ')?.domains).to.deep.equal([
      'border',
      'law-enforcement',
      'non-proliferation',
    ]);
    expect(states.body).to.have.length.greaterThan(25);
    expect((await put(ruAdmin, '/api/states/KZ/participation', { domains: [] })).status).to.equal(403);
    expect((await put(kzFinance, '/api/states/KZ/participation', { domains: [] })).status).to.equal(403);
    await setParticipation(t, kzAdmin);
    expect((await get<DirectoryPage>(root, '/api/directory?domain=economic-crime&state=KZ')).body.total).to.equal(1);
  });

  it('entries go stale after the freshness period; national admins list their stale entries; confirming makes them current', async () => {
    t.clock.advance(181 * 86_400_000);
    for (const person of [root, kzAdmin, ruAdmin, cnAdmin, kzFinance, kzBorder, ruPolice]) await signIn(t, person); // tokens expired with the clock
    const stale = await get<EntryView[]>(kzAdmin, '/api/directory/stale');
    expect(stale.body.map((e) => e.userId)).to.have.members([kzFinance.user.id, kzBorder.user.id]);
    expect((await get<EntryView[]>(ruAdmin, '/api/directory/stale')).body.map((e) => e.state)).to.deep.equal(['RU']);
    expect((await get(kzFinance, '/api/directory/stale')).status).to.equal(403);
    expect((await get<DirectoryPage>(kzAdmin, '/api/directory?stale=true&state=KZ')).body.total).to.equal(2);

    const confirmed = await call<EntryView>(t.url, 'POST', `/api/directory/entries/${kzFinance.user.id}/confirm`, {
      token: kzFinance.session?.accessToken,
    });
    expect(confirmed.body.stale).to.equal(false);
    expect((await get<EntryView[]>(kzAdmin, '/api/directory/stale')).body.map((e) => e.userId)).to.deep.equal([
      kzBorder.user.id,
    ]);

    // The period binds the network: no one sets it directly; the member states adopt it by consensus.
    expect((await put(root, '/api/directory/settings', { freshnessDays: 365 })).status).to.equal(405);
    const proposal = await call<{ id: string }>(t.url, 'POST', '/api/proposals', {
      token: root.session?.accessToken,
      body: {
        change: { kind: 'directory-freshness', freshnessDays: 365 },
        deadline: new Date(t.clock.now().getTime() + 25 * 3_600_000).toISOString(),
        rationale: 'A year.',
      },
    });
    expect(proposal.status).to.equal(201);
    t.clock.advance(26 * 3_600_000);
    for (const person of [root, kzAdmin, ruAdmin, cnAdmin, kzFinance, kzBorder, ruPolice]) await signIn(t, person);
    expect((await get<{ status: string }>(kzAdmin, `/api/proposals/${proposal.body.id}`)).body.status).to.equal(
      'adopted',
    );
    expect((await get<{ freshnessDays: number }>(kzFinance, '/api/directory/settings')).body).to.deep.equal({
      freshnessDays: 365,
    });
    expect((await get<EntryView[]>(kzAdmin, '/api/directory/stale')).body).to.deep.equal([]);
  });

  it('only the owner and their national admin edit an entry; off-schema edits are refused and nothing changes', async () => {
    expect(
      (await patch(ruPolice, `/api/directory/entries/${kzFinance.user.id}`, { languages: ['en'] })).status,
    ).to.equal(403);
    expect(
      (await patch(ruAdmin, `/api/directory/entries/${kzFinance.user.id}`, { languages: ['en'] })).status,
    ).to.equal(403);
    expect(
      (await patch(kzBorder, `/api/directory/entries/${kzFinance.user.id}`, { languages: ['en'] })).status,
    ).to.equal(403);
    for (const body of [
      { state: 'RU' },
      { languages: ['english'] },
      { timeZone: 'Mars/Olympus' },
      { contacts: [{ type: 'pager', value: '1' }] },
      { deputyUserId: ruPolice.user.id },
      { name: { en: '' } },
    ]) {
      const response = await patch(kzFinance, `/api/directory/entries/${kzFinance.user.id}`, body);
      expect(response.status, JSON.stringify(body)).to.equal(400);
    }
    const entry = (await get<EntryView>(kzFinance, `/api/directory/entries/${kzFinance.user.id}`)).body;
    expect(entry.languages).to.deep.equal(['kk', 'ru', 'en']);
    expect(entry.state).to.equal('KZ');
  });

  it('suspended focal points leave the directory at once', async () => {
    const suspended = await call(t.url, 'POST', `/api/users/${cnBorder.user.id}/suspend`, {
      token: cnAdmin.session?.accessToken,
      body: { reason: 'left the service' },
    });
    expect(suspended.status).to.equal(200);
    expect((await get(root, `/api/directory/entries/${cnBorder.user.id}`)).status).to.equal(404);
    expect((await get<DirectoryPage>(root, '/api/directory?state=CN')).body.total).to.equal(0);
  });
});
