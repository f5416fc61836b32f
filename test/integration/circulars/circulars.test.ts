import { expect } from 'chai';
import type { FocalNetClient } from '../../../client/sdk/index.js';
import { ApiError } from '../../../client/sdk/api-error.js';
import { sealCircular } from '../../../client/sdk/circulars/seal-circular.js';
import { sendCircularResealing } from '../../../client/sdk/circulars/send-circular.js';
import type { Audience } from '../../../shared/schemas/audience.js';
import type { Labels } from '../../../shared/schemas/labels.js';
import { activeFocalPoint, type TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { flushed, waitFor } from '../../helpers/barrier.js';
import { socketOf } from '../../helpers/messaging.js';
import { seedFocalPoints } from '../../helpers/circulars.js';
import { startNetwork, type Network } from '../../helpers/network.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { sdkAs } from '../../helpers/sdk-as-person.js';
import type { TestServer } from '../../helpers/test-server.js';
import { auditEntries } from '../../helpers/audit.js';

const BORDER: Audience = { kind: 'domain', domain: 'border' };
const LABELS: Labels = { domain: 'border', category: 'general', classification: 'restricted', handling: 'H1' };

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const clientOf = (t: TestServer, person: TestPerson): Promise<FocalNetClient> =>
  sdkAs(t, person, { now: () => t.clock.now().getTime() });

const me = (person: TestPerson) => ({ userId: person.user.id, keys: person.keys });

describe('circulars', function () {
  let net: Network<TestPerson>;
  let t: TestServer;
  let root: FocalNetClient;
  let kzAdmin: FocalNetClient;

  before(async function () {
    net = await startNetwork({
      states: {
        KZ: { focalPoints: { border: 2 } },
        KG: { focalPoints: { border: 1 } },
        RU: { focalPoints: { border: 1, 'law-enforcement': 1 } },
      },
    });
    t = net.t;
    // Kyrgyzstan takes no circulars in the border domain, by a rule it does not publish.
    await publishPolicy(
      t,
      net.admin('KG'),
      policyBody('KG', 1, [
        { id: 'no-border-circulars', direction: 'inbound', domains: ['border'], kinds: ['circular'], effect: 'deny' },
      ]),
    );
    root = await clientOf(t, net.root);
    kzAdmin = await clientOf(t, net.admin('KZ'));
  });

  after(async () => net.stop());

  it('previews who a domain circular reaches and leaves out the state whose policy denies it, with why', async () => {
    const preview = await root.circulars.preview(BORDER, LABELS);
    expect(preview.senderState).to.equal('XS');
    const expected = [...net.focalPoints.KZ!, net.focalPoint('RU', 0)].map((p) => p.user.id).sort();
    expect(preview.recipients.map((r) => r.userId).sort()).to.deep.equal(expected);
    expect(preview.leftOut.map((s) => [s.state, s.effect])).to.deep.equal([['KG', 'deny']]);
    expect(preview.leftOut[0]!.reasons.en.join(' ')).to.contain('a restriction of KG (not published)');
    expect(preview.leftOut[0]!.reasons.en.join(' ')).not.to.contain('no-border-circulars');
    expect(preview.leftOut[0]!.reasons.ru.join(' ')).to.contain('не опубликовано');
  });

  it('delivers to the reachable focal points only, who open and read it; the tally counts states as they read', async () => {
    const canary = `circular-canary-${Date.now()}`;
    const [kgSocket, kzSocket] = await Promise.all([
      socketOf(t, net.focalPoint('KG')),
      socketOf(t, net.focalPoint('KZ', 0)),
    ]);
    const pushed = { KG: [] as string[], KZ: [] as string[] };
    kgSocket.on('circular:new', (event) => pushed.KG.push(event.id));
    kzSocket.on('circular:new', (event) => pushed.KZ.push(event.id));
    const sent = await root.circulars.send({
      audience: BORDER,
      labels: LABELS,
      content: { subject: `Subject ${canary}`, text: `Text ${canary}` },
    });
    expect(sent.recipients).to.equal(3);
    expect(sent.states).to.deep.equal(['KZ', 'RU']);
    expect(sent.leftOut.map((s) => s.state)).to.deep.equal(['KG']);

    // Kazakhstan's open tab is told; Kyrgyzstan's gets nothing (the barrier: every push sent before it has arrived).
    await waitFor(() => pushed.KZ.includes(sent.id), { what: 'the push to the Kazakh focal point' });
    await flushed(kgSocket);
    expect(pushed.KG).to.deep.equal([]);
    // The copies are in the database before the answer: Kyrgyzstan's focal point has none, now or later.
    const kg = await clientOf(t, net.focalPoint('KG'));
    expect((await kg.circulars.received()).circulars).to.have.length(0);
    const copies = t.server.database.connection.collection('circular_copies');
    expect(await copies.countDocuments({ state: 'KG' })).to.equal(0);

    const kz = await clientOf(t, net.focalPoint('KZ', 0));
    const inbox = await kz.circulars.received();
    expect(inbox.unread).to.equal(1);
    const received = inbox.circulars[0]!;
    expect(received.sender.role).to.equal('network-admin');
    const opened = await kz.circulars.open(received);
    expect(opened.subject).to.equal(`Subject ${canary}`);
    expect(opened.text).to.equal(`Text ${canary}`);

    expect((await root.circulars.sentOne(sent.id)).statesRead).to.equal(0);
    await kz.circulars.markRead(sent.id);
    await kz.circulars.markRead(sent.id); // recorded once
    const tally = await root.circulars.sentOne(sent.id);
    expect([tally.statesRead, tally.statesReached]).to.deep.equal([1, 2]);
    expect(tally.tally).to.deep.equal([
      { state: 'KZ', recipients: 2, read: 1 },
      { state: 'RU', recipients: 1, read: 0 },
    ]);
    expect(tally.leftOut.map((s) => s.state)).to.deep.equal(['KG']);
    expect((await kz.circulars.received()).unread).to.equal(0);

    const ru = await clientOf(t, net.focalPoint('RU', 0));
    await ru.circulars.markRead(sent.id);
    expect((await root.circulars.sentOne(sent.id)).statesRead).to.equal(2);
    const reads = await auditEntries(t, { type: 'circular.read', subjectId: sent.id });
    expect(reads.map((entry) => entry.data.readerState).sort()).to.deep.equal(['KZ', 'RU']);
    const [sentEntry] = await auditEntries(t, { type: 'circular.sent', subjectId: sent.id });
    expect(sentEntry!.data).to.include({ audience: 'domain:border', domain: 'border', recipients: 3 });
    expect(sentEntry!.data.excludedStates).to.deep.equal(['KG:deny:KG']);
    expect(
      await auditEntries(t, { type: 'policy.decision', subjectId: sent.id }).then((found) => found.length),
    ).to.equal(1);

    // The server holds only ciphertext: neither subject nor text appears anywhere in the database.
    const connection = t.server.database.connection;
    for (const name of (await connection.db!.listCollections().toArray()).map((c) => c.name)) {
      const documents = await connection.collection(name).find({}).toArray();
      expect(JSON.stringify(documents), name).not.to.contain(canary);
    }
  });

  it("shows a national admin their state's circulars only; another side's tally is not found", async () => {
    const fromRoot = (await root.circulars.sent()).circulars[0]!;
    expect((await failure(kzAdmin.circulars.sentOne(fromRoot.id))).code).to.equal('circular.not-found');
    const own = await kzAdmin.circulars.send({
      audience: BORDER,
      labels: LABELS,
      content: { subject: 'From Kazakhstan', text: 'To the border focal points' },
    });
    expect((await kzAdmin.circulars.sent()).circulars.map((c) => c.id)).to.deep.equal([own.id]);
    const ruAdmin = await clientOf(t, net.admin('RU'));
    expect((await failure(ruAdmin.circulars.sentOne(own.id))).code).to.equal('circular.not-found');
    // The secretariat reads every tally.
    expect((await root.circulars.sentOne(own.id)).statesReached).to.equal(2);
    const kg = await clientOf(t, net.focalPoint('KG'));
    expect((await failure(kg.circulars.markRead(own.id))).code).to.equal('circular.not-found');
  });

  it('refuses senders and audiences not allowed, forged and stale envelopes, writing nothing', async () => {
    const fp = await clientOf(t, net.focalPoint('KZ', 0));
    expect((await failure(fp.circulars.preview(BORDER, LABELS))).status).to.equal(403);
    expect((await failure(kzAdmin.circulars.preview({ kind: 'everyone' }, LABELS))).code).to.equal(
      'audience.not-allowed',
    );
    const preview = await root.circulars.preview(BORDER, LABELS);
    const circulars = t.server.database.connection.collection('circulars');
    const before = await circulars.countDocuments();
    const content = { subject: 's', text: 't' };
    const stale = await sealCircular({
      me: me(net.root),
      senderState: 'XS',
      labels: LABELS,
      recipients: preview.recipients,
      content,
      ts: t.clock.now().getTime() - 3_600_000,
    });
    expect((await failure(root.circulars.sendSealed(BORDER, stale))).code).to.equal('message.clock-skew');
    const forged = await sealCircular({
      me: { userId: net.root.user.id, keys: net.admin('KZ').keys },
      senderState: 'XS',
      labels: LABELS,
      recipients: preview.recipients,
      content,
      ts: t.clock.now().getTime(),
    });
    expect((await failure(root.circulars.sendSealed(BORDER, forged))).code).to.equal('message.invalid');
    const mislabelled = await sealCircular({
      me: me(net.root),
      senderState: 'XS',
      labels: { ...LABELS, domain: 'law-enforcement' },
      recipients: preview.recipients,
      content,
      ts: t.clock.now().getTime(),
    });
    expect((await failure(root.circulars.sendSealed(BORDER, mislabelled))).code).to.equal('validation.failed');
    expect(await circulars.countDocuments()).to.equal(before);
  });

  it('answers a retried send with the first answer and queues each copy once', async () => {
    const preview = await root.circulars.preview(BORDER, LABELS);
    const envelope = await sealCircular({
      me: me(net.root),
      senderState: 'XS',
      labels: LABELS,
      recipients: preview.recipients,
      content: { subject: 'Twice', text: 'Sent twice' },
      ts: t.clock.now().getTime(),
    });
    const first = await root.circulars.sendSealed(BORDER, envelope);
    const again = await root.circulars.sendSealed(BORDER, envelope);
    expect(again).to.deep.equal(first);
    const copies = t.server.database.connection.collection('circular_copies');
    const ofThis = await copies.find({}).toArray();
    expect(ofThis.filter((c) => c.circularId.toHexString() === first.id)).to.have.length(first.recipients);
  });

  it('refuses an envelope sealed before a focal point was activated (circular.recipients-changed); the SDK re-seals and sends', async () => {
    const stalePreview = await root.circulars.preview(BORDER, LABELS);
    const newcomer = await activeFocalPoint(t, net.admin('RU'), ['border']);
    const envelope = await sealCircular({
      me: me(net.root),
      senderState: 'XS',
      labels: LABELS,
      recipients: stalePreview.recipients,
      content: { subject: 'Changed', text: 'Audience changed' },
      ts: t.clock.now().getTime(),
    });
    const refused = await failure(root.circulars.sendSealed(BORDER, envelope));
    expect(refused.code).to.equal('circular.recipients-changed');
    const listed = (refused.details?.recipients as Array<{ userId: string }>).map((r) => r.userId);
    expect(listed).to.include(newcomer.user.id);
    expect(
      await t.server.database.connection.collection('circulars').countDocuments({ msgId: envelope.header.msgId }),
    ).to.equal(0);

    // The SDK's path: seal to the preview it had, be told the list changed, seal again with the same msgId.
    const posted: string[] = [];
    const sent = await sendCircularResealing(
      {
        preview: async () => stalePreview,
        post: async (audience, sealed) => {
          posted.push(sealed.header.msgId);
          return root.circulars.sendSealed(audience, sealed);
        },
        me: me(net.root),
        now: () => t.clock.now().getTime(),
      },
      { audience: BORDER, labels: LABELS, content: { subject: 'Resealed', text: 'Resealed' } },
    );
    expect(posted).to.have.length(2);
    expect(new Set(posted).size).to.equal(1);
    expect(sent.recipients).to.equal(stalePreview.recipients.length + 1);
    const newcomerClient = await clientOf(t, newcomer);
    const opened = await newcomerClient.circulars.open((await newcomerClient.circulars.received()).circulars[0]!);
    expect(opened.subject).to.equal('Resealed');
  });

  it('refuses a body over the route limit (413) and more than 1,000 recipients (400), writing nothing', async () => {
    const token = net.root.session?.accessToken;
    const circulars = t.server.database.connection.collection('circulars');
    const before = await circulars.countDocuments();
    const huge = JSON.stringify({ audience: BORDER, envelope: { pad: 'x'.repeat(1100 * 1024) } });
    expect((await call(t.url, 'POST', '/api/circulars', { token, rawBody: huge })).status).to.equal(413);
    const preview = await root.circulars.preview(BORDER, LABELS);
    const envelope = await sealCircular({
      me: me(net.root),
      senderState: 'XS',
      labels: LABELS,
      recipients: preview.recipients,
      content: { subject: 's', text: 't' },
      ts: t.clock.now().getTime(),
    });
    const tooMany = Array.from({ length: 1001 }, (_, i) => ({ userId: `u${i}`, state: 'KZ' }));
    const body = { audience: BORDER, envelope: { ...envelope, header: { ...envelope.header, to: tooMany } } };
    const refused = await call<{ error: { code: string } }>(t.url, 'POST', '/api/circulars', { token, body });
    expect([refused.status, refused.body.error.code]).to.deep.equal([400, 'validation.failed']);
    expect(await circulars.countDocuments()).to.equal(before);
  });

  it('the secretariat writes to everyone: focal points and national admins of every state', async () => {
    const labels: Labels = { ...LABELS, domain: 'law-enforcement' };
    const sent = await root.circulars.send({
      audience: { kind: 'everyone' },
      labels,
      content: { subject: 'To everyone', text: 'Every member of the network' },
    });
    // XS: the secretariat's other member (who approved the national admins' activation) is of everyone too.
    expect(sent.states).to.deep.equal(['KG', 'KZ', 'RU', 'XS']);
    const tally = await root.circulars.sentOne(sent.id);
    expect(tally.statesReached).to.equal(3); // member states only
    const kgAdmin = await clientOf(t, net.admin('KG'));
    const mine = (await kgAdmin.circulars.received()).circulars.find((c) => c.id === sent.id);
    expect((await kgAdmin.circulars.open(mine!)).subject).to.equal('To everyone');
  });

  it('a national admin writes to every national admin', async () => {
    const sent = await kzAdmin.circulars.send({
      audience: { kind: 'national-admins' },
      labels: { ...LABELS, domain: 'law-enforcement' },
      content: { subject: 'To admins', text: 'Every national admin' },
    });
    expect(sent.states).to.deep.equal(['KG', 'RU']);
    const ruAdmin = await clientOf(t, net.admin('RU'));
    const mine = (await ruAdmin.circulars.received()).circulars.find((c) => c.id === sent.id);
    expect((await ruAdmin.circulars.open(mine!)).text).to.equal('Every national admin');
  });
});

describe('circulars at scale', function () {
  let net: Network<TestPerson>;

  before(async function () {
    net = await startNetwork({ states: { KZ: {}, RU: {} } });
    await seedFocalPoints(net.t, { state: 'KZ', domains: ['border'], count: 250 });
    await seedFocalPoints(net.t, { state: 'RU', domains: ['border'], count: 250 });
  });

  after(async () => net.stop());

  it('accepts one circular sealed to 500 recipients, with a copy for each', async () => {
    const root = await clientOf(net.t, net.root);
    const sent = await root.circulars.send({
      audience: BORDER,
      labels: LABELS,
      content: { subject: 'To 500', text: 'One circular, five hundred recipients' },
    });
    expect(sent.recipients).to.equal(500);
    const copies = net.t.server.database.connection.collection('circular_copies');
    expect(await copies.countDocuments({})).to.equal(500);
    const tally = await root.circulars.sentOne(sent.id);
    expect(tally.tally.map((s) => s.recipients)).to.deep.equal([250, 250]);
  });
});
