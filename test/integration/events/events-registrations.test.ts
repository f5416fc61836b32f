import { expect } from 'chai';
import { Types } from 'mongoose';
import type { EventList, EventView } from '../../../shared/schemas/events.js';
import type { ErrorBody as ErrorFields } from '../../../shared/errors.js';

type ErrorBody = { error: ErrorFields };
import { signIn, type TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { seminar } from '../../helpers/events.js';
import { startNetwork } from '../../helpers/network.js';
import type { TestServer } from '../../helpers/test-server.js';
import { auditEntries, auditEntry } from '../../helpers/audit.js';

const DAY_MS = 86_400_000;

/**
 * The events calendar through HTTP on a real database: a host state's admin proposes a seminar,
 * other states register (within capacity and the deadline, never twice, never for another
 * state), dates are checked, and other states see counts, not names.
 */
describe('events calendar: proposing and registering', function () {
  this.timeout(120_000);
  let t: TestServer;
  let root: TestPerson;
  let kzAdmin: TestPerson;
  let kgAdmin: TestPerson;
  let tjAdmin: TestPerson;
  let uzAdmin: TestPerson;
  let kgFocal: TestPerson;
  let tjFocal: TestPerson;
  let seminarId: string;

  before(async () => {
    const net = await startNetwork({
      states: {
        KZ: { focalPoints: { border: 1 } },
        KG: { focalPoints: { border: 1 } },
        TJ: { focalPoints: { border: 1 } },
        UZ: {},
      },
    });
    ({ t, root } = net);
    [kzAdmin, kgAdmin, tjAdmin, uzAdmin] = [net.admin('KZ'), net.admin('KG'), net.admin('TJ'), net.admin('UZ')];
    [kgFocal, tjFocal] = [net.focalPoint('KG'), net.focalPoint('TJ')];
  });
  after(async () => t?.close());

  const as = (person: TestPerson) => ({ token: person.session?.accessToken });
  const stored = (collection: string): Promise<number> =>
    t.server.database.connection.collection(collection).countDocuments({});
  const register = (who: TestPerson, id: string, state: string, participants: unknown[]) =>
    call<EventView & ErrorBody>(t.url, 'POST', `/api/events/${id}/registrations`, {
      ...as(who),
      body: { state, participants },
    });
  const read = async (who: TestPerson, id: string): Promise<EventView> =>
    (await call<EventView>(t.url, 'GET', `/api/events/${id}`, as(who))).body;

  it('lets a national admin propose a seminar their state hosts, audited without its title', async () => {
    const input = seminar(t.clock.now(), 'KZ', { title: { en: 'title-canary-4471', ru: 'Семинар' } });
    const res = await call<EventView>(t.url, 'POST', '/api/events', { ...as(kzAdmin), body: input });
    expect(res.status).to.equal(201);
    seminarId = res.body.id;
    expect(res.body).to.include({ kind: 'seminar', hostState: 'KZ', status: 'scheduled', sequence: 0, capacity: 2 });
    expect(res.body.mayManage).to.equal(true);
    expect(res.body.partners).to.deep.equal(['UNODC', 'OSCE']);

    const audit = await auditEntry(t, { type: 'event.proposed', subjectId: seminarId });
    expect(audit?.data).to.deep.include({ eventId: seminarId, kind: 'seminar', hostState: 'KZ', domains: ['border'] });
    expect(JSON.stringify(audit)).not.to.include('title-canary-4471');

    const listed = await call<EventList>(t.url, 'GET', '/api/events?domain=border', as(kgFocal));
    expect(listed.body.events.map((event) => event.id)).to.include(seminarId);
    const otherDomain = await call<EventList>(t.url, 'GET', '/api/events?domain=economic-crime', as(kgFocal));
    expect(otherDomain.body.events.map((event) => event.id)).not.to.include(seminarId);
  });

  it('refuses a national admin proposing for another host, and a focal point proposing at all', async () => {
    const before = await stored('events');
    const forKg = await call<ErrorBody>(t.url, 'POST', '/api/events', {
      ...as(kzAdmin),
      body: seminar(t.clock.now(), 'KG', {}, 40),
    });
    expect(forKg.status).to.equal(403);
    const byFocal = await call<ErrorBody>(t.url, 'POST', '/api/events', {
      ...as(kgFocal),
      body: seminar(t.clock.now(), 'KG', {}, 40),
    });
    expect(byFocal.status).to.equal(403);
    expect(await stored('events')).to.equal(before);
  });

  it('refuses an end before the start, a past start, a late deadline, an unknown zone: nothing written', async () => {
    const before = await stored('events');
    const now = t.clock.now();
    const base = seminar(now, 'KG', {}, 50);
    const cases: Array<[Partial<typeof base>, string]> = [
      [{ endsAt: new Date(now.getTime() + 49 * DAY_MS).toISOString() }, 'endsAt'],
      [
        {
          startsAt: new Date(now.getTime() - DAY_MS).toISOString(),
          registrationDeadline: new Date(now.getTime() - 2 * DAY_MS).toISOString(),
        },
        'startsAt',
      ],
      [{ registrationDeadline: new Date(now.getTime() + 51 * DAY_MS).toISOString() }, 'registrationDeadline'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ];
    for (const [change, field] of cases) {
      const res = await call<ErrorBody>(t.url, 'POST', '/api/events', { ...as(kgAdmin), body: { ...base, ...change } });
      expect(res.status, field).to.equal(400);
      expect(res.body.error.code).to.equal('event.invalid');
      expect(res.body.error.issues?.map((issue) => issue.path.join('.'))).to.include(`body.${field}`);
    }
    expect(await stored('events')).to.equal(before);
  });

  it("refuses an event overlapping another of the same host's, naming the clash; another host may", async () => {
    const overlapping = seminar(
      t.clock.now(),
      'KZ',
      { title: { en: 'Chiefs of Police meeting' }, kind: 'meeting' },
      11,
    );
    const res = await call<ErrorBody>(t.url, 'POST', '/api/events', { ...as(kzAdmin), body: overlapping });
    expect(res.status).to.equal(409);
    expect(res.body.error.code).to.equal('event.overlap');
    expect(res.body.error.message).to.include('title-canary-4471');
    const bySecretariat = await call<EventView>(t.url, 'POST', '/api/events', {
      ...as(root),
      body: { ...overlapping, hostState: null },
    });
    expect(bySecretariat.status).to.equal(201);
    expect(bySecretariat.body.hostState).to.equal(null);
  });

  it('registers participants of two other states up to capacity, and refuses one beyond it', async () => {
    const kg = await register(kgAdmin, seminarId, 'KG', [{ userId: kgFocal.user.id }]);
    expect(kg.status).to.equal(201);
    const tj = await register(tjAdmin, seminarId, 'TJ', [{ name: 'Rustam Nazarov', function: 'Head of border unit' }]);
    expect(tj.status).to.equal(201);
    expect(tj.body.registeredTotal).to.equal(2);

    const before = await stored('event_participants');
    const full = await register(uzAdmin, seminarId, 'UZ', [{ name: 'Aziz Karimov', function: 'Inspector' }]);
    expect(full.status).to.equal(409);
    expect(full.body.error.code).to.equal('event.full');
    expect(await stored('event_participants')).to.equal(before);
  });

  it('refuses registering for another state, and the same person twice', async () => {
    const forOther = await register(kgAdmin, seminarId, 'TJ', [{ name: 'Someone Else', function: 'Officer' }]);
    expect(forOther.status).to.equal(403);
    const twice = await register(kgAdmin, seminarId, 'KG', [{ userId: kgFocal.user.id }]);
    expect(twice.status).to.equal(409);
    expect(twice.body.error.code).to.equal('event.duplicate-participant');
    const focalOfOther = await register(kgAdmin, seminarId, 'KG', [{ userId: tjFocal.user.id }]);
    expect(focalOfOther.status).to.equal(400);
    expect(focalOfOther.body.error.code).to.equal('event.invalid');
  });

  it('shows other states counts per state, names only to their own state, the host and the secretariat', async () => {
    const byTj = await read(tjAdmin, seminarId);
    expect(byTj.registeredByState).to.deep.equal([
      { state: 'KG', count: 1 },
      { state: 'TJ', count: 1 },
    ]);
    expect(byTj.participants.map((p) => p.state)).to.deep.equal(['TJ']);
    expect(JSON.stringify(byTj)).not.to.include(kgFocal.user.displayName);

    const byFocal = await read(kgFocal, seminarId);
    expect(byFocal.participants).to.deep.equal([]);
    expect(byFocal.registeredTotal).to.equal(2);

    for (const who of [kzAdmin, root]) {
      const full = await read(who, seminarId);
      expect(full.participants.map((p) => p.name)).to.have.members([kgFocal.user.displayName, 'Rustam Nazarov']);
    }
    const list = await call<EventList>(t.url, 'GET', '/api/events', as(uzAdmin));
    const listed = list.body.events.find((event) => event.id === seminarId);
    expect(listed?.participants).to.deep.equal([]);
    expect(listed?.registeredTotal).to.equal(2);
  });

  it('withdraws a participant, freeing the place; the audit keeps counts, never names', async () => {
    const tjView = await read(tjAdmin, seminarId);
    const participant = tjView.participants[0];
    const res = await call<EventView>(
      t.url,
      'DELETE',
      `/api/events/${seminarId}/registrations/${participant?.id}`,
      as(tjAdmin),
    );
    expect(res.status).to.equal(200);
    expect(res.body.registeredTotal).to.equal(1);
    const uz = await register(uzAdmin, seminarId, 'UZ', [{ name: 'Aziz Karimov', function: 'Inspector' }]);
    expect(uz.status).to.equal(201);

    const entries = await auditEntries(t, { type: { $in: ['event.registered', 'event.registration-withdrawn'] } });
    expect(entries.map((entry) => entry.data.registeringState)).to.include.members(['KG', 'TJ', 'UZ']);
    expect(entries.every((entry) => typeof entry.data.participants === 'number')).to.equal(true);
    const text = JSON.stringify(entries);
    for (const name of ['Rustam Nazarov', 'Aziz Karimov', kgFocal.user.displayName]) expect(text).not.to.include(name);
  });

  it('gives the last place to exactly one of two admins racing for it', async () => {
    const created = await call<EventView>(t.url, 'POST', '/api/events', {
      ...as(kzAdmin),
      body: seminar(t.clock.now(), 'KZ', { capacity: 1 }, 20),
    });
    const id = created.body.id;
    const answers = await Promise.all([
      register(kgAdmin, id, 'KG', [{ name: 'Racer One', function: 'Officer' }]),
      register(tjAdmin, id, 'TJ', [{ name: 'Racer Two', function: 'Officer' }]),
    ]);
    expect(answers.map((answer) => answer.status).sort()).to.deep.equal([201, 409]);
    const view = await read(root, id);
    expect(view.registeredTotal).to.equal(1);
    const stored = await t.server.database.connection.collection('events').findOne({ _id: new Types.ObjectId(id) });
    expect(stored?.seatsTaken).to.equal(1);
  });

  it('edits (sequence raised) and cancels an event; registering for a cancelled one is refused', async () => {
    const input = seminar(t.clock.now(), 'KZ', { capacity: null }, 30);
    const created = await call<EventView>(t.url, 'POST', '/api/events', { ...as(kzAdmin), body: input });
    const id = created.body.id;
    const byOther = await call<ErrorBody>(t.url, 'PUT', `/api/events/${id}`, { ...as(kgAdmin), body: input });
    expect(byOther.status).to.equal(403);
    const edited = await call<EventView>(t.url, 'PUT', `/api/events/${id}`, {
      ...as(root),
      body: { ...input, venue: 'Astana' },
    });
    expect(edited.status).to.equal(200);
    expect(edited.body).to.include({ venue: 'Astana', sequence: 1 });
    const cancelled = await call<EventView>(t.url, 'POST', `/api/events/${id}/cancel`, as(kzAdmin));
    expect(cancelled.body).to.include({ status: 'cancelled', sequence: 2 });
    const late = await register(kgAdmin, id, 'KG', [{ name: 'Too Late', function: 'Officer' }]);
    expect(late.status).to.equal(409);
    expect(late.body.error.code).to.equal('event.closed');
  });

  it('refuses registration after the deadline (the clock moved past it)', async () => {
    t.clock.advance(9 * DAY_MS); // the seminar's deadline (8 days) has passed; it starts tomorrow
    for (const person of [kgAdmin, root]) await signIn(t, person);
    const before = await stored('event_participants');
    const res = await register(kgAdmin, seminarId, 'KG', [{ name: 'After Deadline', function: 'Officer' }]);
    expect(res.status).to.equal(409);
    expect(res.body.error.code).to.equal('event.closed');
    expect(res.body.error.message).to.include('registration closed');
    expect(await stored('event_participants')).to.equal(before);
  });
});
