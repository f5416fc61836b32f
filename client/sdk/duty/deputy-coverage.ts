import type { EntryView } from '../../../shared/schemas/directory.js';
import { isApiError } from '../api-error.js';
import type { DirectoryApi } from '../api/directory-api.js';

/** Why an away recipient's deputy was not added: tell the sender, send anyway. */
export type DeputySkipped =
  /** The person's state does not show its deputies to the sender's state. */
  | 'withheld'
  /** The deputy does not serve the exchange's domain (the relay would refuse them). */
  | 'not-in-domain'
  /** The deputy left the directory or is away too. */
  | 'unavailable';

/** "X is away until …; Y (deputy) will also receive this", or why Y will not. */
export interface AwayNotice {
  readonly userId: string;
  readonly name: string;
  readonly until: string | null;
  readonly deputy?: { readonly userId: string; readonly name: string };
  readonly skipped?: DeputySkipped;
}

export interface DeputyCoverage {
  /** Deputies to add as recipients (none of them already a recipient). */
  readonly deputies: string[];
  /** One per recipient away now. */
  readonly away: AwayNotice[];
}

async function entryOrUndefined(directory: DirectoryApi, userId: string): Promise<EntryView | undefined> {
  try {
    return await directory.entry(userId);
  } catch (error) {
    if (isApiError(error) && error.code === 'directory.not-found') return undefined;
    throw error;
  }
}

/**
 * Which of `to` are away now and who stands in for them in `domain`, read fresh from the
 * directory: the sender's client seals to the deputies too, since the relay cannot.
 */
export async function deputyCoverage(
  directory: DirectoryApi,
  to: readonly string[],
  domain: string,
): Promise<DeputyCoverage> {
  const deputies: string[] = [];
  const away: AwayNotice[] = [];
  for (const userId of new Set(to)) {
    const entry = await entryOrUndefined(directory, userId);
    if (!entry?.away?.active) continue;
    const notice = { userId, name: entry.name.en, until: entry.away.until };
    const named = entry.away.deputy;
    if (!named) {
      away.push({ ...notice, skipped: 'withheld' });
      continue;
    }
    const deputy = await entryOrUndefined(directory, named.userId);
    const skipped: DeputySkipped | undefined =
      !deputy || deputy.away?.active
        ? 'unavailable'
        : !(deputy.domains as readonly string[]).includes(domain)
          ? 'not-in-domain'
          : undefined;
    away.push({ ...notice, deputy: named, ...(skipped ? { skipped } : {}) });
    if (!skipped && !to.includes(named.userId) && !deputies.includes(named.userId)) deputies.push(named.userId);
  }
  return { deputies, away };
}
