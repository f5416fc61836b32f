import { z } from 'zod';
import { Id } from '../../../shared/schemas/accounts.js';
import {
  CalendarFeedInput,
  CalendarFeedView,
  EventInput,
  EventLanguage,
  EventList,
  EventListQuery,
  EventView,
  RegistrationInput,
} from '../../../shared/schemas/events.js';
import { calendarIcs } from '../../modules/events/calendar-ics.js';
import { createFeed, feedIcs, readFeed, revokeFeed } from '../../modules/events/calendar-feeds.js';
import { cancelEvent, findEvent, proposeEvent, updateEvent } from '../../modules/events/manage-events.js';
import { listEvents, readEvent } from '../../modules/events/read-events.js';
import { registerParticipants, withdrawParticipant } from '../../modules/events/registrations.js';
import { defineRoute } from '../define-route.js';
import type { RouteContext } from './route-context.js';

const EventParams = z.object({ id: Id });
const ParticipantParams = z.object({ id: Id, participantId: Id });
const FeedParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
const IcsQuery = z.object({ lang: EventLanguage.default('en') }).strict();
const ICS = { 'text/calendar': z.string() };

/** The events calendar: seminars, meetings, trainings, experts' meetings; registrations; iCalendar. */
export function eventRoutes({ router, registry, events, authn }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/api/events',
    auth: authn,
    tag: 'events',
    summary:
      'The calendar: upcoming (not yet ended) or past events, by domain and kind; registrations as the reader may see them.',
    query: EventListQuery,
    response: EventList,
    handler: async ({ query, req }) => ({ events: await listEvents(events, await authn.actor(req), query) }),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/events',
    auth: authn,
    tag: 'events',
    summary:
      'Proposes an event: the secretariat for any host, a national admin with their own state as host. Refuses bad dates, an unknown zone and an overlap with the host’s other events.',
    body: EventInput,
    response: EventView,
    status: 201,
    errors: [403, 409],
    handler: async ({ body, req }) => {
      const actor = await authn.actor(req);
      return readEvent(events, actor, (await proposeEvent(events, actor, body)).id);
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/events/:id',
    auth: authn,
    tag: 'events',
    summary: 'One event, with registrations per state (names only for whom may see them).',
    params: EventParams,
    response: EventView,
    errors: [404],
    handler: async ({ params, req }) => readEvent(events, await authn.actor(req), params.id),
  });

  defineRoute(router, registry, {
    method: 'put',
    path: '/api/events/:id',
    auth: authn,
    tag: 'events',
    summary: "Edits an event (the host state's admins or the secretariat); states with participants are told.",
    params: EventParams,
    body: EventInput,
    response: EventView,
    errors: [403, 404, 409],
    handler: async ({ params, body, req }) => {
      const actor = await authn.actor(req);
      await updateEvent(events, actor, params.id, body);
      return readEvent(events, actor, params.id);
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/events/:id/cancel',
    auth: authn,
    tag: 'events',
    summary: "Cancels an event (the host state's admins or the secretariat); states with participants are told.",
    params: EventParams,
    response: EventView,
    errors: [403, 404, 409],
    handler: async ({ params, req }) => {
      const actor = await authn.actor(req);
      await cancelEvent(events, actor, params.id);
      return readEvent(events, actor, params.id);
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/events/:id/registrations',
    auth: authn,
    tag: 'events',
    summary:
      "A national admin registers their state's participants (focal points, or officials by name), all or none: refused after the deadline, beyond capacity, for a duplicate.",
    params: EventParams,
    body: RegistrationInput,
    response: EventView,
    status: 201,
    errors: [403, 404, 409],
    handler: async ({ params, body, req }) => {
      const actor = await authn.actor(req);
      await registerParticipants(events, actor, params.id, body);
      return readEvent(events, actor, params.id);
    },
  });

  defineRoute(router, registry, {
    method: 'delete',
    path: '/api/events/:id/registrations/:participantId',
    auth: authn,
    tag: 'events',
    summary: "A national admin withdraws one of their state's participants before the event begins.",
    params: ParticipantParams,
    response: EventView,
    errors: [403, 404, 409],
    handler: async ({ params, req }) => {
      const actor = await authn.actor(req);
      await withdrawParticipant(events, actor, params.id, params.participantId);
      return readEvent(events, actor, params.id);
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/events/:id/calendar.ics',
    auth: authn,
    tag: 'events',
    summary: 'The event as an iCalendar file (text/calendar), its words in `lang`.',
    params: EventParams,
    query: IcsQuery,
    response: z.string(),
    alsoAnswers: ICS,
    errors: [404],
    handler: async ({ params, query, req, res }) => {
      await authn.actor(req);
      const event = await findEvent(events, params.id);
      const ics = calendarIcs([event], query.lang, events.publicOrigin());
      res.type('text/calendar; charset=utf-8').attachment(`event-${event.id}.ics`).send(ics);
      return ics;
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/me/calendar-feed',
    auth: authn,
    tag: 'events',
    summary: 'Whether you have a personal calendar feed (its URL is shown only when created).',
    response: CalendarFeedView,
    handler: async ({ req }) => readFeed(events, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/api/me/calendar-feed',
    auth: authn,
    tag: 'events',
    summary: 'Creates your personal calendar feed, replacing any earlier one; answers its secret URL once.',
    body: CalendarFeedInput,
    response: CalendarFeedView,
    status: 201,
    handler: async ({ body, req }) => createFeed(events, await authn.actor(req), body.language),
  });

  defineRoute(router, registry, {
    method: 'delete',
    path: '/api/me/calendar-feed',
    auth: authn,
    tag: 'events',
    summary: 'Revokes your personal calendar feed: its URL stops working at once.',
    response: CalendarFeedView,
    errors: [404],
    handler: async ({ req }) => revokeFeed(events, await authn.actor(req)),
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/api/calendar-feeds/:token/events.ics',
    tag: 'events',
    summary:
      'A personal calendar feed for calendar apps (no session: the secret token in the URL is the credential). The events of your domains and those you are registered for.',
    params: FeedParams,
    response: z.string(),
    alsoAnswers: ICS,
    errors: [404],
    handler: async ({ params, res }) => {
      const ics = await feedIcs(events, params.token);
      res.type('text/calendar; charset=utf-8').setHeader('cache-control', 'private, no-store').send(ics);
      return ics;
    },
  });
}
