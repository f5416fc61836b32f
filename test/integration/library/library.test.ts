import { expect } from 'chai';
import { utf8Decode, utf8Encode } from '../../../shared/crypto/encoding.js';
import { isApiError } from '../../../client/sdk/api-error.js';
import type { OpenedVersion } from '../../../client/sdk/library/library-content.js';
import { randomKey, sealGrant } from '../../../client/sdk/library/library-crypto.js';
import { startSdkNetwork, type Network } from '../../helpers/network.js';
import type { SdkPerson } from '../../helpers/sdk.js';
import { sdkFocalPoint, type SdkMember } from '../../helpers/sdk-people.js';
import { auditEntries, auditEntry } from '../../helpers/audit.js';

const BORDER = { kind: 'domain', domain: 'border' } as const;

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await promise;
  } catch (error) {
    if (isApiError(error)) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('expected a refusal');
}

function opened(version: OpenedVersion): Extract<OpenedVersion, { state: 'open' }> {
  if (version.state !== 'open') throw new Error(`version ${version.version} is ${version.state}`);
  return version;
}

describe('library: shelves, sealed keys and versions', function () {
  let net: Network<SdkPerson, SdkMember>;
  let kzAdmin: SdkMember;
  let author: SdkMember;
  let colleague: SdkMember;
  let kgAdmin: SdkMember;

  const count = async (collection: string, filter: Record<string, unknown> = {}): Promise<number> =>
    net.t.server.database.connection.collection(collection).countDocuments(filter);

  before(async function () {
    net = await startSdkNetwork({
      states: {
        KZ: { focalPoints: { border: 2 } },
        KG: { participation: ['law-enforcement'] },
      },
    });
    kzAdmin = net.admin('KZ');
    author = net.focalPoint('KZ', 0);
    colleague = net.focalPoint('KZ', 1);
    kgAdmin = net.admin('KG');
  });
  after(() => net.stop());

  it('a focal point activated after an item was published reads it once another reader shares the key, the uploader offline', async function () {
    const text = 'Checklist for joint patrols at the Khorgos crossing: exchange shift rosters weekly.';
    const file = utf8Encode('seminar slides: risk profiling at land borders');
    const item = await author.client.library.publish({
      audience: BORDER,
      kind: 'best-practice',
      language: 'en',
      title: 'Joint patrols',
      summary: 'How two posts share rosters',
      tags: ['patrols'],
      text,
      files: [{ name: 'slides.txt', type: 'text/plain', bytes: file }],
    });
    expect(item.domain).to.equal('border');
    await author.client.signOut();

    const newcomer = await sdkFocalPoint(net.t, kzAdmin, ['border']);
    const before = (await newcomer.client.library.list()).find((i) => i.id === item.id);
    expect(before?.latest.state).to.equal('locked');
    // A reader without the key cannot hand one out.
    expect(
      await refusal(
        newcomer.client.library.api.grant('domain:border', {
          epoch: 1,
          grants: [{ readerId: colleague.id, keyVersion: 1, sealedKey: 'AAAA', signature: 'A'.repeat(86) }],
        }),
      ),
    ).to.deep.equal({ status: 403, code: 'library.grant-refused' });

    expect(await kzAdmin.client.library.shareWithNewcomers()).to.be.greaterThan(0);
    expect(await kzAdmin.client.library.shareWithNewcomers()).to.equal(0);

    const after = (await newcomer.client.library.list()).find((i) => i.id === item.id);
    const latest = opened(after!.latest);
    expect(latest.title).to.equal('Joint patrols');
    expect(latest.text).to.equal(text);
    expect(latest.tags).to.deep.equal(['patrols']);
    expect(latest.author.state).to.equal('KZ');
    const bytes = await newcomer.client.library.downloadFile(latest.files[0]!);
    expect(utf8Decode(bytes)).to.equal(utf8Decode(file));

    const granted = await auditEntries(net.t, { type: 'library.key-granted', 'data.readerId': newcomer.id });
    expect(granted.map((entry) => entry.data)).to.deep.include({
      audience: 'domain:border',
      epoch: 1,
      readerId: newcomer.id,
      readerState: 'KZ',
    });
    await author.client.signIn({ username: author.username, password: author.password });
    await author.client.unlockKeys({ password: author.password });
  });

  it('refuses a grant for someone who is not a reader, and a second grant of the same epoch', async function () {
    const shelf = await kzAdmin.client.library.api.shelf('domain:border');
    const me = shelf.myGrants[0]!;
    expect(
      await refusal(
        kzAdmin.client.library.api.grant('domain:border', {
          epoch: me.epoch,
          grants: [{ readerId: kgAdmin.id, keyVersion: 1, sealedKey: 'AAAA', signature: 'A'.repeat(86) }],
        }),
      ),
    ).to.deep.equal({ status: 403, code: 'library.grant-refused' });
    expect(
      await refusal(
        kzAdmin.client.library.api.grant('domain:border', {
          epoch: me.epoch,
          grants: [{ readerId: colleague.id, keyVersion: 1, sealedKey: 'AAAA', signature: 'A'.repeat(86) }],
        }),
      ),
    ).to.deep.equal({ status: 403, code: 'library.grant-refused' });
  });

  it('a national admin cannot publish to a domain their state does not take part in; nothing is written', async function () {
    const items = await count('library_items');
    const files = await count('library_files');
    expect(
      await refusal(
        kgAdmin.client.library.publish({ audience: BORDER, kind: 'other', language: 'ru', title: 'x', text: 'y' }),
      ),
    ).to.deep.equal({ status: 403, code: 'audience.not-allowed' });
    expect(await count('library_items')).to.equal(items);
    expect(await count('library_files')).to.equal(files);
    expect(await count('library_grants', { grantedBy: kgAdmin.id })).to.equal(0);
  });

  it('a focal point publishes only to a domain they serve; a non-reader neither lists, opens nor downloads', async function () {
    expect(
      await refusal(
        author.client.library.publish({
          audience: { kind: 'domain', domain: 'law-enforcement' },
          kind: 'best-practice',
          language: 'en',
          title: 'x',
          text: 'y',
        }),
      ),
    ).to.deep.equal({ status: 403, code: 'audience.not-allowed' });
    expect(
      await refusal(
        author.client.library.publish({
          audience: { kind: 'everyone' },
          kind: 'other',
          language: 'en',
          title: 'x',
          text: 'y',
        }),
      ),
    ).to.deep.equal({ status: 403, code: 'audience.not-allowed' });
    const item = await author.client.library.publish({
      audience: BORDER,
      kind: 'best-practice',
      language: 'en',
      title: 'Field note',
      text: 'from the field',
      files: [{ name: 'note.txt', bytes: utf8Encode('note') }],
    });
    expect((await kgAdmin.client.library.list()).map((i) => i.id)).not.to.include(item.id);
    expect(await refusal(kgAdmin.client.library.item(item.id))).to.deep.equal({
      status: 404,
      code: 'library.not-found',
    });
    expect(await refusal(kgAdmin.client.library.api.downloadFile(item.latest.files[0]!.id))).to.deep.equal({
      status: 404,
      code: 'library.not-found',
    });
    const entries = await auditEntries(net.t, { type: 'library.published', subjectId: item.id });
    expect(entries.map((entry) => entry.data)).to.deep.equal([
      {
        itemId: item.id,
        version: 1,
        kind: 'best-practice',
        domain: 'border',
        audience: 'domain:border',
        language: 'en',
        files: 1,
        eventId: null,
        proposalId: null,
      },
    ]);
  });

  it('refuses a text over the limit, in the client and at the server', async function () {
    const big = 'a'.repeat(100 * 1024);
    expect(
      await refusal(
        author.client.library.publish({ audience: BORDER, kind: 'other', language: 'en', title: 'big', text: big }),
      ),
    ).to.deep.equal({ status: 413, code: 'library.too-large' });
    const shelf = await author.client.library.api.shelf('domain:border');
    const items = await count('library_items');
    expect(
      await refusal(
        author.client.library.api.publish({
          itemId: 'a'.repeat(24),
          audience: BORDER,
          kind: 'other',
          language: 'en',
          epoch: shelf.epoch,
          wrappedKey: 'A'.repeat(96),
          meta: 'AAAA',
          text: 'A'.repeat(140_000),
          files: [],
          signature: 'A'.repeat(86),
        }),
      ),
    ).to.deep.equal({ status: 413, code: 'library.too-large' });
    expect(await count('library_items')).to.equal(items);
  });

  it('keeps versions: the latest shown, older ones readable; only the author or an admin adds one', async function () {
    const item = await author.client.library.publish({
      audience: BORDER,
      kind: 'legislation-summary',
      language: 'ru',
      title: 'Закон о границе',
      text: 'Редакция 2024 года',
    });
    await author.client.library.publishVersion(item.id, {
      language: 'ru',
      title: 'Закон о границе',
      text: 'Редакция 2026 года',
    });
    const detail = await colleague.client.library.item(item.id);
    expect(detail.versionCount).to.equal(2);
    expect(opened(detail.latest).text).to.equal('Редакция 2026 года');
    expect(detail.versions.map((v) => opened(v).text)).to.deep.equal(['Редакция 2024 года', 'Редакция 2026 года']);

    expect(
      await refusal(colleague.client.library.publishVersion(item.id, { language: 'ru', title: 't', text: 'mine' })),
    ).to.deep.equal({ status: 403, code: 'auth.forbidden' });
    // The national admin of the author's state may.
    await kzAdmin.client.library.publishVersion(item.id, { language: 'ru', title: 'Закон о границе', text: 'v3' });
    expect((await colleague.client.library.item(item.id)).versionCount).to.equal(3);
  });

  it('a withdrawn item is no longer listed nor readable, and takes no new version', async function () {
    const item = await author.client.library.publish({
      audience: BORDER,
      kind: 'other',
      language: 'en',
      title: 'To withdraw',
      text: 'soon gone',
    });
    await author.client.library.withdraw(item.id);
    expect((await colleague.client.library.list()).map((i) => i.id)).not.to.include(item.id);
    expect(await refusal(colleague.client.library.item(item.id))).to.deep.equal({
      status: 404,
      code: 'library.not-found',
    });
    expect(
      await refusal(author.client.library.publishVersion(item.id, { language: 'en', title: 'again', text: 'x' })),
    ).to.deep.include({ code: 'library.not-found' });
    const shelf = await author.client.library.api.shelf('domain:border');
    expect(
      await refusal(
        author.client.library.api.publishVersion(item.id, {
          version: 2,
          epoch: shelf.epoch,
          language: 'en',
          wrappedKey: 'A'.repeat(96),
          meta: 'AAAA',
          files: [],
          signature: 'A'.repeat(86),
        }),
      ),
    ).to.deep.equal({ status: 410, code: 'library.withdrawn' });
    const trail = await auditEntries(net.t, { type: 'library.withdrawn', subjectId: item.id });
    expect(trail).to.have.length(1);
  });

  it('lists by event and proposal refs', async function () {
    const item = await kzAdmin.client.library.publish({
      audience: BORDER,
      kind: 'seminar-material',
      language: 'en',
      title: 'Seminar notes',
      text: 'notes',
      refs: { eventId: 'evt-2026-border' },
    });
    const found = await colleague.client.library.list({ eventId: 'evt-2026-border' });
    expect(found.map((i) => i.id)).to.deep.equal([item.id]);
    expect(await colleague.client.library.list({ eventId: 'another' })).to.deep.equal([]);
  });

  it('a person removed from the domain cannot read what is published after the rotation; the others can', async function () {
    const leaver = await sdkFocalPoint(net.t, kzAdmin, ['border']);
    await kzAdmin.client.library.shareWithNewcomers();
    const before = await leaver.client.library.list();
    expect(before.every((i) => i.latest.state === 'open')).to.equal(true);
    const epoch = (await kzAdmin.client.library.api.shelf('domain:border')).epoch;

    await kzAdmin.client.users.update(leaver.id, { domains: ['law-enforcement'] });
    expect((await kzAdmin.client.library.api.shelf('domain:border')).rotationNeeded).to.equal(true);
    const item = await author.client.library.publish({
      audience: BORDER,
      kind: 'best-practice',
      language: 'en',
      title: 'After the rotation',
      text: 'only current readers',
    });
    expect(item.latest.epoch).to.equal(epoch + 1);
    expect(await count('library_grants', { epoch: epoch + 1, readerId: leaver.id })).to.equal(0);
    expect(await refusal(leaver.client.library.item(item.id))).to.deep.include({ code: 'library.not-found' });
    expect((await leaver.client.library.list()).map((i) => i.id)).not.to.include(item.id);
    expect(opened((await colleague.client.library.item(item.id)).latest).text).to.equal('only current readers');
    const rotated = await auditEntries(net.t, { type: 'library.key-rotated', 'data.epoch': epoch + 1 });
    expect(rotated).to.have.length(1);
    expect(rotated[0]?.data).to.include({ audience: 'domain:border', epoch: epoch + 1 });
  });

  it('a second publisher opening an epoch another just opened is told to read the shelf again; the first one’s grants stay intact', async function () {
    const sealAll = async (who: SdkMember, epoch: number) => {
      const view = await who.client.library.api.shelf('domain:border');
      const keys = who.client.keyStore.get()!.keys;
      const key = await randomKey();
      return Promise.all(
        view.readers.map(async (reader) => ({
          readerId: reader.userId,
          keyVersion: reader.keyVersion,
          ...(await sealGrant(
            key,
            { shelf: 'domain:border', epoch, readerId: reader.userId, keyVersion: reader.keyVersion },
            reader.keys,
            keys.identity.privateKey,
          )),
        })),
      );
    };
    const epoch = (await kzAdmin.client.library.api.shelf('domain:border')).epoch + 1;
    const [first, second] = [await sealAll(kzAdmin, epoch), await sealAll(author, epoch)];
    await kzAdmin.client.library.api.rotate('domain:border', { epoch, grants: first });
    expect(await refusal(author.client.library.api.rotate('domain:border', { epoch, grants: second }))).to.deep.equal({
      status: 409,
      code: 'library.stale-epoch',
    });
    const grants = await net.t.server.database.connection
      .collection('library_grants')
      .find({ audienceKey: 'domain:border', epoch })
      .toArray();
    expect(grants).to.have.length(first.length);
    expect(new Set(grants.map((grant) => grant.grantedBy))).to.deep.equal(new Set([kzAdmin.id]));
    // Everyone still reads what is published next.
    const item = await author.client.library.publish({
      audience: BORDER,
      kind: 'other',
      language: 'en',
      title: 'after',
      text: 'race',
    });
    expect(opened((await colleague.client.library.item(item.id)).latest).text).to.equal('race');
  });

  it('stores no plaintext: title, summary, tags, text and file content are nowhere in the database', async function () {
    const canary = `library-canary-${Date.now()}`;
    const item = await author.client.library.publish({
      audience: BORDER,
      kind: 'best-practice',
      language: 'en',
      title: `${canary}-title`,
      summary: `${canary}-summary`,
      tags: [`${canary}-tag`],
      text: `${canary}-text`,
      files: [{ name: `${canary}-name.txt`, bytes: utf8Encode(`${canary}-file`) }],
    });
    expect(opened((await colleague.client.library.item(item.id)).latest).title).to.equal(`${canary}-title`);
    const connection = net.t.server.database.connection;
    for (const name of (await connection.db!.listCollections().toArray()).map((c) => c.name)) {
      const documents = await connection.collection(name).find({}).toArray();
      const dump = JSON.stringify(documents);
      expect(dump, name).not.to.contain(canary);
      expect(Buffer.from(dump).toString('base64'), name).not.to.contain(Buffer.from(canary).toString('base64'));
    }
    const chunks = await connection.collection('library_file_chunks').find({}).toArray();
    for (const chunk of chunks) expect(Buffer.from(chunk.data.buffer).toString('utf8')).not.to.contain(canary);
    const published = await auditEntry(net.t, { type: 'library.published', subjectId: item.id });
    expect(published?.data).to.deep.include({
      itemId: item.id,
      version: 1,
      kind: 'best-practice',
      audience: 'domain:border',
    });
  });
});
