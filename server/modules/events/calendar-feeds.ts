import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import type { CalendarFeedView, EventLanguage } from '../../../shared/schemas/events.js';
import type { User } from '../accounts/ports/users.js';
import { calendarIcs } from './calendar-ics.js';
import type { EventsDeps } from './events-deps.js';
import type { CalendarEvent } from './ports.js';

/** Events that ended longer ago than this drop out of a feed. */
const FEED_PAST_MS = 90 * 86_400_000;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const feedUrl = (origin: string, token: string): string => `${origin}/api/calendar-feeds/${token}/events.ics`;

export async function readFeed(deps: EventsDeps, actor: User): Promise<CalendarFeedView> {
  const feed = await deps.feeds.ofUser(actor.id);
  return { active: Boolean(feed), language: feed?.language ?? null, createdAt: feed?.createdAt.toISOString() ?? null };
}

/**
 * A new secret feed URL for the person (the previous one stops working). Calendar apps cannot
 * send a session, so the URL is the credential: only its hash is kept, and the URL is shown once.
 */
export async function createFeed(deps: EventsDeps, actor: User, language: EventLanguage): Promise<CalendarFeedView> {
  const token = randomBytes(32).toString('base64url');
  const createdAt = deps.clock.now();
  await deps.feeds.put({ userId: actor.id, tokenHash: hashToken(token), language, createdAt });
  await deps.audit.append({ type: 'event.feed-created', actorId: actor.id, state: actor.state, subjectId: actor.id });
  return { active: true, language, createdAt: createdAt.toISOString(), url: feedUrl(deps.publicOrigin(), token) };
}

export async function revokeFeed(deps: EventsDeps, actor: User): Promise<CalendarFeedView> {
  if (!(await deps.feeds.remove(actor.id))) throw new AppError('calendar-feed.not-found', 'you have no calendar feed');
  await deps.audit.append({ type: 'event.feed-revoked', actorId: actor.id, state: actor.state, subjectId: actor.id });
  return { active: false, language: null, createdAt: null };
}

/** The person's events: their domains' (a national admin: the state's; the secretariat: all), those they host or are registered for. */
async function eventsFor(deps: EventsDeps, user: User): Promise<CalendarEvent[]> {
  const from = new Date(deps.clock.now().getTime() - FEED_PAST_MS);
  if (user.role === 'network-admin') return deps.events.list({ from });
  const snapshot = await deps.index.snapshot();
  const domains =
    user.role === 'national-admin'
      ? user.state
        ? (snapshot.states.get(user.state)?.domains ?? [])
        : []
      : user.domains;
  const registered = await deps.participants.eventIdsOfUser(user.id);
  const all = [
    ...(await deps.events.list({ from, domainsAny: domains })),
    ...(registered.length > 0 ? await deps.events.list({ from, ids: registered }) : []),
  ];
  if (user.role === 'national-admin' && user.state)
    all.push(...(await deps.events.list({ from })).filter((event) => event.hostState === user.state));
  const unique = new Map(all.map((event) => [event.id, event]));
  return [...unique.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** The feed behind a token, or `calendar-feed.not-found` (also for a suspended or removed account). */
export async function feedIcs(deps: EventsDeps, token: string): Promise<string> {
  const feed = await deps.feeds.byTokenHash(hashToken(token));
  const user = feed ? await deps.users.findById(feed.userId) : undefined;
  if (!feed || !user || user.status !== 'active')
    throw new AppError('calendar-feed.not-found', 'no such calendar feed');
  return calendarIcs(await eventsFor(deps, user), feed.language, deps.publicOrigin());
}
