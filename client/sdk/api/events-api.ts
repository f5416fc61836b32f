import { z } from 'zod';
import {
  CalendarFeedView,
  EventList,
  EventView,
  type EventInput,
  type EventLanguage,
  type EventListQuery,
  type ParticipantInput,
} from '../../../shared/schemas/events.js';
import type { SessionManager } from '../session-manager.js';

/**
 * The events calendar: seminars, meetings, trainings, experts' meetings. Event details are
 * calendar data the server stores in clear; participants' names only reach whom may see them.
 */
export interface EventsApi {
  /** Upcoming (default) or past events, by domain and kind. */
  list(query?: Partial<EventListQuery>): Promise<EventView[]>;
  get(id: string): Promise<EventView>;
  /** The secretariat for any host; a national admin with their own state as host. */
  propose(input: EventInput): Promise<EventView>;
  update(id: string, input: EventInput): Promise<EventView>;
  cancel(id: string): Promise<EventView>;
  /** National admins: their state's participants, all or none. */
  register(id: string, state: string, participants: ParticipantInput[]): Promise<EventView>;
  withdraw(id: string, participantId: string): Promise<EventView>;
  /** The event as an iCalendar file (text/calendar). */
  ics(id: string, language?: EventLanguage): Promise<string>;
  /** Whether I have a personal feed (its URL is shown only on creation). */
  feed(): Promise<CalendarFeedView>;
  /** A new secret feed URL for calendar apps (any earlier one stops working); `url` is given this once. */
  createFeed(language: EventLanguage): Promise<CalendarFeedView>;
  revokeFeed(): Promise<CalendarFeedView>;
}

export function eventsApi(session: SessionManager): EventsApi {
  const path = (id: string, rest = '') => `/api/events/${encodeURIComponent(id)}${rest}`;
  return {
    list: async (query = {}) =>
      (await session.authed({ method: 'GET', path: '/api/events', query: { ...query }, schema: EventList })).events,
    get: (id) => session.authed({ method: 'GET', path: path(id), schema: EventView }),
    propose: (input) => session.authed({ method: 'POST', path: '/api/events', body: input, schema: EventView }),
    update: (id, input) => session.authed({ method: 'PUT', path: path(id), body: input, schema: EventView }),
    cancel: (id) => session.authed({ method: 'POST', path: path(id, '/cancel'), schema: EventView }),
    register: (id, state, participants) =>
      session.authed({
        method: 'POST',
        path: path(id, '/registrations'),
        body: { state, participants },
        schema: EventView,
      }),
    withdraw: (id, participantId) =>
      session.authed({
        method: 'DELETE',
        path: path(id, `/registrations/${encodeURIComponent(participantId)}`),
        schema: EventView,
      }),
    ics: (id, language = 'en') =>
      session.authed({
        method: 'GET',
        path: path(id, '/calendar.ics'),
        query: { lang: language },
        responseType: 'text',
        schema: z.string(),
      }),
    feed: () => session.authed({ method: 'GET', path: '/api/me/calendar-feed', schema: CalendarFeedView }),
    createFeed: (language) =>
      session.authed({ method: 'POST', path: '/api/me/calendar-feed', body: { language }, schema: CalendarFeedView }),
    revokeFeed: () => session.authed({ method: 'DELETE', path: '/api/me/calendar-feed', schema: CalendarFeedView }),
  };
}
