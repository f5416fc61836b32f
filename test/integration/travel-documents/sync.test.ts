import { expect } from 'chai';
import { fromBase64Url } from '../../../shared/crypto/encoding.js';
import type { EntryUpload } from '../../../shared/schemas/travel-documents.js';
import { decodeSync, encodeSync, type SyncBatch } from '../../../shared/travel-documents/sync-format.js';
import type { TravelDocumentsApi } from '../../../client/sdk/api/travel-documents-api.js';
import { startSdkNetwork, type Network } from '../../helpers/network.js';
import { policyBody } from '../../helpers/policies.js';
import { sdkSignIn, type SdkPerson } from '../../helpers/sdk.js';
import type { SdkMember } from '../../helpers/sdk-people.js';
import { ListedSet } from '../../../server/modules/travel-documents/listed-set.js';
import { epochs, fakeEntry, randomB64, refusal, rotate, travelApi } from '../../helpers/travel-documents.js';
import { auditEntries, auditEntry } from '../../helpers/audit.js';

const hexOf = (tag: string): string => Buffer.from(fromBase64Url(tag)).toString('hex');
/** What the stream carries of an entry, as comparable text: state, epoch, the tag's first 8 bytes. */
const expected = (state: string, epoch: number, tag: string): string => `${state}/${epoch}/${hexOf(tag).slice(0, 16)}`;
const records = (list: SyncBatch['added']): string[] =>
  list.map((r) => `${r.state}/${r.networkEpoch}/${Buffer.from(r.tagPrefix).toString('hex')}`).sort();

