import { expect } from 'chai';
import { decodeSync } from '../../../shared/travel-documents/sync-format.js';
import type { TravelDocumentsApi } from '../../../client/sdk/api/travel-documents-api.js';
import { startSdkNetwork, type Network } from '../../helpers/network.js';
import type { SdkPerson } from '../../helpers/sdk.js';
import { sdkFocalPoint, type SdkMember } from '../../helpers/sdk-people.js';
import { epochs, fakeEntry, fakeGrant, refusal, rotate, travelApi } from '../../helpers/travel-documents.js';
import { auditEntries } from '../../helpers/audit.js';

describe('travel documents: holders, participation and key rings', function () {
  let net: Network<SdkPerson, SdkMember>;
  let api: (person: SdkPerson) => TravelDocumentsApi;
  let kzAdmin: SdkMember;
  let kzBorder: SdkMember;
  let kzPolice: SdkMember;
  let kzFinance: SdkMember;
  let ruAdmin: SdkMember;
  let ruBorder: SdkMember;
  let kgBorder: SdkMember;
  let newcomer: SdkMember;

  const auditOf = (type: string) => auditEntries(net.t, { type });

  before(async function () {
    net = await startSdkNetwork({
      states: {
        KZ: { focalPoints: [['border'], ['law-enforcement'], ['economic-crime']] },
        RU: { focalPoints: { border: 1 } },
        KG: { focalPoints: { border: 1 } },
      },
    });
    api = (person) => travelApi(net.t, person);
    kzAdmin = net.admin('KZ');
    [kzBorder, kzPolice, kzFinance] = [0, 1, 2].map((i) => net.focalPoint('KZ', i)) as [
      SdkMember,
      SdkMember,
      SdkMember,
    ];
    ruAdmin = net.admin('RU');
    ruBorder = net.focalPoint('RU');
    kgBorder = net.focalPoint('KG');
  });
  after(() => net.stop());

  it('holds keys only as a border or law-enforcement focal point of a participating state; tells everyone else why', async function () {
    const before = await api(kzBorder).status();
    expect(before).to.include({ participating: false, holder: false, reciprocity: false });
    expect(before.reason?.en).to.contain('does not take part');
    expect(before.reason?.ru).to.contain('не участвует');
    expect(await refusal(api(kzBorder).setParticipation(true))).to.deep.equal({ status: 403, code: 'auth.forbidden' });
    expect(await refusal(api(net.root).setParticipation(true))).to.deep.equal({ status: 403, code: 'auth.forbidden' });

    const admin = await api(kzAdmin).setParticipation(true);
    expect(admin).to.include({ participating: true, holder: false });
    expect(admin.reason?.en).to.contain('National admins');
    await api(ruAdmin).setParticipation(true);
    await api(ruAdmin).setParticipation(true); // no change, no second audit entry

    for (const holder of [kzBorder, kzPolice, ruBorder]) {
      const status = await api(holder).status();
      expect(status).to.include({ participating: true, holder: true, reason: null });
      expect(status.rings.map((ring) => [ring.ring, ring.epoch])).to.have.deep.members([
        ['network', 0],
        [`state:${holder === ruBorder ? 'RU' : 'KZ'}`, 0],
      ]);
    }
    const finance = await api(kzFinance).status();
    expect(finance).to.include({ participating: true, holder: false });
    expect(finance.reason?.en).to.contain('border control or law enforcement');
    expect(finance.rings).to.deep.equal([]);
    expect((await api(net.root).status()).reason?.en).to.contain('secretariat');
    expect(await api(kgBorder).status()).to.include({ participating: false, holder: false });

    // Everything but the status is refused to a non-holder, saying why.
    for (const person of [kzAdmin, kzFinance, kgBorder, net.root]) {
      const a = api(person);
      for (const call of [
        () => a.list({ entries: [fakeEntry({ network: 1, state: 1 })] }),
        () => a.mine(),
        () => a.sync(0, []),
        () => a.bucket('abcd'),
        () => a.reportScreening({ id: fakeEntry({ network: 1, state: 1 }).id, screened: 1, hits: 0 }),
        () => a.cleared(),
        () => a.rotate('network', { epoch: 1, grants: [] }),
      ])
        expect(await refusal(call())).to.deep.equal({ status: 403, code: 'travel-documents.not-holder' });
    }

    const states = await api(kgBorder).states();
    expect(states.filter((s) => ['KG', 'KZ', 'RU'].includes(s.state))).to.deep.equal([
      { state: 'KG', participating: false, listings: 0 },
      { state: 'KZ', participating: true, listings: 0 },
      { state: 'RU', participating: true, listings: 0 },
    ]);
    const audit = await auditOf('travel-documents.participation-changed');
    expect(audit.map((entry) => [entry.state, entry.data])).to.deep.equal([
      ['KZ', { participating: true }],
      ['RU', { participating: true }],
    ]);
  });

  it('opens a ring sealed to exactly its holders: not to a non-holder, not missing one, not at a stale epoch', async function () {
    const kz = api(kzBorder);
    const network = (await kz.status()).rings.find((ring) => ring.ring === 'network')!;
    expect(network.holders.map((h) => h.userId)).to.have.members([kzBorder.id, kzPolice.id, ruBorder.id]);
    const grants = network.holders.map(fakeGrant);

    expect(await refusal(kz.rotate('network', { epoch: 1, grants: grants.slice(1) }))).to.deep.equal({
      status: 403,
      code: 'travel-documents.grant-refused',
    });
    const stranger = fakeGrant({ userId: kzFinance.id, keyVersion: 1 });
    expect(await refusal(kz.rotate('network', { epoch: 1, grants: [...grants, stranger] }))).to.deep.equal({
      status: 403,
      code: 'travel-documents.grant-refused',
    });
    expect(await refusal(kz.rotate('network', { epoch: 2, grants }))).to.deep.equal({
      status: 409,
      code: 'travel-documents.stale-epoch',
    });
    // Another state's ring is not the caller's to open.
    expect(await refusal(kz.rotate('state:RU', { epoch: 1, grants: [] }))).to.deep.equal({
      status: 404,
      code: 'travel-documents.not-found',
    });

    const opened = await kz.rotate('network', { epoch: 1, grants });
    expect(opened).to.include({ ring: 'network', epoch: 1, rotationNeeded: false });
    expect(opened.myGrants.map((g) => [g.holderId, g.grantedBy, g.epoch])).to.deep.equal([
      [kzBorder.id, kzBorder.id, 1],
    ]);
    expect(opened.myGrants[0]?.granterKeys?.identityKey).to.be.a('string');
    expect(await refusal(kz.rotate('network', { epoch: 1, grants }))).to.deep.equal({
      status: 409,
      code: 'travel-documents.stale-epoch',
    });
    const ruView = (await api(ruBorder).status()).rings.find((ring) => ring.ring === 'network')!;
    expect(ruView.myGrants.map((g) => g.holderId)).to.deep.equal([ruBorder.id]);

    await rotate(kz, 'state:KZ');
    const kzState = (await api(kzPolice).status()).rings.find((ring) => ring.ring === 'state:KZ')!;
    expect(kzState.holders.map((h) => h.state)).to.deep.equal(['KZ', 'KZ']);
    expect(kzState.myGrants).to.have.length(1);

    const audit = await auditOf('travel-documents.key-rotated');
    expect(audit.map((entry) => entry.data)).to.deep.equal([
      { ring: 'network', epoch: 1, holders: 3 },
      { ring: 'state:KZ', epoch: 1, holders: 2 },
    ]);
  });

  it('shares an epoch with a newcomer only from a holder of it, only to a current holder lacking it, once', async function () {
    newcomer = await sdkFocalPoint(net.t, kzAdmin, ['border']);
    const mine = (await api(newcomer).status()).rings;
    expect(mine.map((ring) => [ring.ring, ring.epoch, ring.myGrants.length])).to.have.deep.members([
      ['network', 1, 0],
      ['state:KZ', 1, 0],
    ]);
    const pending = (await api(kzBorder).status()).rings.flatMap((ring) =>
      ring.pending.map((p) => [ring.ring, p.epoch, p.holder.userId]),
    );
    expect(pending).to.have.deep.members([
      ['network', 1, newcomer.id],
      ['state:KZ', 1, newcomer.id],
    ]);

    const grant = fakeGrant({ userId: newcomer.id, keyVersion: 1 });
    // Without the key of the epoch, the newcomer cannot hand it out.
    expect(
      await refusal(
        api(newcomer).grant('network', { epoch: 1, grants: [fakeGrant({ userId: kzPolice.id, keyVersion: 1 })] }),
      ),
    ).to.deep.equal({ status: 403, code: 'travel-documents.grant-refused' });
    expect(
      await refusal(
        api(kzBorder).grant('network', { epoch: 1, grants: [fakeGrant({ userId: kzFinance.id, keyVersion: 1 })] }),
      ),
    ).to.deep.equal({ status: 403, code: 'travel-documents.grant-refused' });
    // RU's holder shares the network's key (it holds it); not KZ's own ring.
    expect(await api(ruBorder).grant('network', { epoch: 1, grants: [grant] })).to.deep.equal({ granted: 1 });
    expect(await refusal(api(ruBorder).grant('state:KZ', { epoch: 1, grants: [grant] }))).to.deep.equal({
      status: 404,
      code: 'travel-documents.not-found',
    });
    expect(await refusal(api(kzBorder).grant('network', { epoch: 1, grants: [grant] }))).to.deep.equal({
      status: 403,
      code: 'travel-documents.grant-refused',
    });
    expect(await api(kzPolice).grant('state:KZ', { epoch: 1, grants: [grant] })).to.deep.equal({ granted: 1 });
    const after = (await api(newcomer).status()).rings;
    expect(after.every((ring) => ring.myGrants.length === 1 && ring.pending.length === 0)).to.equal(true);

    const audit = await auditOf('travel-documents.key-granted');
    expect(audit.map((entry) => [entry.state, entry.data])).to.deep.equal([
      ['RU', { ring: 'network', epoch: 1, granted: 1, holderStates: ['KZ'] }],
      ['KZ', { ring: 'state:KZ', epoch: 1, granted: 1, holderStates: ['KZ'] }],
    ]);
  });

  it('needs a new epoch once a holder of the current one is suspended; the suspended one holds no ring', async function () {
    await net.root.client.users.suspend(newcomer.id, 'left the service');
    for (const ring of (await api(kzBorder).status()).rings) {
      expect(ring.rotationNeeded, ring.ring).to.equal(true);
      expect(ring.holders.map((h) => h.userId)).not.to.include(newcomer.id);
    }
    // Sealing the new epoch to the suspended person is refused.
    const network = (await api(kzBorder).status()).rings.find((ring) => ring.ring === 'network')!;
    expect(
      await refusal(
        api(kzBorder).rotate('network', {
          epoch: 2,
          grants: [...network.holders.map(fakeGrant), fakeGrant({ userId: newcomer.id, keyVersion: 1 })],
        }),
      ),
    ).to.deep.equal({ status: 403, code: 'travel-documents.grant-refused' });
    const rotated = await rotate(api(kzPolice), 'network');
    expect(rotated).to.include({ epoch: 2, rotationNeeded: false });
    await rotate(api(kzPolice), 'state:KZ');
    expect((await api(kzBorder).status()).rings.map((r) => [r.ring, r.epoch, r.rotationNeeded])).to.have.deep.members([
      ['network', 2, false],
      ['state:KZ', 2, false],
    ]);
  });

  it('a state leaving: its holders hold no key any more, the network ring needs a new epoch, its listings reach no one', async function () {
    const ru = api(ruBorder);
    await rotate(ru, 'state:RU');
    await ru.list({ entries: [fakeEntry(await epochs(ru))] });
    expect((await api(kzBorder).states()).find((s) => s.state === 'RU')?.listings).to.equal(1);

    const left = await api(ruAdmin).setParticipation(false);
    expect(left.participating).to.equal(false);
    const status = await ru.status();
    expect(status).to.include({ participating: false, holder: false });
    expect(status.reason?.en).to.contain('does not take part');
    expect(await refusal(ru.sync(0, []))).to.deep.equal({ status: 403, code: 'travel-documents.not-holder' });

    const network = (await api(kzBorder).status()).rings.find((ring) => ring.ring === 'network')!;
    expect(network.rotationNeeded).to.equal(true);
    expect(network.holders.map((h) => h.state)).to.deep.equal(['KZ', 'KZ']);
    const sync = decodeSync(await api(kzBorder).sync(0, []));
    expect(sync.header.allowedStates).to.deep.equal(['KZ']);
    expect(sync.added).to.deep.equal([]);
    await rotate(api(kzBorder), 'network');
    expect((await api(kzBorder).status()).rings.every((ring) => !ring.rotationNeeded)).to.equal(true);
  });
});
