import { AppError } from '../../../shared/errors.js';
import type {
  CircularReadResult,
  ReceivedCirculars,
  SentCircular,
  SentCirculars,
  StateTally,
} from '../../../shared/schemas/circulars.js';
import { CIRCULARS_PAGE_LIMIT } from '../../../shared/schemas/circulars.js';
import { SECRETARIAT_STATE } from '../../../shared/schemas/labels.js';
import type { User } from '../accounts/ports/users.js';
import type { CircularsDeps } from './circulars-deps.js';
import type { CircularCopy, StoredCircular } from './ports.js';

/** My circulars, unread first then newest first, each with the sender's key bundle to verify it with. */
export async function receivedCirculars(deps: CircularsDeps, actor: User): Promise<ReceivedCirculars> {
  const { copies, unread } = await deps.circulars.received(actor.id, CIRCULARS_PAGE_LIMIT);
  const circulars = new Map(
    (await deps.circulars.findMany(copies.map((copy) => copy.circularId))).map((c) => [c.id, c]),
  );
  return {
    unread,
    circulars: copies.flatMap((copy) => {
      const circular = circulars.get(copy.circularId);
      if (!circular) return [];
      return [
        {
          id: circular.id,
          envelope: circular.envelope,
          sender: circular.sender,
          audience: circular.audience,
          conditions: circular.conditions[copy.state] ?? {},
          storedAt: circular.storedAt.toISOString(),
          readAt: copy.readAt?.toISOString() ?? null,
        },
      ];
    }),
  };
}

function tallyOf(copies: readonly CircularCopy[]): StateTally[] {
  const byState = new Map<string, StateTally>();
  for (const copy of copies) {
    const tally = byState.get(copy.state) ?? { state: copy.state, recipients: 0, read: 0 };
    tally.recipients += 1;
    if (copy.readAt) tally.read += 1;
    byState.set(copy.state, tally);
  }
  return [...byState.values()].sort((a, b) => a.state.localeCompare(b.state));
}

function sentView(actor: User, circular: StoredCircular, copies: readonly CircularCopy[]): SentCircular {
  const tally = tallyOf(copies);
  // "Read in X of Y states": the secretariat's own members are no state.
  const states = tally.filter((t) => t.state !== SECRETARIAT_STATE);
  return {
    id: circular.id,
    senderId: circular.senderId,
    senderState: circular.senderState,
    audience: circular.audience,
    labels: circular.envelope.header.labels,
    storedAt: circular.storedAt.toISOString(),
    ...(circular.senderId === actor.id ? { envelope: circular.envelope } : {}),
    tally,
    statesRead: states.filter((t) => t.read > 0).length,
    statesReached: states.length,
    leftOut: circular.leftOut,
  };
}

/** Who reads the tallies of whose circulars: the secretariat every one, a national admin their state's. */
function senderFilter(actor: User): { senderState?: string | null } {
  if (actor.status === 'active' && actor.role === 'network-admin') return {};
  if (actor.status === 'active' && actor.role === 'national-admin' && actor.state) return { senderState: actor.state };
  throw new AppError('auth.forbidden', "only the secretariat and national admins read circulars' tallies");
}

/** Circulars sent (all for the secretariat, the state's for a national admin), newest first, with their read tallies. */
export async function sentCirculars(deps: CircularsDeps, actor: User): Promise<SentCirculars> {
  const circulars = await deps.circulars.sent(senderFilter(actor), CIRCULARS_PAGE_LIMIT);
  const copies = await deps.circulars.copiesOf(circulars.map((c) => c.id));
  const byCircular = new Map<string, CircularCopy[]>();
  for (const copy of copies) byCircular.set(copy.circularId, [...(byCircular.get(copy.circularId) ?? []), copy]);
  return { circulars: circulars.map((c) => sentView(actor, c, byCircular.get(c.id) ?? [])) };
}

/** One circular's tally, for its sender's side only (404 to anyone else: its existence is not disclosed). */
export async function sentCircular(deps: CircularsDeps, actor: User, id: string): Promise<SentCircular> {
  const filter = senderFilter(actor);
  const circular = await deps.circulars.findById(id);
  if (!circular || ('senderState' in filter && circular.senderState !== filter.senderState))
    throw new AppError('circular.not-found', 'no such circular among those your side sent');
  return sentView(actor, circular, await deps.circulars.copiesOf([id]));
}

/** Marks a circular addressed to me read: recorded (and audited) once per recipient. */
export async function markCircularRead(deps: CircularsDeps, actor: User, id: string): Promise<CircularReadResult> {
  const now = deps.clock.now();
  const marked = await deps.circulars.markRead(actor.id, id, now);
  if (!marked) throw new AppError('circular.not-found', 'no such circular addressed to you');
  if (marked.first) {
    await deps.audit.append({
      type: 'circular.read',
      actorId: actor.id,
      state: actor.state ?? null,
      subjectId: id,
      data: { circularId: id, readerState: marked.copy.state },
    });
  }
  return { id, readAt: (marked.copy.readAt ?? now).toISOString() };
}
