import { expect } from 'chai';
import type { Alert } from '../../../shared/schemas/alerts.js';
import type { CalendarFeedView, EventView } from '../../../shared/schemas/events.js';
import type { AlertChannelFactory } from '../../../server/composition/alerts.js';
import { sweepEventReminders } from '../../../server/modules/events/sweep-event-reminders.js';
import { signIn, type TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { parseEvents, seminar } from '../../helpers/events.js';
import { startNetwork } from '../../helpers/network.js';
import type { TestServer } from '../../helpers/test-server.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A channel that keeps what it is handed, with the people it is for. */
function recordingChannel(): { factory: AlertChannelFactory; seen: Array<{ alert: Alert; userIds: string[] }> } {
  const seen: Array<{ alert: Alert; userIds: string[] }> = [];
  return {
    seen,
    factory: () => ({
      name: 'recording',
      accept: async (alert, audience) => void seen.push({ alert, userIds: audience.userIds }),
      drain: async () => ({ sent: 0, retried: 0, failed: 0 }),
    }),
  };
}

/**
 * iCalendar files parsed back by an independent parser (per event and the personal feed, EN and
 * RU), and the reminders before the deadline and the start: once each, as the clock passes them.
 */
describe('events calendar: iCalendar and reminders', function () {
  this.timeout(120_000);
  let t: TestServer;
  let root: TestPerson;
  let kzAdmin: TestPerson;
  let kgAdmin: TestPerson;
  let tjAdmin: TestPerson;
  let kgFocal: TestPerson;
  let tjFocal: TestPerson;
  let event: EventView;
  const recording = recordingChannel();

  before(async () => {
    const net = await startNetwork({
      states: {
        KZ: { focalPoints: { border: 1 } },
        KG: { focalPoints: { border: 1 } },
        TJ: { focalPoints: { 'economic-crime': 1 }, participation: ['economic-crime'] },
      },
      server: { alertChannels: [recording.factory] },
    });
    ({ t, root } = net);
    [kzAdmin, kgAdmin, tjAdmin] = [net.admin('KZ'), net.admin('KG'), net.admin('TJ')];
    [kgFocal, tjFocal] = [net.focalPoint('KG'), net.focalPoint('TJ')];
    const created = await call<EventView>(t.url, 'POST', '/api/events', {
      token: kzAdmin.session?.accessToken,
      body: seminar(t.clock.now(), 'KZ', { capacity: null }),
    });
    event = created.body;
    await call(t.url, 'POST', `/api/events/${event.id}/registrations`, {
      token: kgAdmin.session?.accessToken,
      body: { state: 'KG', participants: [{ userId: kgFocal.user.id }] },
    });
  });
  after(async () => t?.close());

  const as = (person: TestPerson) => ({ token: person.session?.accessToken });
  const ics = async (path: string, who?: TestPerson): Promise<{ status: number; type: string; text: string }> => {
    const res = await fetch(`${t.url}${path}`, {
      headers: who ? { authorization: `Bearer ${who.session?.accessToken}` } : {},
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };

  it('exports one event as iCalendar with UID, SEQUENCE, its zone and the words in English or Russian', async () => {
    const en = await ics(`/api/events/${event.id}/calendar.ics`, kgFocal);
    expect(en.status).to.equal(200);
    expect(en.type).to.match(/^text\/calendar/);
    expect(en.text).to.match(/^DTSTAMP:/m);
    expect(en.text).to.include('BEGIN:VTIMEZONE');
    const [parsed] = parseEvents(en.text);
    expect(parsed?.uid).to.match(new RegExp(`^${event.id}@`));
    expect(parsed?.sequence).to.equal(0);
    expect(parsed?.summary).to.equal('Seminar on document fraud');
    expect(parsed?.start.toISOString()).to.equal(event.startsAt);
    expect(parsed?.end.toISOString()).to.equal(event.endsAt);
    expect(parsed?.start.tz).to.equal('Asia/Almaty');
    expect(parsed?.description).to.include('Registration until');
    expect(parsed?.description).to.include('UNODC');
    expect(parsed?.location).to.include('Almaty');

    const ru = parseEvents((await ics(`/api/events/${event.id}/calendar.ics?lang=ru`, kgFocal)).text)[0];
    expect(ru?.summary).to.equal('Семинар по подделке документов');
    expect(ru?.description).to.include('Регистрация до');
    expect(ru?.description).to.include('Повестка');

    expect((await ics(`/api/events/${event.id}/calendar.ics`)).status).to.equal(401);
  });

  it('serves a personal feed at a secret URL, in the person’s language, with their domains’ events; revoked, it is gone', async () => {
    const other = await call<EventView>(t.url, 'POST', '/api/events', {
      ...as(root),
      body: seminar(
        t.clock.now(),
        null,
        { domains: ['economic-crime'], title: { en: 'Financial investigations' } },
        25,
      ),
    });
    const created = await call<CalendarFeedView>(t.url, 'POST', '/api/me/calendar-feed', {
      ...as(kgFocal),
      body: { language: 'ru' },
    });
    expect(created.status).to.equal(201);
    const url = new URL(created.body.url ?? '');
    const stored = await t.server.database.connection.collection('calendar_feeds').findOne({});
    expect(JSON.stringify(stored)).not.to.include(url.pathname.split('/')[3]);

    const feed = await ics(url.pathname);
    expect(feed.status).to.equal(200);
    const events = parseEvents(feed.text);
    expect(events.map((e) => e.uid.split('@')[0])).to.deep.equal([event.id]);
    expect(events[0]?.summary).to.equal('Семинар по подделке документов');
    expect(feed.text).to.include('Мероприятия FocalNet');

    // TJ's focal point serves economic crime: the secretariat's event, in English (no Russian title: the English one).
    const tjFeed = await call<CalendarFeedView>(t.url, 'POST', '/api/me/calendar-feed', {
      ...as(tjFocal),
      body: { language: 'en' },
    });
    const tjEvents = parseEvents((await ics(new URL(tjFeed.body.url ?? '').pathname)).text);
    expect(tjEvents.map((e) => e.uid.split('@')[0])).to.deep.equal([other.body.id]);
    expect(tjEvents[0]?.summary).to.equal('Financial investigations');

    const seen = await call<CalendarFeedView>(t.url, 'GET', '/api/me/calendar-feed', as(kgFocal));
    expect(seen.body).to.include({ active: true, language: 'ru' });
    expect(seen.body.url).to.equal(undefined);
    expect((await call(t.url, 'DELETE', '/api/me/calendar-feed', as(kgFocal))).status).to.equal(200);
    expect((await ics(url.pathname)).status).to.equal(404);
  });

  it('shows changes in the files: SEQUENCE raised on an edit, STATUS:CANCELLED once cancelled', async () => {
    const input = seminar(t.clock.now(), 'KZ', { capacity: null }, 40);
    const created = await call<EventView>(t.url, 'POST', '/api/events', { ...as(kzAdmin), body: input });
    const id = created.body.id;
    await call(t.url, 'POST', `/api/events/${id}/registrations`, {
      ...as(kgAdmin),
      body: { state: 'KG', participants: [{ name: 'Bakyt Asanov', function: 'Analyst' }] },
    });
    recording.seen.splice(0);
    await call(t.url, 'PUT', `/api/events/${id}`, { ...as(kzAdmin), body: { ...input, venue: 'Astana' } });
    expect(parseEvents((await ics(`/api/events/${id}/calendar.ics`, kgAdmin)).text)[0]?.sequence).to.equal(1);
    await call(t.url, 'POST', `/api/events/${id}/cancel`, as(kzAdmin));
    const cancelled = parseEvents((await ics(`/api/events/${id}/calendar.ics`, kgAdmin)).text)[0];
    expect(cancelled?.status).to.equal('CANCELLED');
    expect(cancelled?.sequence).to.equal(2);
    // KG registered: its admins hear of both changes; the alerts carry ids, never titles or names.
    const changed = recording.seen.filter((s) => s.alert.kind === 'event.changed');
    expect(changed).to.have.length(2);
    expect(changed.every((s) => s.alert.state === 'KG' && s.userIds.includes(kgAdmin.user.id))).to.equal(true);
    expect(JSON.stringify(changed)).not.to.match(/Seminar|Bakyt/);
  });

  it('reminds states that registered nobody before the deadline, and participants before the start: once each', async () => {
    recording.seen.splice(0);
    const deps = t.server.events;
    expect(await sweepEventReminders(deps)).to.deep.equal({ registration: 0, start: 0 });

    // The seminar's registration closes at day 8: three days before, TJ (not in border) is not reminded, KG registered.
    t.clock.advance(5 * DAY_MS + HOUR_MS);
    const first = await sweepEventReminders(deps);
    const closing = recording.seen.filter((s) => s.alert.kind === 'event.registration-closing');
    expect(closing.map((s) => s.alert.state)).to.deep.equal(['KZ']);
    expect(closing[0]?.alert.refs.eventId).to.equal(event.id);
    expect(closing[0]?.userIds).to.include(kzAdmin.user.id);
    expect(first.registration).to.equal(1);
    expect(await sweepEventReminders(deps)).to.deep.equal({ registration: 0, start: 0 });

    // One day before the start: KG's focal point (registered) and KG's admins.
    t.clock.advance(4 * DAY_MS);
    const second = await sweepEventReminders(deps);
    expect(second.start).to.equal(2);
    const starting = recording.seen.filter((s) => s.alert.kind === 'event.starting');
    expect(starting.find((s) => s.alert.userId === kgFocal.user.id)).to.not.equal(undefined);
    expect(starting.find((s) => s.alert.state === 'KG' && !s.alert.userId)?.userIds).to.include(kgAdmin.user.id);
    expect(await sweepEventReminders(deps)).to.deep.equal({ registration: 0, start: 0 });
    expect(recording.seen.filter((s) => s.alert.kind === 'event.starting')).to.have.length(2);
    expect(tjAdmin.user.id).to.not.be.oneOf(recording.seen.flatMap((s) => s.userIds));
    await signIn(t, root);
  });
});
