import { expect } from 'chai';
import { BSON } from 'mongodb';
import type { FocalNetClient } from '../../../client/sdk/index.js';
import { documentCheckRequest } from '../../../client/sdk/travel-documents/document-check.js';
import { openRingGrant } from '../../../client/sdk/travel-documents/ring-keys.js';
import type { ListingInput } from '../../../client/sdk/travel-documents/types.js';
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import { documentTag, newRingKey } from '../../../shared/travel-documents/keyed-crypto.js';
import { startSdkNetwork, type Network } from '../../helpers/network.js';
import { foundEncodings, startRecordingProxy, type RecordingProxy } from '../../helpers/recording-proxy.js';
import { sdkClient, sdkSignIn, type SdkPerson } from '../../helpers/sdk.js';
import type { SdkMember } from '../../helpers/sdk-people.js';

const LISTED: ListingInput[] = [
  {
    issuingState: 'KZ',
    documentType: 'passport',
    number: 'N1234567',
    status: 'stolen',
    date: '2026-11-02',
    notes: 'Taken at Almaty station',
  },
  { issuingState: 'KZ', documentType: 'passport', number: 'N7654321', status: 'lost', date: '2026-10-15' },
  { issuingState: 'KZ', documentType: 'identity-card', number: 'ID 0042 1337', status: 'revoked', date: '2026-09-01' },
];

