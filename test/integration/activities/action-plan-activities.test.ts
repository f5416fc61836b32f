import { expect } from 'chai';
import { fileAdoptedDocument } from '../../../client/src/features/shell/file-adopted-document.js';
import type { ImplementationReview } from '../../../shared/schemas/review.js';
import { seminar } from '../../helpers/events.js';
import { startSdkNetwork, type Network } from '../../helpers/network.js';
import { sdkSignIn, type SdkPerson } from '../../helpers/sdk.js';
import type { SdkMember } from '../../helpers/sdk-people.js';

const DAY_MS = 86_400_000;
const BORDER = { kind: 'domain', domain: 'border' } as const;
const LABELS = { domain: 'border', category: 'general', classification: 'restricted', handling: 'H1' } as const;
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** The rows of a table over the years a test spans (its clock may cross New Year). */
const rowsOf = <T>(reviews: ImplementationReview[], table: (review: ImplementationReview) => T[]): T[] =>
  reviews.flatMap(table);
const sum = <T>(rows: T[], field: (row: T) => number): number => rows.reduce((total, row) => total + field(row), 0);

/**
 * The action plan's activities together, as the secretariat runs them: a seminar with two states'
 * participants, a training request planned as that seminar, a circular read in one state, a
 * document adopted by silence and filed in the library, where a focal point of its domain reads
 * it — and the annual review counts each of them from the audit trail.
 */
