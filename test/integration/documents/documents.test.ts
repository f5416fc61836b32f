import { expect } from 'chai';
import mongoose from 'mongoose';
import { isApiError } from '../../../client/sdk/api-error.js';
import type { DocumentMeta } from '../../../shared/schemas/document-meta.js';
import type { DocumentView } from '../../../shared/schemas/documents.js';
import { startSdkNetwork, type Network } from '../../helpers/network.js';
import { sdkSignIn, type SdkPerson } from '../../helpers/sdk.js';
import { sdkNationalAdmin, type SdkMember } from '../../helpers/sdk-people.js';
import type { TestServer } from '../../helpers/test-server.js';

const HOUR_MS = 3_600_000;
const META: DocumentMeta = { kind: 'action-plan', domains: ['border'], languages: ['en', 'ru'] };

/**
 * Documents for comment under the silence procedure, end to end through the SDK: the secretariat
 * circulates a sealed draft, national admins comment or object, a revision reopens silence,
 * silence at the deadline adopts it; the database holds ciphertext only.
 */
describe('documents for comment', function () {
  this.timeout(180_000);
  let net: Network<SdkPerson, SdkMember>;
  let t: TestServer;
  let root: SdkPerson;
  let kz: SdkMember;
  let ru: SdkMember;

  before(async () => {
    net = await startSdkNetwork({ states: { KZ: {}, RU: {} } });
    ({ t, root } = net);
    [kz, ru] = [net.admin('KZ'), net.admin('RU')];
    await signInWithKeys(root);
  });
  after(async () => net.stop());

  const signInWithKeys = async (person: SdkPerson): Promise<void> => {
    await sdkSignIn(t, person);
    await person.client.unlockKeys({ password: person.password });
  };
  /** Moves the server's clock; everyone signs in again (refresh tokens last 12 hours). */
  const advance = async (hours: number): Promise<void> => {
    t.clock.advance(hours * HOUR_MS);
    for (const person of [root, kz, ru]) await signInWithKeys(person);
  };
  const inHours = (hours: number): string => new Date(t.clock.now().getTime() + hours * HOUR_MS).toISOString();
  const auditOf = async (proposalId: string) =>
    (await root.client.audit.list({ limit: 500 })).filter((entry) => entry.subjectId === proposalId);
  const circulate = (title: string, text: string, hours = 48) =>
    root.client.documents.circulate({ meta: META, title, text, deadline: inHours(hours) });

  it('is adopted by silence at the deadline; comments from two states keep the silence and every reader reads them', async () => {
    const created = await root.client.documents.circulate({
      meta: META,
      title: 'Draft action plan 2027',
      text: 'Item 1. Joint border patrols.',
      files: [{ name: 'annex.txt', type: 'text/plain', bytes: new TextEncoder().encode('annex body') }],
      deadline: inHours(48),
    });
    expect(created.proposal).to.include({ status: 'open', procedure: 'silence', documentVersion: 1 });
    expect(created.proposal.change).to.deep.equal({ kind: 'adopt-document', document: META });
    expect(created.versions).to.have.length(1);
    const id = created.proposalId;

    await kz.client.documents.respond(id, { kind: 'comment', text: 'KZ: add a timeline.' });
    await ru.client.documents.respond(id, { kind: 'comment', text: 'RU: fine, one typo.' });
    await kz.client.documents.respond(id, { kind: 'comment', text: 'KZ: and a budget line.' });

    const seenByRu = await ru.client.documents.open(id);
    const [version] = seenByRu.versions;
    if (!version?.readable) throw new Error('version 1 not readable by RU');
    expect(version.title).to.equal('Draft action plan 2027');
    expect(version.text).to.equal('Item 1. Joint border patrols.');
    const file = version.files[0];
    if (!file) throw new Error('no file');
    expect(new TextDecoder().decode(await ru.client.documents.downloadFile(id, file))).to.equal('annex body');
    expect(seenByRu.comments.map((c) => [c.state, c.kind, c.version, c.text])).to.deep.equal([
      ['KZ', 'comment', 1, 'KZ: add a timeline.'],
      ['RU', 'comment', 1, 'RU: fine, one typo.'],
      ['KZ', 'comment', 1, 'KZ: and a budget line.'],
    ]);
    expect(seenByRu.view.proposal.status).to.equal('open'); // comments do not break silence

    await advance(47);
    expect((await root.client.documents.api.get(id)).proposal.status).to.equal('open');
    await advance(2);
    const adopted = await root.client.documents.api.get(id);
    expect(adopted.proposal).to.include({ status: 'adopted', outcome: 'silence-kept' });

    const list = await kz.client.documents.list();
    expect(list.find((item) => item.proposalId === id)?.title).to.equal('Draft action plan 2027');

    const audit = await auditOf(id);
    const types = audit.map((entry) => entry.type);
    expect(types).to.include.members(['document.circulated', 'document.commented', 'document.adopted']);
    expect(types.filter((type) => type === 'document.commented')).to.have.length(3);
    const circulated = audit.find((entry) => entry.type === 'document.circulated');
    expect(circulated?.data).to.include({ proposalId: id, version: 1, kind: 'action-plan' });
    expect(JSON.stringify(audit)).not.to.contain('Draft action plan');
  });

  it('records later stages only after adoption, and the library item once', async () => {
    const created = await circulate('Terms of reference', 'Scope: all domains.', 30);
    const id = created.proposalId;
    const early = await root.client.documents
      .recordStage(id, { stage: 'forwarded-to-working-group', date: '2026-12-10' })
      .catch((error: unknown) => error);
    expect(isApiError(early, 'document.not-adopted')).to.equal(true);

    await advance(31);
    await root.client.documents.recordStage(id, { stage: 'forwarded-to-working-group', date: '2026-12-10' });
    const staged = await root.client.documents.recordStage(id, {
      stage: 'approved-by-senior-officials',
      date: '2026-12-20',
      note: 'SOM-7',
    });
    expect(staged.stages.map((s) => [s.stage, s.date, s.note])).to.deep.equal([
      ['forwarded-to-working-group', '2026-12-10', null],
      ['approved-by-senior-officials', '2026-12-20', 'SOM-7'],
    ]);
    const byAdmin = await kz.client.documents
      .recordStage(id, { stage: 'published', date: '2026-12-21' })
      .catch((error: unknown) => error);
    expect(isApiError(byAdmin, 'auth.forbidden')).to.equal(true);

    const filed = await root.client.documents.noteLibraryItem(id, { itemId: 'lib-item-1' });
    expect(filed.libraryItemId).to.equal('lib-item-1');
    const again = await root.client.documents
      .noteLibraryItem(id, { itemId: 'lib-item-2' })
      .catch((error: unknown) => error);
    expect(isApiError(again, 'document.invalid')).to.equal(true);
    const types = (await auditOf(id)).map((entry) => entry.type);
    expect(types.filter((type) => type === 'document.stage-recorded')).to.have.length(2);
    expect(types).to.include('document.library-filed');
  });

  it('ends unadopted when a state objects to the current version, and refuses comments after the deadline', async () => {
    const created = await circulate('Joint statement', 'We agree to everything.', 25);
    const id = created.proposalId;
    const objected = await ru.client.documents.respond(id, { kind: 'objection', text: 'RU objects to paragraph 2.' });
    expect(objected.proposal.status).to.equal('open'); // the secretariat may still revise before the deadline
    expect(objected.proposal.positions.map((p) => [p.state, p.position, p.version])).to.deep.equal([
      ['RU', 'object', 1],
    ]);
    await advance(26);
    const ended = await root.client.documents.api.get(id);
    expect(ended.proposal).to.include({ status: 'rejected', outcome: 'objection' });
    const late = await kz.client.documents.respond(id, { kind: 'comment', text: 'too late' }).catch((e: unknown) => e);
    expect(isApiError(late, 'consensus.closed')).to.equal(true);
    const revise = await root.client.documents
      .revise(id, { title: 'Joint statement v2', text: 'Amended.', deadline: inHours(48) })
      .catch((e: unknown) => e);
    expect(isApiError(revise, 'consensus.closed')).to.equal(true);
    expect((await root.client.documents.api.get(id)).versions).to.have.length(1);
    const opened = await kz.client.documents.open(id);
    expect(opened.comments.map((c) => [c.state, c.kind, c.text])).to.deep.equal([
      ['RU', 'objection', 'RU objects to paragraph 2.'],
    ]);
    expect((await auditOf(id)).map((entry) => entry.type)).to.include('document.objected');
  });

  it('a revised draft restarts the deadline and reopens silence; objections to version 1 stay, marked, and no longer count', async () => {
    const created = await circulate('Rules of procedure', 'Rule 1: consensus.', 48);
    const id = created.proposalId;
    await ru.client.documents.respond(id, { kind: 'objection', text: 'Rule 1 needs a quorum.' });

    const byAdmin = await kz.client.documents
      .revise(id, { title: 'x', text: 'y', deadline: inHours(48) })
      .catch((e: unknown) => e);
    expect(isApiError(byAdmin, 'auth.forbidden')).to.equal(true);
    const tooSoon = await root.client.documents
      .revise(id, { title: 'x', text: 'y', deadline: inHours(2) })
      .catch((e: unknown) => e);
    expect(isApiError(tooSoon, 'document.invalid')).to.equal(true);

    await advance(40);
    const newDeadline = inHours(30);
    const revised = await root.client.documents.revise(id, {
      title: 'Rules of procedure (rev. 1)',
      text: 'Rule 1: consensus, with a quorum of two thirds.',
      deadline: newDeadline,
    });
    expect(revised.proposal).to.include({ status: 'open', documentVersion: 2, deadline: newDeadline });
    expect(revised.versions.map((v) => v.number)).to.deep.equal([1, 2]);

    await advance(10); // past the first deadline: still open
    const opened = await kz.client.documents.open(id);
    expect(opened.view.proposal.status).to.equal('open');
    const [v1, v2] = opened.versions;
    if (!v1?.readable || !v2?.readable) throw new Error('versions not readable');
    expect(v1.text).to.equal('Rule 1: consensus.');
    expect(v2.title).to.equal('Rules of procedure (rev. 1)');
    expect(opened.comments.map((c) => [c.state, c.kind, c.version])).to.deep.equal([['RU', 'objection', 1]]);
    const oldVersion = await kz.client.documents.api
      .comment(id, { version: 1, kind: 'comment', body: 'AAAA', signature: 'A'.repeat(86) })
      .catch((e: unknown) => e);
    expect(isApiError(oldVersion, 'document.invalid')).to.equal(true);

    await advance(21);
    const adopted = await root.client.documents.api.get(id);
    expect(adopted.proposal).to.include({ status: 'adopted', outcome: 'silence-kept', documentVersion: 2 });
    const audit = await auditOf(id);
    expect(audit.find((entry) => entry.type === 'document.revised')?.data).to.include({ proposalId: id, version: 2 });
    expect(audit.find((entry) => entry.type === 'document.adopted')?.data).to.include({ proposalId: id, version: 2 });
  });

  it('a national admin activated after circulation reads it once another reader shared the key', async () => {
    const created = await circulate('Guidelines on alerts', 'Alert within 24 hours.', 48);
    const id = created.proposalId;
    await kz.client.documents.respond(id, { kind: 'comment', text: 'Agreed.' });
    const newcomer = await sdkNationalAdmin(t, root, 'KZ');

    const waiting = await newcomer.client.documents.open(id);
    expect(waiting.versions[0]).to.include({ readable: false, waitingForKey: true });
    expect(waiting.comments[0]?.text).to.equal(null);
    expect((await newcomer.client.documents.list()).find((d) => d.proposalId === id)?.title).to.equal(null);

    // Only a reader of the version may share, only with a current reader lacking a key.
    const view: DocumentView = await ru.client.documents.api.get(id);
    expect(view.missingKeys).to.deep.equal([{ version: 1, userId: newcomer.id }]);
    const fromNewcomer = await newcomer.client.documents.api
      .shareKeys(id, { version: 1, keys: [{ userId: newcomer.id, keyVersion: 1, sealed: 'AAAA' }] })
      .catch((e: unknown) => e);
    expect(isApiError(fromNewcomer, 'document.not-a-reader')).to.equal(true);
    const forOutsider = await ru.client.documents.api
      .shareKeys(id, { version: 1, keys: [{ userId: '0123456789abcdef01234567', keyVersion: 1, sealed: 'AAAA' }] })
      .catch((e: unknown) => e);
    expect(isApiError(forOutsider, 'document.not-a-reader')).to.equal(true);

    const shared = await ru.client.documents.open(id);
    expect(shared.sharedKeys).to.equal(1);
    const reading = await newcomer.client.documents.open(id);
    const [version] = reading.versions;
    if (!version?.readable) throw new Error('still not readable');
    expect(version.text).to.equal('Alert within 24 hours.');
    expect(reading.comments[0]?.text).to.equal('Agreed.');
    expect((await ru.client.documents.api.get(id)).missingKeys).to.deep.equal([]);
    const keyShared = (await auditOf(id)).find((entry) => entry.type === 'document.key-shared');
    expect(keyShared?.data).to.deep.equal({ proposalId: id, version: 1, forUserId: newcomer.id });
  });

  it('refuses a version not sealed to exactly the current readers, and oversized text, writing nothing', async () => {
    const before = await root.client.documents.api.list();
    const readers = await root.client.documents.api.readers();
    const base = {
      docId: 'AAAAAAAAAAAAAAAAAAAAAA',
      meta: META,
      deadline: inHours(48),
      version: { number: 1, head: 'AAAA', body: 'AAAA', files: [], signature: 'A'.repeat(86) },
    };
    const partial = await root.client.documents.api
      .circulate({
        ...base,
        version: { ...base.version, keys: [{ userId: readers[0]!.userId, keyVersion: 1, sealed: 'AAAA' }] },
      })
      .catch((e: unknown) => e);
    expect(isApiError(partial, 'document.readers-changed')).to.equal(true);
    if (!isApiError(partial)) throw new Error('not refused');
    expect((partial.details?.['readers'] as unknown[]).length).to.equal(readers.length);

    const keys = readers.map((reader) => ({ userId: reader.userId, keyVersion: reader.keyVersion, sealed: 'AAAA' }));
    const huge = await root.client.documents.api
      .circulate({ ...base, version: { ...base.version, keys, body: 'A'.repeat(150_004) } })
      .catch((e: unknown) => e);
    expect(isApiError(huge, 'document.too-large')).to.equal(true);
    const byAdmin = await kz.client.documents.api
      .circulate({ ...base, version: { ...base.version, keys } })
      .catch((e: unknown) => e);
    expect(isApiError(byAdmin, 'auth.forbidden')).to.equal(true);
    expect(await root.client.documents.api.list()).to.have.length(before.length);
  });

  it("refuses plaintext positions on a document's proposal: comments and objections are sealed", async () => {
    const created = await circulate('Report', 'Numbers.', 48);
    const position = await kz.client.consensus
      .takePosition(created.proposalId, { position: 'object', comment: 'plaintext' })
      .catch((e: unknown) => e);
    expect(isApiError(position, 'consensus.invalid')).to.equal(true);
    const viaProposals = await root.client.consensus
      .propose({ change: created.proposal.change, deadline: inHours(48), rationale: 'x' })
      .catch((e: unknown) => e);
    expect(isApiError(viaProposals, 'consensus.invalid')).to.equal(true);
    expect((await root.client.documents.api.get(created.proposalId)).proposal.positions).to.deep.equal([]);
  });

  it('stores ciphertext only: no title, text, file content or comment text anywhere in the database', async () => {
    const canary = `doc-canary-${Date.now()}`;
    const created = await root.client.documents.circulate({
      meta: META,
      title: `${canary}-title`,
      text: `${canary}-text`,
      files: [{ name: `${canary}-name.txt`, bytes: new TextEncoder().encode(`${canary}-file`) }],
      deadline: inHours(48),
    });
    await kz.client.documents.respond(created.proposalId, { kind: 'comment', text: `${canary}-comment` });
    await ru.client.documents.respond(created.proposalId, { kind: 'objection', text: `${canary}-objection` });
    await root.client.documents.revise(created.proposalId, {
      title: `${canary}-title-2`,
      text: `${canary}-text-2`,
      files: [{ name: 'b.txt', bytes: new TextEncoder().encode(`${canary}-file-2`) }],
      deadline: inHours(48),
    });
    const { connection } = t.server.database;
    const needle = Buffer.from(canary);
    for (const name of (await connection.db!.listCollections().toArray()).map((c) => c.name)) {
      const documents = await connection.collection(name).find({}).toArray();
      expect(JSON.stringify(documents), name).not.to.contain(canary);
      for (const document of documents)
        expect(Buffer.from(mongoose.mongo.BSON.serialize(document)).includes(needle), name).to.equal(false);
    }
  });
});