describe('travel documents through the SDK: listing, screening, keys and what the server sees', function () {
  this.timeout(240_000);
  let net: Network<SdkPerson, SdkMember>;
  let kz: SdkMember;
  let kz2: SdkMember;
  let ru: SdkMember;
  let kg: SdkMember;
  let proxy: RecordingProxy;
  let ruViaProxy: FocalNetClient;

  const numbersOf = (number: string): string[] => {
    const normal = number.replace(/\s/g, '').toUpperCase();
    return [number, normal, normal.toLowerCase(), `KZ:${normal}`, `KAZ${normal}`, normal.split('').join(' ')];
  };

  before(async function () {
    net = await startSdkNetwork({
      states: {
        KZ: { focalPoints: { border: 2 } },
        RU: { focalPoints: { border: 1 } },
        KG: { focalPoints: { border: 1 } },
      },
    });
    [kz, kz2, ru, kg] = [net.focalPoint('KZ', 0), net.focalPoint('KZ', 1), net.focalPoint('RU'), net.focalPoint('KG')];
    for (const state of ['KZ', 'RU', 'KG']) await net.admin(state).client.travelDocuments.setParticipation(true);
    // KZ's listings never reach KG.
    await net.admin('KZ').client.policies.signAndPublish({
      state: 'KZ',
      version: 1,
      defaultEffect: 'allow',
      rules: [
        {
          id: 'no-sltd-to-kg',
          direction: 'outbound',
          kinds: ['travel-document-listing'],
          counterparts: ['KG'],
          effect: 'deny',
          legalBasis: { en: 'Law on border data, art. 4' },
        },
      ],
    });
    proxy = await startRecordingProxy(net.t.url);
    ruViaProxy = sdkClient(net.t, { baseUrl: proxy.url });
    await sdkSignIn(net.t, { ...ru, client: ruViaProxy });
    await ruViaProxy.unlockKeys({ password: ru.password });
  });
  after(async () => {
    await proxy.close();
    await net.stop();
  });

  it('round trip: KZ lists three documents, RU screens a manifest holding one in another format, gets one hit with its details, and asks KZ to confirm', async () => {
    const prepared = await kz.client.travelDocuments.prepare();
    expect(prepared.rotated.sort()).to.deep.equal(['network', 'state:KZ']);
    expect(prepared.networkEpoch).to.equal(1);
    const listed = await kz.client.travelDocuments.list(LISTED);
    expect(listed).to.deep.equal({ listed: 3, duplicates: [], problems: [] });
    const again = await kz.client.travelDocuments.list([{ ...LISTED[0]!, number: 'n-123-4567' }]);
    expect(again.listed).to.equal(0);
    expect(again.duplicates.map((d) => d.at)).to.deep.equal([0]);

    const manifest = [
      'passenger_name,nationality,passport_no',
      'ANNA ERIKSSON,RUS,R9999999',
      'IVAN PETROV,KAZ,n 123 4567',
      'BAD ROW,KZ,###',
      'OLGA,KZ,N7654322',
    ].join('\n');
    const result = await ruViaProxy.travelDocuments.screenCsv(manifest);
    expect(result.screened).to.equal(3);
    expect(result.problems.map((p) => [p.at, p.kind])).to.deep.equal([[4, 'line']]);
    expect(result.states).to.include.members(['KZ', 'RU']);
    expect(result.hits).to.have.length(1);
    const [hit] = result.hits;
    expect(hit).to.deep.include({
      at: 3,
      listingState: 'KZ',
      issuingState: 'KZ',
      documentType: 'passport',
      number: 'N1234567',
      status: 'stolen',
      date: '2026-11-02',
      notes: 'Taken at Almaty station',
      version: 1,
    });
    // When it was listed: metadata the server has anyway, shown so an officer sees how old a listing is.
    expect(Date.now() - Date.parse(hit!.listedAt!)).to.be.within(0, 10 * 60_000);

    const kzKeys = kz.client.keyStore.get()!.keys;
    const [outcome] = await ruViaProxy.requests.submit(
      documentCheckRequest(hit!, [{ userId: kz.id, state: 'KZ', encryptionKey: kzKeys.encryption.publicKey }]),
    );
    expect(outcome?.ok, JSON.stringify(outcome)).to.equal(true);
    const inbox = await kz.client.requests.list({ box: 'inbox' });
    const received = inbox.find((c) => outcome?.ok && c.id === outcome.caseId);
    expect(received).to.deep.include({ kind: 'request:document-check', urgency: 'urgent' });
    expect(received?.requester.state).to.equal('RU');
  });

  it('the server holds and sees no document number in any encoding, and testing a guess against what it holds needs the network key', async () => {
    const connection = net.t.server.database.connection;
    const dumps: Buffer[] = [];
    for (const { name } of await connection.db!.listCollections().toArray()) {
      const documents = await connection.collection(name).find({}).toArray();
      dumps.push(Buffer.from(JSON.stringify(documents)), ...documents.map((d) => Buffer.from(BSON.serialize(d))));
    }
    const stored = Buffer.concat(dumps);
    const traffic = Buffer.concat([proxy.sent(), proxy.received()]);
    // The scan finds what is there: usernames are stored, and travelled when RU signed in.
    expect(foundEncodings(stored, kz.username)).to.not.deep.equal([]);
    expect(foundEncodings(traffic, ru.username)).to.not.deep.equal([]);
    for (const listing of [...LISTED, { number: 'R9999999' }, { number: 'N7654322' }])
      for (const form of numbersOf(listing.number)) {
        expect(foundEncodings(stored, form), `${form} in the database`).to.deep.equal([]);
        expect(foundEncodings(traffic, form), `${form} in the traffic`).to.deep.equal([]);
      }

    // What the server holds is a keyed tag: a guess with no key, or the wrong key, matches nothing;
    // with the network key (which only holders' clients have) it does.
    const entries = await connection.collection('travel_document_entries').find({}).toArray();
    const storedTags = new Set(entries.map((entry) => tagText(entry['tag'])));
    expect(storedTags.size).to.equal(3);
    const guess = 'KZ:N1234567';
    expect(storedTags.has(toBase64Url(await documentTag(new Uint8Array(32), guess)))).to.equal(false);
    expect(storedTags.has(toBase64Url(await documentTag(await newRingKey(), guess)))).to.equal(false);
    const grant = (await ru.client.travelDocuments.status()).rings
      .find((ring) => ring.ring === 'network')!
      .myGrants.find((g) => g.epoch === 1)!;
    const networkKey = await openRingGrant(grant, ru.client.keyStore.get()!.keys);
    expect(storedTags.has(toBase64Url(await documentTag(networkKey!, guess)))).to.equal(true);
  });

  it('key rotation after a holder is removed: their client can no longer sync, the others screen new and re-keyed listings without re-listing', async () => {
    const before = await kz2.client.travelDocuments.screen([{ issuingState: 'KZ', number: 'N7654321' }]);
    expect(before.hits.map((h) => h.number)).to.deep.equal(['N7654321']);
    const oldGrant = (await kz2.client.travelDocuments.status()).rings
      .find((ring) => ring.ring === 'network')!
      .myGrants.find((g) => g.epoch === 1)!;
    const oldKey = (await openRingGrant(oldGrant, kz2.client.keyStore.get()!.keys))!;

    await net.admin('KZ').client.users.suspend(kz2.id, 'moved to another service');
    const prepared = await kz.client.travelDocuments.prepare();
    expect(prepared.rotated).to.include('network');
    expect(prepared.networkEpoch).to.equal(2);
    expect(prepared.rekeyed).to.equal(3);
    const entries = net.t.server.database.connection.collection('travel_document_entries');
    expect(await entries.countDocuments({ networkEpoch: 1 })).to.equal(0);

    expect((await kz.client.travelDocuments.list([{ ...LISTED[1]!, number: 'N5550001' }])).listed).to.equal(1);
    let refused = false;
    await kz2.client.travelDocuments.sync().catch(() => (refused = true));
    expect(refused, 'the removed holder syncs no more').to.equal(true);
    // Even with the key it had, the new listing's tag is out of its reach.
    const tags = new Set((await entries.find({}).toArray()).map((entry) => tagText(entry['tag'])));
    expect(tags.has(toBase64Url(await documentTag(oldKey, 'KZ:N5550001')))).to.equal(false);

    const screened = await ru.client.travelDocuments.screen([
      { issuingState: 'KZ', number: 'N5550001' },
      { issuingState: 'kz', number: 'id-0042-1337' },
    ]);
    expect(screened.hits.map((h) => [h.at, h.number])).to.deep.equal([
      [0, 'N5550001'],
      [1, 'ID00421337'],
    ]);
  });

  it("a denying policy keeps KZ's listings from KG; withdrawn entries stop matching after sync", async () => {
    const atKg = await kg.client.travelDocuments.screen([{ issuingState: 'KZ', number: 'N1234567' }]);
    expect(atKg.hits).to.deep.equal([]);
    expect(atKg.states).to.not.include('KZ');
    expect(await kg.client.travelDocuments.sync()).to.deep.include({ entries: 0 });

    const mine = await kz.client.travelDocuments.mine();
    const lost = mine.find((listing) => listing.number === 'N7654321')!;
    const withdrawn = await kz.client.travelDocuments.withdraw(lost.id, 'recovered');
    expect(withdrawn).to.deep.include({ state: 'withdrawn', withdrawReason: 'recovered', number: 'N7654321' });
    const sync = await ru.client.travelDocuments.sync();
    expect(sync.full).to.equal(false);
    const atRu = await ru.client.travelDocuments.screen([{ issuingState: 'KZ', number: 'N7654321' }]);
    expect(atRu.hits).to.deep.equal([]);
  });

  it('a listing CSV: malformed rows reported by line number, the rest listed', async () => {
    const csv = [
      'issuing_state,document_type,document_number,status,date,notes,check_digit',
      'KZ,passport,N8880001,stolen,2026-11-20,,',
      'KZ,passport,,lost,2026-11-20,,',
      'KZ,passport,N8880002,misplaced,2026-11-20,,',
      'KZ,P,L898902C3,lost,01.11.2026,,5',
      'KZ,ID,L898902C3,lost,01.11.2026,"with, comma",6',
    ].join('\r\n');
    const outcome = await kz.client.travelDocuments.importCsv(csv);
    expect(outcome.listed).to.equal(2);
    expect(outcome.problems.map((p) => [p.at, p.kind])).to.deep.equal([
      [3, 'line'],
      [4, 'line'],
      [5, 'line'],
    ]);
    expect(outcome.problems[2]?.message).to.match(/misread/);
    const numbers = (await kz.client.travelDocuments.mine()).map((listing) => listing.number);
    expect(numbers).to.include.members(['N8880001', 'L898902C3']);
  });

  it("a cleared hit is not raised again for the same version, but is after the listing's update", async () => {
    const document = { issuingState: 'KZ', number: 'N1234567' };
    const [hit] = (await ru.client.travelDocuments.screen([document])).hits;
    expect(hit?.version).to.equal(1);
    await ru.client.travelDocuments.clear(hit!);
    const cleared = await ru.client.travelDocuments.screen([document]);
    expect(cleared).to.deep.include({ hits: [], clearedHits: 1, screened: 1 });

    const updated = await kz.client.travelDocuments.update(hit!.entryId, 1, { notes: 'Seen again at Khorgos' });
    expect(updated).to.deep.include({ version: 2, notes: 'Seen again at Khorgos', status: 'stolen' });
    await ru.client.travelDocuments.sync();
    const raised = await ru.client.travelDocuments.screen([document]);
    expect(raised.clearedHits).to.equal(0);
    expect(raised.hits.map((h) => [h.version, h.notes])).to.deep.equal([[2, 'Seen again at Khorgos']]);
  });
});

/** A stored tag as base64url, whether the repository keeps it as text or as bytes. */
function tagText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof BSON.Binary) return toBase64Url(value.buffer);
  if (value instanceof Uint8Array) return toBase64Url(value);
  return String(value);
}
