import { expect } from 'chai';
import type { AuditEntry } from '../../../../server/modules/audit/audit-entry.js';
import { ReviewTally } from '../../../../server/modules/review/review-tally.js';

let seq = 0;
const entry = (
  at: string,
  type: string,
  state: string | null,
  subjectId: string | null,
  data: Record<string, unknown> = {},
): AuditEntry => ({
  seq: (seq += 1),
  at: new Date(at),
  type,
  actorId: null,
  state,
  subjectId,
  data,
});

const year = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };
const event = (id: string, hostState: string | null, endsAt: string, domains = ['border']) =>
  entry('2025-11-01T00:00:00Z', 'event.proposed', hostState, id, {
    eventId: id,
    kind: 'seminar',
    domains,
    hostState,
    startsAt: endsAt,
    endsAt,
  });

describe("review tally: the action plan's activities", () => {
  it('counts an event held in the year once per domain, with the states and participants registered (withdrawals subtracted)', () => {
    const tally = new ReviewTally(year);
    tally.add(event('e1', 'KZ', '2026-03-10T12:00:00Z', ['border', 'law-enforcement']));
    tally.add(
      entry('2025-12-01T00:00:00Z', 'event.registered', 'RU', null, {
        eventId: 'e1',
        registeringState: 'RU',
        participants: 3,
      }),
    );
    tally.add(
      entry('2025-12-02T00:00:00Z', 'event.registered', 'TJ', null, { eventId: 'e1', state: 'TJ', participants: 1 }),
    );
    tally.add(
      entry('2025-12-03T00:00:00Z', 'event.registration-withdrawn', 'TJ', null, {
        eventId: 'e1',
        state: 'TJ',
        participants: 1,
      }),
    );
    tally.add(
      entry('2026-02-01T00:00:00Z', 'event.registered', 'CN', null, { eventId: 'e1', state: 'CN', participants: 2 }),
    );
    const { events, attendance } = tally.figures(null).activities;
    expect(events).to.deep.equal([
      { hostState: 'KZ', domain: 'border', events: 1, participatingStates: 2, participants: 5 },
      { hostState: 'KZ', domain: 'law-enforcement', events: 1, participatingStates: 2, participants: 5 },
    ]);
    expect(attendance.filter((row) => row.domain === 'border')).to.deep.equal([
      { state: 'CN', domain: 'border', events: 1, participants: 2 },
      { state: 'RU', domain: 'border', events: 1, participants: 3 },
    ]);
  });

  it('leaves out cancelled events, events of another year and events not yet over', () => {
    const tally = new ReviewTally(year);
    tally.add(event('cancelled', 'KZ', '2026-04-01T00:00:00Z'));
    tally.add(entry('2026-03-01T00:00:00Z', 'event.cancelled', 'KZ', 'cancelled', { eventId: 'cancelled' }));
    tally.add(event('last-year', 'KZ', '2025-12-20T00:00:00Z'));
    tally.add(event('moved', 'KZ', '2026-12-20T00:00:00Z'));
    tally.add(
      entry('2026-06-01T00:00:00Z', 'event.updated', 'KZ', 'moved', {
        eventId: 'moved',
        endsAt: '2027-02-01T00:00:00Z',
      }),
    );
    tally.add(event('later', null, '2026-11-30T00:00:00Z'));
    expect(tally.figures(null, new Date('2026-10-01T00:00:00Z')).activities.events).to.deep.equal([]);
    expect(tally.figures(null).activities.events).to.deep.equal([
      { hostState: null, domain: 'border', events: 1, participatingStates: 0, participants: 0 },
    ]);
  });

  it('counts circulars per sender and domain, and a state as read once whichever of its recipients read it', () => {
    const tally = new ReviewTally(year);
    tally.add(
      entry('2026-05-01T00:00:00Z', 'circular.sent', null, 'c1', {
        circularId: 'c1',
        domain: 'border',
        recipients: 5,
        includedStates: ['KZ', 'RU', 'TJ'],
        excludedStates: ['CN:deny:CN'],
      }),
    );
    tally.add(entry('2026-05-02T00:00:00Z', 'circular.read', 'KZ', 'c1', { circularId: 'c1', readerState: 'KZ' }));
    tally.add(entry('2026-05-02T00:01:00Z', 'circular.read', 'KZ', 'c1', { circularId: 'c1' }));
    tally.add(entry('2027-01-02T00:00:00Z', 'circular.read', 'RU', 'c1', { circularId: 'c1' }));
    tally.add(
      entry('2026-06-01T00:00:00Z', 'circular.sent', 'KZ', 'c2', {
        circularId: 'c2',
        recipients: 2,
        includedStates: ['RU'],
      }),
    );
    expect(tally.figures(null).activities.circulars).to.deep.equal([
      {
        senderState: null,
        domain: 'border',
        sent: 1,
        recipients: 5,
        statesReached: 3,
        statesRead: 2,
        statesLeftOut: 1,
      },
      { senderState: 'KZ', domain: '', sent: 1, recipients: 2, statesReached: 1, statesRead: 0, statesLeftOut: 0 },
    ]);
    expect(tally.figures('KZ').activities.circulars.map((row) => row.senderState)).to.deep.equal(['KZ']);
  });

  it('counts documents for comment, library items and training requests', () => {
    const tally = new ReviewTally(year);
    for (const type of [
      'document.circulated',
      'document.revised',
      'document.commented',
      'document.commented',
      'document.objected',
      'document.adopted',
    ])
      tally.add(entry('2026-02-01T00:00:00Z', type, null, 'p1', { proposalId: 'p1' }));
    tally.add(
      entry('2026-03-01T00:00:00Z', 'consensus.settled', null, 'p2', { kind: 'adopt-document', outcome: 'objection' }),
    );
    tally.add(
      entry('2026-03-01T00:00:00Z', 'consensus.settled', null, 'p3', { kind: 'add-domain', outcome: 'objection' }),
    );
    tally.add(
      entry('2026-04-01T00:00:00Z', 'library.published', 'KZ', 'i1', {
        version: 1,
        kind: 'best-practice',
        domain: 'border',
      }),
    );
    tally.add(
      entry('2026-04-02T00:00:00Z', 'library.published', 'KZ', 'i1', {
        version: 2,
        kind: 'best-practice',
        domain: 'border',
      }),
    );
    tally.add(
      entry('2025-12-01T00:00:00Z', 'training.requested', 'RU', 't1', {
        requestId: 't1',
        requesterState: 'RU',
        hostState: 'KZ',
        domain: 'border',
      }),
    );
    tally.add(entry('2026-01-10T00:00:00Z', 'training.accepted', 'KZ', 't1', { requestId: 't1' }));
    tally.add(entry('2026-02-10T00:00:00Z', 'training.planned', 'KZ', 't1', { requestId: 't1' }));
    const { documents, library, training } = tally.figures(null).activities;
    expect(documents).to.deep.equal({
      circulated: 1,
      revisions: 1,
      comments: 2,
      objections: 1,
      adopted: 1,
      endedByObjection: 1,
    });
    expect(library).to.deep.equal([{ domain: 'border', kind: 'best-practice', items: 1, newVersions: 1 }]);
    expect(training).to.deep.equal([
      { requesterState: 'RU', hostState: 'KZ', domain: 'border', requested: 0, accepted: 1, declined: 0, planned: 1 },
    ]);
    expect(tally.figures('TJ').activities.training).to.deep.equal([]);
  });

  it('counts lost and stolen travel documents per state and month: listed, withdrawn, screened, hits', () => {
    const tally = new ReviewTally(year);
    tally.add(entry('2025-12-31T23:00:00Z', 'travel-documents.listed', 'KZ', 'KZ', { state: 'KZ', count: 9 }));
    tally.add(
      entry('2026-01-05T00:00:00Z', 'travel-documents.listed', 'KZ', 'KZ', { state: 'KZ', count: 3, duplicates: 1 }),
    );
    tally.add(entry('2026-01-20T00:00:00Z', 'travel-documents.listed', 'KZ', 'KZ', { state: 'KZ', count: 2 }));
    tally.add(entry('2026-02-01T00:00:00Z', 'travel-documents.withdrawn', 'KZ', 'x', { state: 'KZ', count: 1 }));
    tally.add(
      entry('2026-02-02T00:00:00Z', 'travel-documents.screening-reported', 'RU', 'RU', {
        state: 'RU',
        month: '2026-02',
        screened: 500,
        hits: 2,
      }),
    );
    tally.add(entry('2026-02-03T00:00:00Z', 'travel-documents.rekeyed', 'KZ', 'KZ', { state: 'KZ', count: 5 }));
    expect(tally.figures(null).activities.travelDocuments).to.deep.equal([
      { state: 'KZ', month: '2026-01', listed: 5, withdrawn: 0, screened: 0, hits: 0 },
      { state: 'KZ', month: '2026-02', listed: 0, withdrawn: 1, screened: 0, hits: 0 },
      { state: 'RU', month: '2026-02', listed: 0, withdrawn: 0, screened: 500, hits: 2 },
    ]);
    expect(tally.figures('RU').activities.travelDocuments).to.have.length(1);
  });
});
