import { expect } from 'chai';
import { verifyDirectorySnapshot } from '../../../shared/crypto/verify-directory-snapshot.js';
import { isApiError } from '../../../client/sdk/index.js';
import { startSdkNetwork } from '../../helpers/network.js';
import { sdkSignIn, type SdkPerson } from '../../helpers/sdk.js';
import type { SdkMember } from '../../helpers/sdk-people.js';
import type { TestServer } from '../../helpers/test-server.js';

const DAY_MS = 86_400_000;

describe('client SDK: directory and states', function () {
  this.timeout(90_000);
  let t: TestServer;
  let root: SdkPerson;
  let kzAdmin: SdkMember;
  let kzFinance: SdkMember;
  let kzBorder: SdkMember;
  let cnBorder: SdkMember;

  before(async () => {
    const net = await startSdkNetwork({
      states: {
        KZ: { focalPoints: [['economic-crime'], ['border']] },
        CN: { participation: ['border'], focalPoints: { border: 1 } },
      },
    });
    ({ t, root } = net);
    kzAdmin = net.admin('KZ');
    [kzFinance, kzBorder, cnBorder] = [net.focalPoint('KZ'), net.focalPoint('KZ', 1), net.focalPoint('CN')];
    await kzFinance.client.directory.updateEntry(kzFinance.id, {
      name: { en: 'Aigerim Nurlanovna', ru: 'Айгерим Нурлановна' },
      authority: { en: 'Financial Monitoring Agency', ru: 'Агентство по финансовому мониторингу' },
      role: 'operational',
      languages: ['kk', 'ru', 'en'],
      timeZone: 'Asia/Almaty',
      workingHours: { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' },
      contacts: [
        { type: 'email', value: 'intl@afm.example.kz' },
        { type: 'phone', value: '+7 7172 000000' },
      ],
    });
    await kzAdmin.client.directory.updateEntry(kzBorder.id, {
      kind: 'duty-desk',
      name: { en: 'Border Service duty desk' },
      role: 'operational',
      languages: ['ru', 'kk'],
      available24x7: true,
      deputyUserId: kzFinance.id,
    });
    await cnBorder.client.directory.updateEntry(cnBorder.id, {
      name: { en: 'Li Wei' },
      role: 'operational',
      languages: ['zh', 'en', 'ru'],
    });
  });
  after(async () => t.close());

  it('search: filters, several states, free text, sort and pages come back parsed', async () => {
    const reader = cnBorder.client.directory;
    const found = await reader.search({ domain: 'economic-crime', states: ['KZ'], language: 'ru' });
    expect(found.total).to.equal(1);
    expect(found.entries[0]).to.include({ userId: kzFinance.id, state: 'KZ', stale: false });
    expect(found.entries[0]?.keys?.verified).to.equal(true);
    const ids = async (filter: Parameters<typeof reader.search>[0]): Promise<string[]> =>
      (await reader.search(filter)).entries.map((e) => e.userId);
    expect(await ids({ available24x7: true })).to.deep.equal([kzBorder.id]);
    expect(await ids({ states: ['KZ', 'CN'], role: 'operational', sort: 'name' })).to.deep.equal([
      kzFinance.id,
      kzBorder.id,
      cnBorder.id,
    ]);
    expect(await ids({ q: '  финансовому мониторингу ' })).to.deep.equal([kzFinance.id]);
    const second = await reader.search({ sort: 'name', pageSize: 2, page: 2 });
    expect(second).to.include({ total: 3, page: 2, pageSize: 2 });
    expect(second.entries.map((e) => e.userId)).to.deep.equal([cnBorder.id]);
    const invalid = await reader.search({ pageSize: 1000 }).catch((e: unknown) => e);
    expect(isApiError(invalid, 'validation.failed')).to.equal(true);
  });

  it('states and visibility: a withheld field is absent for other states and named in `withheld`', async () => {
    const states = await cnBorder.client.states.list();
    expect(states.find((s) => s.code === 'KZ')).to.deep.include({ name: { en: 'Kazakhstan', ru: 'Казахстан' } });
    expect(states.find((s) => s.code === 'CN')?.domains).to.deep.equal(['border']);

    // Field visibility is part of the signed policy: published by the admin's SDK, signed with the unlocked key.
    const directoryFields = [
      { field: 'contacts.phone' as const, visibleTo: ['RU'], secretariat: true },
      { field: 'deputy' as const, visibleTo: [], secretariat: false },
    ];
    const published = await kzAdmin.client.policies.signAndPublish({
      state: 'KZ',
      version: 1,
      defaultEffect: 'allow',
      rules: [],
      directoryFields,
    });
    expect(published.policy.directoryFields).to.deep.equal(directoryFields);
    const current = await kzAdmin.client.policies.current('KZ');
    expect(current.scope === 'full' && current.policy.directoryFields).to.deep.equal(directoryFields);
    const seenByCn = await cnBorder.client.directory.entry(kzFinance.id);
    expect(seenByCn.contacts.map((c) => c.type)).to.deep.equal(['email']);
    expect(seenByCn.withheld).to.deep.equal(['contacts.phone', 'deputy']);
    const seenByRoot = await root.client.directory.entry(kzBorder.id);
    expect(seenByRoot.withheld).to.deep.equal(['deputy']);
    expect(seenByRoot).to.not.have.property('deputy');
    expect((await kzFinance.client.directory.entry(kzBorder.id)).deputy).to.deep.equal({
      userId: kzFinance.id,
      name: 'Aigerim Nurlanovna',
    });

    const notTheirs = await cnBorder.client.policies
      .signAndPublish({ state: 'KZ', version: 2, defaultEffect: 'allow', rules: [], directoryFields: [] })
      .catch((e: unknown) => e);
    expect(isApiError(notTheirs, 'auth.forbidden')).to.equal(true);
    const participation = await kzAdmin.client.states.setParticipation('KZ', [
      'border',
      'economic-crime',
      'law-enforcement',
      'non-proliferation',
    ]);
    expect(participation.domains).to.deep.equal(['border', 'economic-crime', 'law-enforcement', 'non-proliferation']);
  });

  it("edits: own entry and the national admin's; field issues for invalid input; others are refused", async () => {
    const invalid = await kzFinance.client.directory
      .updateEntry(kzFinance.id, { deputyUserId: cnBorder.id })
      .catch((e: unknown) => e);
    expect(isApiError(invalid, 'validation.failed')).to.equal(true);
    expect(isApiError(invalid) && invalid.issues.map((i) => i.path.join('.'))).to.deep.equal(['body.deputyUserId']);
    const badZone = await kzFinance.client.directory
      .updateEntry(kzFinance.id, { timeZone: 'Mars/Olympus' })
      .catch((e: unknown) => e);
    expect(isApiError(badZone) && badZone.issues.map((i) => i.path.join('.'))).to.deep.equal(['body.timeZone']);

    const edited = await kzAdmin.client.directory.updateEntry(kzFinance.id, {
      title: { en: 'Head of international cooperation' },
    });
    expect(edited.title).to.deep.equal({ en: 'Head of international cooperation' });
    const refused = await cnBorder.client.directory
      .updateEntry(kzFinance.id, { title: { en: 'x' } })
      .catch((e: unknown) => e);
    expect(isApiError(refused, 'auth.forbidden')).to.equal(true);
    const missing = await cnBorder.client.directory.entry('0123456789abcdef01234567').catch((e: unknown) => e);
    expect(isApiError(missing, 'directory.not-found')).to.equal(true);
  });

  it('freshness: entries go stale, show up in the stale lists, and a confirmation makes them current again', async () => {
    t.clock.advance(181 * DAY_MS);
    // Half a year later every session has ended too.
    for (const person of [root, kzAdmin, kzFinance, cnBorder]) await sdkSignIn(t, person);
    expect((await kzFinance.client.directory.entry(kzFinance.id)).stale).to.equal(true);
    expect((await kzAdmin.client.directory.stale()).map((e) => e.userId)).to.have.members([kzFinance.id, kzBorder.id]);
    expect((await root.client.directory.stale()).map((e) => e.state)).to.include.members(['KZ', 'CN']);
    const forbidden = await kzFinance.client.directory.stale().catch((e: unknown) => e);
    expect(isApiError(forbidden, 'auth.forbidden')).to.equal(true);

    const confirmed = await kzFinance.client.directory.confirmEntry(kzFinance.id);
    expect(confirmed.stale).to.equal(false);
    expect(
      (await kzFinance.client.directory.search({ stale: true, states: ['KZ'] })).entries.map((e) => e.userId),
    ).to.deep.equal([kzBorder.id]);

    // The period binds the whole network: the secretariat proposes a new one, the states keep silent.
    expect(await root.client.directory.freshnessDays()).to.equal(180);
    const deadline = new Date(t.clock.now().getTime() + 25 * 3_600_000).toISOString();
    const proposal = await root.client.consensus.propose({
      change: { kind: 'directory-freshness', freshnessDays: 365 },
      deadline,
      rationale: 'A year.',
    });
    const notSecretariat = await kzAdmin.client.consensus
      .propose({ change: { kind: 'directory-freshness', freshnessDays: 30 }, deadline, rationale: 'A month.' })
      .catch((e: unknown) => e);
    expect(isApiError(notSecretariat, 'auth.forbidden')).to.equal(true);
    expect(await root.client.directory.freshnessDays()).to.equal(180); // not before the deadline
    t.clock.advance(26 * 3_600_000);
    for (const person of [root, kzAdmin, kzFinance, cnBorder]) await sdkSignIn(t, person);
    expect((await root.client.consensus.get(proposal.id)).status).to.equal('adopted');
    expect(await root.client.directory.freshnessDays()).to.equal(365);
    expect(await kzAdmin.client.directory.stale()).to.deep.equal([]);
  });

  it("exports JSON and CSV with the reader's visibility, and a snapshot that verifies against the directory key", async () => {
    const json = await cnBorder.client.directory.exportJson();
    const finance = json.find((e) => e.userId === kzFinance.id);
    expect(finance?.withheld).to.include('contacts.phone');
    const csv = await cnBorder.client.directory.exportCsv();
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header?.split(',').slice(0, 3)).to.deep.equal(['state', 'name_en', 'name_ru']);
    expect(rows).to.have.length(json.length);
    expect(csv).to.contain('intl@afm.example.kz').and.not.contain('+7 7172 000000');

    const key = await cnBorder.client.directory.signingKey();
    const snapshot = await cnBorder.client.directory.snapshot();
    expect(snapshot.body.readerState).to.equal('CN');
    expect(await verifyDirectorySnapshot(snapshot, key)).to.equal(true);
    expect(await verifyDirectorySnapshot({ ...snapshot, body: { ...snapshot.body, readerState: 'RU' } }, key)).to.equal(
      false,
    );
  });
});