describe("the action plan's activities, end to end, and the review that counts them", function () {
  this.timeout(240_000);
  let net: Network<SdkPerson, SdkMember>;

  before(async () => {
    net = await startSdkNetwork({
      states: { KZ: { focalPoints: { border: 1 } }, KG: { focalPoints: { border: 1 } }, TJ: {} },
    });
    await net.root.client.unlockKeys({ password: net.root.password });
  });
  after(async () => net?.stop());

  it('runs the calendar, a training request, a circular, a document and the library; the review counts them', async () => {
    const { t, root } = net;
    const [kz, kg, tj] = [net.admin('KZ'), net.admin('KG'), net.admin('TJ')];
    const start = t.clock.now();

    // A seminar hosted by Kazakhstan; Kyrgyzstan registers its focal point, Tajikistan an official.
    const event = await kz.client.events.propose(seminar(start, 'KZ', { capacity: 5 }));
    await kg.client.events.register(event.id, 'KG', [{ userId: net.focalPoint('KG').id }]);
    await tj.client.events.register(event.id, 'TJ', [{ name: 'Official of the customs', function: 'Inspector' }]);

    // Kyrgyzstan asked Kazakhstan for this training; Kazakhstan accepts and plans it as the seminar.
    const request = await kg.client.training.send({
      hostState: 'KZ',
      domain: 'border',
      subject: 'Document forgery',
      kind: 'seminar',
      period: {
        from: isoDay(new Date(start.getTime() + 10 * DAY_MS)),
        to: isoDay(new Date(start.getTime() + 12 * DAY_MS)),
      },
      languages: ['ru'],
      participants: 2,
    });
    await kz.client.training.accept(request.id);
    expect((await kz.client.training.recordPlannedEvent(request.id, event.id)).status).to.equal('planned');

    // Kazakhstan's circular to the border domain, read in Kyrgyzstan.
    const circular = await kz.client.circulars.send({
      audience: BORDER,
      labels: LABELS,
      content: { subject: 'Seminar announced', text: 'Registration is open.' },
    });
    const kgFocal = net.focalPoint('KG').client;
    await kgFocal.circulars.markRead(circular.id);

    // A document for comment on the border domain, adopted by silence.
    const circulated = await root.client.documents.circulate({
      meta: { kind: 'guidelines', domains: ['border'], languages: ['en'] },
      title: 'Guidelines on joint patrols',
      text: 'Patrols are planned together.',
      deadline: new Date(start.getTime() + 30 * 3_600_000).toISOString(),
    });
    await kz.client.documents.respond(circulated.proposalId, { kind: 'comment', text: 'Agreed.' });

    // Two weeks on: the seminar is over and the silence kept.
    t.clock.advance(14 * DAY_MS);
    for (const person of [root, kz, net.focalPoint('KZ')]) {
      await sdkSignIn(t, person);
      await person.client.unlockKeys({ password: person.password });
    }
    const opened = await root.client.documents.open(circulated.proposalId);
    expect(opened.view.proposal.status).to.equal('adopted');
    const final = opened.versions.at(-1);
    if (!final?.readable) throw new Error('the adopted version is not readable by the secretariat');

    // The secretariat files it in the library, as the document page's button does.
    const itemId = await fileAdoptedDocument(root.client)({
      proposalId: circulated.proposalId,
      version: final.number,
      meta: opened.view.meta,
      title: final.title,
      text: final.text,
      files: [],
      adoptedAt: opened.view.proposal.settledAt,
    });
    await root.client.documents.noteLibraryItem(circulated.proposalId, { itemId });
    const inLibrary = (await net.focalPoint('KZ').client.library.list()).find((item) => item.id === itemId);
    expect(inLibrary?.kind).to.equal('adopted-document');
    expect(inLibrary?.refs).to.deep.include({ proposalId: circulated.proposalId });
    const latest = inLibrary?.latest;
    expect(latest?.state === 'open' ? [latest.title, latest.text] : latest?.state).to.deep.equal([
      'Guidelines on joint patrols',
      'Patrols are planned together.',
    ]);

    // The review of the year(s) the test spans, for the whole network.
    const years = [...new Set([start, t.clock.now()].map((date) => date.getUTCFullYear()))];
    const reviews = await Promise.all(years.map((year) => root.client.review.get(year)));
    const events = rowsOf(reviews, (r) => r.activities.events).filter((row) => row.hostState === 'KZ');
    expect(
      events.map(({ domain, events: held, participatingStates, participants }) => [
        domain,
        held,
        participatingStates,
        participants,
      ]),
    ).to.deep.equal([['border', 1, 2, 2]]);
    const attendance = rowsOf(reviews, (r) => r.activities.attendance);
    expect(attendance.map((row) => [row.state, row.events, row.participants]).sort()).to.deep.equal([
      ['KG', 1, 1],
      ['TJ', 1, 1],
    ]);
    const circulars = rowsOf(reviews, (r) => r.activities.circulars).filter((row) => row.senderState === 'KZ');
    expect([
      sum(circulars, (r) => r.sent),
      sum(circulars, (r) => r.statesReached),
      sum(circulars, (r) => r.statesRead),
    ]).to.deep.equal([1, 2, 1]);
    const documents = reviews.map((r) => r.activities.documents);
    expect([
      sum(documents, (d) => d.circulated),
      sum(documents, (d) => d.comments),
      sum(documents, (d) => d.adopted),
    ]).to.deep.equal([1, 1, 1]);
    const library = rowsOf(reviews, (r) => r.activities.library).filter((row) => row.kind === 'adopted-document');
    expect(library.map((row) => [row.domain, row.items])).to.deep.equal([['border', 1]]);
    const training = rowsOf(reviews, (r) => r.activities.training);
    expect(
      training.map((row) => [row.requesterState, row.hostState, row.requested, row.accepted, row.planned]),
    ).to.deep.equal([['KG', 'KZ', 1, 1, 1]]);

    // Kyrgyzstan's own review shows its attendance and its training request, not Tajikistan's row.
    const kgReview = await Promise.all(
      years.map(async (year) => {
        await sdkSignIn(t, kg);
        return kg.client.review.get(year);
      }),
    );
    expect(rowsOf(kgReview, (r) => r.activities.attendance).map((row) => row.state)).to.deep.equal(['KG']);
    expect(rowsOf(kgReview, (r) => r.activities.training)).to.have.length(1);
  });
});