describe('travel documents: sync stream, bucket, policies and reciprocity', function () {
  let net: Network<SdkPerson, SdkMember>;
  let kz: TravelDocumentsApi;
  let ru: TravelDocumentsApi;
  let cn: TravelDocumentsApi;
  const listed: Record<string, EntryUpload[]> = { KZ: [], RU: [], CN: [] };
  let cursor = 0;

  const list = async (api: TravelDocumentsApi, state: string, count: number): Promise<EntryUpload[]> => {
    const e = await epochs(api);
    const entries = Array.from({ length: count }, () => fakeEntry(e));
    await api.list({ entries });
    listed[state]!.push(...entries);
    return entries;
  };
  const sync = async (api: TravelDocumentsApi, since: number, known: string[]) =>
    decodeSync(await api.sync(since, known));
  const decisionsAudited = () => auditEntries(net.t, { type: 'policy.decision' }).then((found) => found.length);

  before(async function () {
    net = await startSdkNetwork({
      states: {
        KZ: { focalPoints: { border: 1 } },
        RU: { focalPoints: { 'law-enforcement': 1 } },
        CN: { focalPoints: { border: 1 } },
      },
    });
    [kz, ru, cn] = ['KZ', 'RU', 'CN'].map((state) => travelApi(net.t, net.focalPoint(state))) as [
      TravelDocumentsApi,
      TravelDocumentsApi,
      TravelDocumentsApi,
    ];
    for (const state of ['KZ', 'RU', 'CN']) await travelApi(net.t, net.admin(state)).setParticipation(true);
    await rotate(kz, 'network');
    for (const [api, state] of [
      [kz, 'KZ'],
      [ru, 'RU'],
      [cn, 'CN'],
    ] as const)
      await rotate(api, `state:${state}`);
    await list(kz, 'KZ', 3);
    await list(ru, 'RU', 2);
  });
  after(() => net.stop());

  it("a full stream of every participating state's listings, byte for byte what encodeSync makes of them", async function () {
    const bytes = await kz.sync(0, []);
    const full = decodeSync(bytes);
    expect(full.header).to.deep.include({ full: true, states: ['KZ', 'RU'], allowedStates: ['CN', 'KZ', 'RU'] });
    expect(full.header.added).to.equal(5);
    expect(records(full.added)).to.deep.equal(
      [...listed.KZ!.map((e) => expected('KZ', 1, e.tag)), ...listed.RU!.map((e) => expected('RU', 1, e.tag))].sort(),
    );
    const same = encodeSync({
      full: true,
      cursor: full.header.cursor,
      allowedStates: full.header.allowedStates,
      added: full.added,
      removed: [],
    });
    expect(Buffer.from(bytes).equals(Buffer.from(same))).to.equal(true);
    expect(records((await sync(ru, 0, [])).added)).to.deep.equal(records(full.added));
    cursor = full.header.cursor;
  });

  it('increments: a listing adds, a withdrawal removes, a correction changes nothing, a re-key removes and adds', async function () {
    const [fresh] = await list(ru, 'RU', 1);
    const [gone] = listed.KZ!;
    const kzOwn = (await kz.mine()).entries.find((e) => e.id === gone!.id)!;
    await kz.withdraw(gone!.id, { reason: 'recovered' });
    const e = await epochs(kz);
    const other = listed.KZ![1]!;
    await kz.update(other.id, {
      version: 1,
      networkEpoch: e.network,
      details: randomB64(100),
      own: { stateEpoch: e.state, ciphertext: randomB64(100) },
    });
    const known = ['CN', 'KZ', 'RU'];
    const inc = await sync(kz, cursor, known);
    expect(inc.header).to.deep.include({ full: false, allowedStates: known });
    expect(records(inc.added)).to.deep.equal([expected('RU', 1, fresh!.tag)]);
    expect(records(inc.removed)).to.deep.equal([expected('KZ', kzOwn.networkEpoch, gone!.tag)]);
    const nothing = await sync(kz, inc.header.cursor, known);
    expect(nothing.header).to.deep.include({ full: false, cursor: inc.header.cursor, added: 0, removed: 0 });

    // Listed and withdrawn inside one window: the increment carries neither (the client never had it).
    const [brief] = await list(ru, 'RU', 1);
    await ru.withdraw(brief!.id, { reason: 'listed-in-error' });
    listed.RU = listed.RU!.filter((entry) => entry.id !== brief!.id);
    const passing = await sync(kz, inc.header.cursor, known);
    expect(passing.header).to.deep.include({ full: false, added: 0, removed: 0 });
    expect(passing.header.cursor).to.be.above(inc.header.cursor);

    // A state the caller did not hold, a cursor from the future: a full stream.
    expect((await sync(kz, inc.header.cursor, ['KZ', 'RU'])).header.full).to.equal(true);
    expect((await sync(kz, inc.header.cursor + 100, known)).header.full).to.equal(true);

    await rotate(kz, 'network');
    const rekeyed = listed.KZ!.slice(1).map((entry) => ({ ...entry, tag: randomB64(32) }));
    const answer = await kz.rekey({
      entries: rekeyed.map((entry) => ({
        id: entry.id,
        version: entry.id === other.id ? 2 : 1,
        networkEpoch: 2,
        tag: entry.tag,
        details: randomB64(100),
      })),
    });
    expect(answer.results.map((r) => r.outcome)).to.deep.equal(['rekeyed', 'rekeyed']);
    const after = await sync(kz, inc.header.cursor, known);
    expect(records(after.removed)).to.deep.equal(
      listed
        .KZ!.slice(1)
        .map((x) => expected('KZ', 1, x.tag))
        .sort(),
    );
    expect(records(after.added)).to.deep.equal(rekeyed.map((x) => expected('KZ', 2, x.tag)).sort());
    listed.KZ = rekeyed;
    cursor = after.header.cursor;
  });

  it('refuses a malformed cursor or states list', async function () {
    for (const [since, known] of [
      [-1, []],
      [Number.NaN, []],
      [0, ['kz']],
      [0, ['KZ;RU']],
    ] as const)
      expect(await refusal(kz.sync(since, [...known]))).to.deep.equal({ status: 400, code: 'validation.failed' });
  });

  it('buckets: listed entries whose tag starts with 2 to 6 hex characters, nothing else', async function () {
    const target = listed.RU![0]!;
    const hex = hexOf(target.tag);
    for (const prefix of [hex.slice(0, 2), hex.slice(0, 6).toUpperCase()]) {
      const { entries } = await kz.bucket(prefix);
      expect(entries.every((entry) => hexOf(entry.tag).startsWith(prefix.toLowerCase()))).to.equal(true);
      const found = entries.find((entry) => entry.id === target.id);
      expect(found?.listedAt).to.match(/^\d{4}-\d\d-\d\dT/);
      expect(found).to.deep.equal({
        id: target.id,
        state: 'RU',
        networkEpoch: 1,
        tag: target.tag,
        version: 1,
        listedAt: found?.listedAt,
        details: target.details,
      });
    }
    const withdrawn = (await kz.mine({ status: 'withdrawn' })).entries[0]!;
    const withdrawnTag = (await net.t.server.database.connection
      .collection('travel_document_entries')
      .findOne({ _id: withdrawn.id as never }))!.tagHex as string;
    expect((await kz.bucket(withdrawnTag.slice(0, 6))).entries.map((e) => e.id)).not.to.include(withdrawn.id);
    for (const prefix of ['a', 'abcdef0', 'zz', 'ab-c'])
      expect(await refusal(kz.bucket(prefix))).to.deep.equal({ status: 400, code: 'validation.failed' });
  });

  it("a denying policy keeps the state's listings out of the other's sync and buckets, and no sync is audited", async function () {
    const decisions = await decisionsAudited();
    await net.admin('RU').client.policies.signAndPublish(
      policyBody('RU', 1, [
        {
          id: 'no-sltd-kz',
          direction: 'outbound',
          kinds: ['travel-document-listing'],
          counterparts: ['KZ'],
          effect: 'deny',
        },
      ]),
    );
    const full = await sync(kz, 0, []);
    expect(full.header.allowedStates).to.deep.equal(['CN', 'KZ']);
    expect(full.added.map((r) => r.state)).to.deep.equal(['KZ', 'KZ']);
    const [more] = await list(ru, 'RU', 1);
    const inc = await sync(kz, cursor, ['CN', 'KZ', 'RU']);
    expect(inc.header).to.deep.include({ full: false, allowedStates: ['CN', 'KZ'], added: 0 });
    const bucket = await kz.bucket(hexOf(more!.tag).slice(0, 2));
    expect(bucket.entries.map((e) => e.state)).not.to.include('RU');
    // Others still receive RU's, and RU receives KZ's.
    expect((await sync(cn, 0, [])).header.allowedStates).to.deep.equal(['CN', 'KZ', 'RU']);
    expect((await sync(ru, 0, [])).header.states).to.deep.equal(['KZ', 'RU']);
    expect(await decisionsAudited()).to.equal(decisions);

    // Allowed again: RU is new to KZ's client, so a full stream brings it.
    await net.admin('RU').client.policies.signAndPublish(policyBody('RU', 2, []));
    const back = await sync(kz, inc.header.cursor, ['CN', 'KZ']);
    expect(back.header).to.deep.include({ full: true, allowedStates: ['CN', 'KZ', 'RU'] });
    expect(back.added.filter((r) => r.state === 'RU')).to.have.length(listed.RU!.length);
    cursor = back.header.cursor;
  });

  it('reciprocity, adopted by consensus: a state that lists nothing receives only its own', async function () {
    expect((await cn.status()).reciprocity).to.equal(false);
    const proposal = await net.root.client.consensus.propose({
      change: { kind: 'set-travel-documents-reciprocity', required: true },
      deadline: new Date(net.t.clock.now().getTime() + 25 * 3_600_000).toISOString(),
      rationale: 'Screen only if you list.',
    });
    net.t.clock.advance(26 * 3_600_000);
    for (const person of [net.root, net.focalPoint('KZ'), net.focalPoint('RU'), net.focalPoint('CN')])
      await sdkSignIn(net.t, person);
    expect((await net.root.client.consensus.get(proposal.id)).status).to.equal('adopted');
    expect((await cn.status()).reciprocity).to.equal(true);

    const lonely = await sync(cn, 0, []);
    expect(lonely.header).to.deep.include({ allowedStates: ['CN'], added: 0 });
    expect((await cn.bucket(hexOf(listed.KZ![0]!.tag).slice(0, 2))).entries).to.deep.equal([]);
    expect((await sync(kz, 0, [])).header.allowedStates).to.deep.equal(['CN', 'KZ', 'RU']);

    const [own] = await list(cn, 'CN', 1);
    const now = await sync(cn, 0, []);
    expect(now.header.allowedStates).to.deep.equal(['CN', 'KZ', 'RU']);
    expect(records(now.added)).to.include(expected('CN', 2, own!.tag));
    const audit = await auditEntry(net.t, { type: 'travel-documents.reciprocity-set' });
    expect(audit?.data).to.deep.equal({ required: true, proposalId: proposal.id });
  });

  it('a cursor older than the compacted change log gets a full stream; newer ones still increments', async function () {
    const known = ['CN', 'KZ', 'RU'];
    const before = (await sync(kz, 0, [])).header.cursor;
    await net.t.server.travelDocuments.changes.compact(new Date(net.t.clock.now().getTime() + 1000));
    expect((await sync(kz, cursor, known)).header.full).to.equal(true);
    const head = (await sync(kz, before, known)).header;
    expect(head).to.deep.include({ full: false, cursor: before });
    await list(kz, 'KZ', 1);
    const inc = await sync(kz, before, known);
    expect(inc.header).to.deep.include({ full: false, added: 1, cursor: before + 1 });
  });

  it("another node's copy, built by a scan after all this, serves the same full stream as the copy kept by replay", async function () {
    const deps = net.t.server.travelDocuments;
    const served = await kz.sync(0, []);
    const { header } = decodeSync(served);
    const fresh = new ListedSet({ entries: deps.entries, changes: deps.changes });
    const cursor = await fresh.current();
    expect(cursor).to.equal(header.cursor);
    const rebuilt = decodeSync(fresh.fullStream(header.allowedStates, cursor));
    expect(rebuilt.header).to.deep.equal(header);
    expect(records(rebuilt.added)).to.deep.equal(records(decodeSync(served).added));
    expect(rebuilt.added).to.have.length(
      await net.t.server.database.connection.collection('travel_document_entries').countDocuments({ status: 'listed' }),
    );
  });
});
