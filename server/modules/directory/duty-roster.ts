import type { Clock } from '../../system/clock.js';
import type { DirectoryIndex, DirectorySnapshot } from './directory-index.js';
import type { Away } from './ports.js';

/** Is this absence under way at `now` (started, not yet ended)? */
export function isAwayAt(away: Away | null | undefined, now: Date): away is Away {
  if (!away) return false;
  const t = now.getTime();
  return away.from.getTime() <= t && (away.until === null || t < away.until.getTime());
}

/** Do two absences share any moment? (An open end runs forever.) */
export function overlaps(a: Pick<Away, 'from' | 'until'>, b: Pick<Away, 'from' | 'until'>): boolean {
  const aEnd = a.until?.getTime() ?? Infinity;
  const bEnd = b.until?.getTime() ?? Infinity;
  return a.from.getTime() < bEnd && b.from.getTime() < aEnd;
}

/**
 * Who stands in for `userId` at `now`: the deputy of their absence under way, if the deputy is
 * still an active focal point (in the directory) and not away themselves. Deputies are not
 * followed further: a deputy away too is shown as such, and nobody stands in for them here.
 */
export function deputiesAt(directory: DirectorySnapshot, userId: string, now: Date): string[] {
  const away = directory.byUserId.get(userId)?.entry?.away;
  if (!isAwayAt(away, now)) return [];
  const deputy = directory.byUserId.get(away.deputyUserId);
  if (!deputy || isAwayAt(deputy.entry?.away, now)) return [];
  return [deputy.user.id];
}

/** The people `deputyId` stands in for at `now`, with when each absence ends. */
export function coveringAt(
  directory: DirectorySnapshot,
  deputyId: string,
  now: Date,
): Array<{ userId: string; until: Date | null }> {
  if (isAwayAt(directory.byUserId.get(deputyId)?.entry?.away, now)) return [];
  return (directory.awayWithDeputy.get(deputyId) ?? [])
    .filter((record) => isAwayAt(record.entry?.away, now))
    .map((record) => ({ userId: record.user.id, until: record.entry?.away?.until ?? null }));
}

/**
 * Who receives someone's new requests and alerts while they are away. The alerts channels
 * (e-mail, webhooks) and the socket pushes ask it at the moment they send.
 */
export interface DutyRoster {
  /** The active deputies covering for `userId` right now (empty when they are present). */
  deputiesOf(userId: string): Promise<string[]>;
}

export function createDutyRoster(index: DirectoryIndex, clock: Clock): DutyRoster {
  return {
    async deputiesOf(userId) {
      return deputiesAt(await index.snapshot(), userId, clock.now());
    },
  };
}
