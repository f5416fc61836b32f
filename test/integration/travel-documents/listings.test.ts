import { expect } from 'chai';
import { fromBase64Url } from '../../../shared/crypto/encoding.js';
import type { EntryUpload } from '../../../shared/schemas/travel-documents.js';
import type { TravelDocumentsApi } from '../../../client/sdk/api/travel-documents-api.js';
import { startSdkNetwork, type Network } from '../../helpers/network.js';
import type { SdkPerson } from '../../helpers/sdk.js';
import type { SdkMember } from '../../helpers/sdk-people.js';
import { epochs, fakeEntry, randomB64, refusal, rotate, travelApi } from '../../helpers/travel-documents.js';
import { auditEntries, auditEntry } from '../../helpers/audit.js';

describe('travel documents: listings', function () {
  let net: Network<SdkPerson, SdkMember>;
  let kz: TravelDocumentsApi;
  let kz2: TravelDocumentsApi;
  let ru: TravelDocumentsApi;
  const uploaded: EntryUpload[] = [];

  const db = () => net.t.server.database.connection;
  const stored = (state: string) => db().collection('travel_document_entries').countDocuments({ state });
  const list = async (api: TravelDocumentsApi, entries: EntryUpload[]) => {
    uploaded.push(...entries);
    return (await api.list({ entries })).results;
  };

  before(async function () {
    net = await startSdkNetwork({
      states: { KZ: { focalPoints: { border: 2 } }, RU: { focalPoints: { border: 1 } } },
    });
    kz = travelApi(net.t, net.focalPoint('KZ', 0));
    kz2 = travelApi(net.t, net.focalPoint('KZ', 1));
    ru = travelApi(net.t, net.focalPoint('RU'));
    await travelApi(net.t, net.admin('KZ')).setParticipation(true);
    await travelApi(net.t, net.admin('RU')).setParticipation(true);
    await rotate(kz, 'network');
    await rotate(kz, 'state:KZ');
    await rotate(ru, 'state:RU');
  });
  after(() => net.stop());

  it('lists per entry: a retry of an id is listed, the same tag listed again by the state is a duplicate', async function () {
    const e = await epochs(kz);
    const [a, b] = [fakeEntry(e), fakeEntry(e)];
    expect(await list(kz, [a, b])).to.deep.equal([
      { id: a.id, outcome: 'listed' },
      { id: b.id, outcome: 'listed' },
    ]);
    const sameAsB = fakeEntry(e, b.tag);
    const d = fakeEntry(e);
    const x = fakeEntry(e);
    const sameAsX = fakeEntry(e, x.tag);
    expect(await list(kz2, [a, sameAsB, d, x, sameAsX])).to.deep.equal([
      { id: a.id, outcome: 'listed' },
      { id: sameAsB.id, outcome: 'duplicate', duplicateOf: b.id },
      { id: d.id, outcome: 'listed' },
      { id: x.id, outcome: 'listed' },
      { id: sameAsX.id, outcome: 'duplicate', duplicateOf: x.id },
    ]);
    // Another state listing the same document is its own listing.
    const r = await epochs(ru);
    const ruSame = fakeEntry(r, a.tag);
    expect(await list(ru, [ruSame])).to.deep.equal([{ id: ruSame.id, outcome: 'listed' }]);
    expect(await stored('KZ')).to.equal(4);
    expect(await stored('RU')).to.equal(1);
    // Another state's id is not confirmed as listed for this one.
    expect(await refusal(ru.list({ entries: [{ ...fakeEntry(r), id: a.id }] }))).to.deep.include({
      status: 400,
      code: 'validation.failed',
    });

    const audit = await auditEntries(net.t, { type: 'travel-documents.listed' });
    expect(audit.map((entry) => [entry.state, entry.data])).to.deep.equal([
      ['KZ', { state: 'KZ', count: 2, duplicates: 0 }],
      ['KZ', { state: 'KZ', count: 2, duplicates: 2 }],
      ['RU', { state: 'RU', count: 1, duplicates: 0 }],
    ]);
  });

  it('refuses stale epochs, oversized and malformed input, and any field beyond the contract, storing nothing', async function () {
    const e = await epochs(kz);
    const before = await stored('KZ');
    const stale = await kz
      .list({ entries: [fakeEntry({ ...e, network: e.network + 1 })] })
      .catch((error: unknown) => error);
    expect(stale).to.include({ status: 409, code: 'travel-documents.stale-epoch' });
    expect((stale as Error).message).to.contain(`network key is at epoch ${e.network}`);
    expect(await refusal(kz.list({ entries: [fakeEntry({ ...e, state: e.state + 1 })] }))).to.deep.equal({
      status: 409,
      code: 'travel-documents.stale-epoch',
    });
    // A state's own ring is not the network's: RU's holder lists under RU's ring epoch only.
    expect(await refusal(ru.list({ entries: [fakeEntry({ network: e.network, state: 2 })] }))).to.deep.equal({
      status: 409,
      code: 'travel-documents.stale-epoch',
    });

    const good = fakeEntry(e);
    const invalid: unknown[] = [
      { entries: [] },
      { entries: Array.from({ length: 1001 }, () => fakeEntry(e)) },
      { entries: [{ ...good, details: 'A'.repeat(2001) }] },
      { entries: [{ ...good, own: { ...good.own, ciphertext: 'A'.repeat(2401) } }] },
      { entries: [{ ...good, tag: randomB64(31) }] },
      { entries: [{ ...good, tag: 'not base64url!' }] },
      { entries: [{ ...good, id: randomB64(8) }] },
      { entries: [{ ...good, networkEpoch: 0 }] },
      // Plaintext cannot ride along: unknown fields are refused, not dropped.
      { entries: [{ ...good, number: 'N1234567' }] },
      { entries: [{ ...good, own: { ...good.own, number: 'N1234567' } }] },
      { entries: [good], state: 'RU' },
    ];
    for (const body of invalid) {
      const refused = await refusal(kz.list(body as never));
      expect(refused, JSON.stringify(body).slice(0, 80)).to.deep.equal({ status: 400, code: 'validation.failed' });
    }
    expect(await stored('KZ')).to.equal(before);
  });

  it("pages the state's own entries by id, and never another state's", async function () {
    const e = await epochs(kz);
    await list(
      kz,
      Array.from({ length: 5 }, () => fakeEntry(e)),
    );
    const all = (await kz.mine({ limit: 1000 })).entries;
    expect(all).to.have.length(9);
    expect(all.map((entry) => entry.id)).to.deep.equal([...all.map((entry) => entry.id)].sort());
    const first = await kz2.mine({ limit: 4 });
    expect(first.entries.map((entry) => entry.id)).to.deep.equal(all.slice(0, 4).map((entry) => entry.id));
    const second = await kz2.mine({ limit: 4, after: first.next! });
    const third = await kz2.mine({ limit: 4, after: second.next! });
    expect([...second.entries, ...third.entries].map((entry) => entry.id)).to.deep.equal(
      all.slice(4).map((entry) => entry.id),
    );
    expect(third.next).to.equal(null);
    const upload = uploaded.find((u) => u.id === all[0]!.id)!;
    expect(all[0]).to.deep.include({ version: 1, status: 'listed', networkEpoch: e.network, own: upload.own });
    const ruIds = (await ru.mine()).entries.map((entry) => entry.id);
    expect(ruIds).to.have.length(1);
    expect(ruIds.some((id) => all.some((entry) => entry.id === id))).to.equal(false);
    expect(await refusal(kz.mine({ limit: 1001 }))).to.deep.equal({ status: 400, code: 'validation.failed' });
  });

  it('corrects an entry at its version only (the conflict names the current one), and only its own state', async function () {
    const e = await epochs(kz);
    const [entry] = (await kz.mine({ limit: 1 })).entries;
    const correction = () => ({
      version: 1,
      networkEpoch: e.network,
      details: randomB64(200),
      own: { stateEpoch: e.state, ciphertext: randomB64(300) },
    });
    const first = correction();
    const updated = await kz2.update(entry!.id, first);
    expect(updated).to.deep.include({ id: entry!.id, version: 2, status: 'listed', own: first.own });
    const conflict = await kz.update(entry!.id, correction()).catch((error: unknown) => error);
    expect(conflict).to.include({ status: 409, code: 'travel-documents.conflict' });
    expect((conflict as Error).message).to.contain('version 2');
    expect(await refusal(ru.update(entry!.id, { ...correction(), version: 2 }))).to.deep.equal({
      status: 404,
      code: 'travel-documents.not-found',
    });
    expect(
      await refusal(kz.update(entry!.id, { ...correction(), version: 2, networkEpoch: e.network + 1 })),
    ).to.deep.equal({ status: 409, code: 'travel-documents.stale-epoch' });
    expect(await refusal(kz.update(randomB64(16), correction()))).to.deep.equal({
      status: 404,
      code: 'travel-documents.not-found',
    });
    const raw = await db()
      .collection('travel_document_entries')
      .findOne({ _id: entry!.id as never });
    expect(raw).to.include({ version: 2, details: first.details, tag: uploaded.find((u) => u.id === entry!.id)!.tag });
  });

  it('withdraws once (a repeat answers the same), refuses a correction after, and the tag may be listed again', async function () {
    const [entry] = (await kz.mine({ limit: 1, after: (await kz.mine({ limit: 1 })).entries[0]!.id })).entries;
    const withdrawn = await kz.withdraw(entry!.id, { reason: 'recovered' });
    expect(withdrawn).to.deep.include({ status: 'withdrawn', withdrawReason: 'recovered' });
    expect(withdrawn.withdrawnAt).to.be.a('string');
    expect(await kz2.withdraw(entry!.id, { reason: 'expired' })).to.deep.equal(withdrawn);
    expect(await refusal(ru.withdraw(entry!.id, { reason: 'recovered' }))).to.deep.equal({
      status: 404,
      code: 'travel-documents.not-found',
    });
    expect(await refusal(kz.withdraw(entry!.id, { reason: 'lost' as never }))).to.deep.equal({
      status: 400,
      code: 'validation.failed',
    });
    const e = await epochs(kz);
    expect(
      await refusal(
        kz.update(entry!.id, {
          version: entry!.version,
          networkEpoch: e.network,
          details: randomB64(10),
          own: { stateEpoch: e.state, ciphertext: randomB64(10) },
        }),
      ),
    ).to.deep.equal({ status: 410, code: 'travel-documents.withdrawn' });
    const again = fakeEntry(e, uploaded.find((u) => u.id === entry!.id)!.tag);
    expect(await list(kz, [again])).to.deep.equal([{ id: again.id, outcome: 'listed' }]);
    expect((await kz.mine({ status: 'withdrawn' })).entries.map((x) => x.id)).to.deep.equal([entry!.id]);
    const audit = await auditEntry(net.t, { type: 'travel-documents.withdrawn' });
    expect(audit?.data).to.deep.equal({ state: 'KZ', count: 1, reason: 'recovered' });
  });

  it('re-keys to the current network epoch only, each entry at its version, keeping the version', async function () {
    const old = await epochs(kz);
    await rotate(kz, 'network');
    const e = await epochs(kz);
    expect(e.network).to.equal(old.network + 1);
    expect(await refusal(kz.list({ entries: [fakeEntry(old)] }))).to.deep.equal({
      status: 409,
      code: 'travel-documents.stale-epoch',
    });
    const due = (await kz.mine({ epochBelow: e.network, limit: 1000 })).entries;
    expect(due).to.have.length(9);
    const withdrawnId = (await kz.mine({ status: 'withdrawn' })).entries[0]!.id;
    const ruId = (await ru.mine()).entries[0]!.id;
    const rekey = (id: string, version: number, networkEpoch = e.network) => ({
      id,
      version,
      networkEpoch,
      tag: randomB64(32),
      details: randomB64(100),
    });
    expect(await refusal(kz.rekey({ entries: [rekey(due[0]!.id, due[0]!.version, old.network)] }))).to.deep.equal({
      status: 409,
      code: 'travel-documents.stale-epoch',
    });
    const [stale, ...rest] = due;
    const unknown = randomB64(16);
    const answer = await kz2.rekey({
      entries: [
        rekey(stale!.id, stale!.version + 1),
        ...rest.map((entry) => rekey(entry.id, entry.version)),
        rekey(withdrawnId, 1),
        rekey(ruId, 1),
        rekey(unknown, 1),
      ],
    });
    expect(answer.results).to.deep.equal([
      { id: stale!.id, outcome: 'conflict', version: stale!.version },
      ...rest.map((entry) => ({ id: entry.id, outcome: 'rekeyed', version: entry.version })),
      { id: withdrawnId, outcome: 'withdrawn', version: 1 },
      { id: ruId, outcome: 'not-found', version: null },
      { id: unknown, outcome: 'not-found', version: null },
    ]);
    const left = (await kz.mine({ epochBelow: e.network })).entries;
    expect(left.map((entry) => entry.id)).to.deep.equal([stale!.id]);
    const after = (await kz.mine({ limit: 1000 })).entries.filter((entry) => entry.id !== stale!.id);
    expect(after.every((entry) => entry.networkEpoch === e.network)).to.equal(true);
    const audit = await auditEntry(net.t, { type: 'travel-documents.rekeyed' });
    expect(audit?.data).to.deep.equal({ state: 'KZ', count: rest.length, networkEpoch: e.network });
  });

  it('stores exactly the expected fields, and no tag or ciphertext in the audit trail', async function () {
    const entries = await db().collection('travel_document_entries').find({}).toArray();
    expect(entries.length).to.be.greaterThan(10);
    const fields = [
      '_id',
      'state',
      'version',
      'status',
      'networkEpoch',
      'tag',
      'tagHex',
      'details',
      'own',
      'listedBy',
      'listedAt',
      'updatedAt',
      'withdrawnAt',
      'withdrawReason',
    ];
    for (const entry of entries) {
      expect(Object.keys(entry)).to.have.members(fields);
      expect(Object.keys(entry.own as object)).to.have.members(['stateEpoch', 'ciphertext']);
      expect(entry.tagHex).to.equal(Buffer.from(fromBase64Url(entry.tag as string)).toString('hex'));
    }
    const claims = await db().collection('travel_document_tags').find({}).toArray();
    const listedNow = entries.filter((entry) => entry.status === 'listed');
    expect(claims.map((claim) => claim._id as unknown as string).sort()).to.deep.equal(
      listedNow.map((entry) => `${entry.state as string}|${entry.tag as string}`).sort(),
    );
    for (const claim of claims) expect(Object.keys(claim)).to.have.members(['_id', 'entryId']);
    for (const change of await db().collection('travel_document_changes').find({}).toArray()) {
      expect(Object.keys(change)).to.have.members(['_id', 'at', 'added', 'removed']);
      for (const row of [...(change.added as object[]), ...(change.removed as object[])])
        expect(Object.keys(row)).to.have.members(['i', 's', 'e', 'p']);
    }
    const audit = JSON.stringify(await auditEntries(net.t, { type: { $regex: '^travel-documents\\.' } }));
    for (const upload of uploaded) {
      const hex = Buffer.from(fromBase64Url(upload.tag)).toString('hex');
      for (const secret of [upload.tag, upload.details, upload.own.ciphertext, hex, hex.slice(0, 16)])
        expect(audit).not.to.contain(secret);
    }
  });

  it('two holders listing the same document at once: one listing, the other told it is a duplicate', async function () {
    const e = await epochs(kz);
    const tag = randomB64(32);
    const [one, two] = [fakeEntry(e, tag), fakeEntry(e, tag)];
    const answers = await Promise.all([list(kz, [one]), list(kz2, [two])]);
    const outcomes = answers
      .flat()
      .map((r) => r.outcome)
      .sort();
    expect(outcomes).to.deep.equal(['duplicate', 'listed']);
    expect(await db().collection('travel_document_entries').countDocuments({ tag })).to.equal(1);
    // The one stored is withdrawn again, so the rest of the suite counts as before.
    const winner = answers.flat().find((r) => r.outcome === 'listed')!.id;
    await kz.withdraw(winner, { reason: 'listed-in-error' });
    await db()
      .collection('travel_document_entries')
      .deleteOne({ _id: winner as never });
  });
});
