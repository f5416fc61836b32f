import { AppError } from '../../../shared/errors.js';
import { audienceKey, parseAudienceKey, type Audience, type AudienceMember } from '../../../shared/schemas/audience.js';
import type { User } from '../accounts/ports/users.js';
import { assertMayAddress, audienceMembers } from '../directory/audience-members.js';
import { requireActiveDomains } from '../directory/domains.js';
import type { LibraryDeps } from './library-deps.js';

type Sources = Pick<LibraryDeps, 'index' | 'users'>;

/**
 * The readers of a shelf now: its audience's members and the secretariat, and for a domain's
 * shelf also the national admins of the states taking part in the domain (they publish there and
 * are the natural holders who share the key with newcomers). Only people with admin-verified keys.
 */
export async function shelfReaders(sources: Sources, audience: Audience): Promise<AudienceMember[]> {
  const members = await audienceMembers(sources, audience, { withSecretariat: true });
  if (audience.kind !== 'domain') return members;
  const snapshot = await sources.index.snapshot();
  const admins = (await audienceMembers(sources, { kind: 'national-admins' })).filter(
    (admin) => admin.state !== null && (snapshot.states.get(admin.state)?.domains ?? []).includes(audience.domain),
  );
  const seen = new Set(members.map((member) => member.userId));
  return [...members, ...admins.filter((admin) => !seen.has(admin.userId))];
}

/** The audience named by a shelf key in a path; unknown ones are refused. */
export function shelfAudience(key: string): Audience {
  const audience = parseAudienceKey(key);
  if (!audience) throw new AppError('library.not-found', `no such shelf: ${key}`);
  return audience;
}

/**
 * Who may publish to a shelf: the secretariat any; a national admin what they may address
 * (`assertMayAddress`); a focal point the shelf of a domain they serve (best practices from the
 * field). Refused with `audience.not-allowed`.
 */
export async function assertMayPublish(deps: Sources, actor: User, audience: Audience): Promise<void> {
  if (actor.role === 'focal-point' && actor.status === 'active' && audience.kind === 'domain') {
    await requireActiveDomains(deps.index, [audience.domain], ['audience', 'domain']);
    const record = (await deps.index.snapshot()).byUserId.get(actor.id);
    if (record?.domains.includes(audience.domain)) return;
    throw new AppError('audience.not-allowed', `you do not serve the ${audience.domain} domain`, [
      { path: ['audience'], message: `you do not serve the ${audience.domain} domain` },
    ]);
  }
  await assertMayAddress(deps, actor, audience);
}

export async function mayPublish(deps: Sources, actor: User, audience: Audience): Promise<boolean> {
  try {
    await assertMayPublish(deps, actor, audience);
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/** Refuses (as not found, so nothing is revealed) someone who is not a reader of the shelf now. */
export async function requireReader(deps: Sources, actor: User, audience: Audience): Promise<AudienceMember[]> {
  const readers = await shelfReaders(deps, audience);
  if (!readers.some((reader) => reader.userId === actor.id))
    throw new AppError('library.not-found', `no such shelf: ${audienceKey(audience)}`);
  return readers;
}
