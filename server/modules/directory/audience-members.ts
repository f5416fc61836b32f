import { mayAddress } from '../../../shared/audience/may-address.js';
import { AppError } from '../../../shared/errors.js';
import type { Audience, AudienceMember } from '../../../shared/schemas/audience.js';
import type { User, UserStore } from '../accounts/ports/users.js';
import type { DirectoryIndex } from './directory-index.js';
import { requireActiveDomains } from './domains.js';

export interface AudienceSources {
  index: Pick<DirectoryIndex, 'snapshot'>;
  users: Pick<UserStore, 'list'>;
}

type KeyedUser = User & { keys: NonNullable<User['keys']> };

/** Only keys an administrator compared (safety number) are sealed to: an unverified key could be the server's. */
const hasVerifiedKeys = (user: User): user is KeyedUser => user.status === 'active' && Boolean(user.keys?.verifiedAt);

const toMember = (user: KeyedUser): AudienceMember => ({
  userId: user.id,
  state: user.state ?? null,
  role: user.role,
  displayName: user.displayName,
  keyVersion: user.keys.keyVersion,
  keys: {
    identityKey: user.keys.identityKey,
    encryptionKey: user.keys.encryptionKey,
    encryptionKeySig: user.keys.encryptionKeySig,
  },
});

/**
 * The members of an audience now, each once, in a stable order (state, then id; the secretariat
 * last). Focal points come from the directory index (active, serving the domain in a state that
 * takes part in it); admins from the accounts. People without verified keys are left out: nothing
 * can be sealed to them yet. `withSecretariat` adds the secretariat's members (the readers of a
 * shelf or a document for comment besides its audience).
 */
export async function audienceMembers(
  sources: AudienceSources,
  audience: Audience,
  options: { withSecretariat?: boolean } = {},
): Promise<AudienceMember[]> {
  const focalPoints = async (domain?: string): Promise<User[]> => {
    const snapshot = await sources.index.snapshot();
    return snapshot.records
      .filter((record) => domain === undefined || record.domains.includes(domain))
      .map((record) => record.user);
  };
  const people: User[] =
    audience.kind === 'domain'
      ? await focalPoints(audience.domain)
      : audience.kind === 'national-admins'
        ? await sources.users.list({ role: 'national-admin', status: 'active' })
        : (
            await Promise.all([
              focalPoints(),
              sources.users.list({ roles: ['national-admin', 'network-admin'], status: 'active' }),
            ])
          ).flat();
  if (options.withSecretariat && audience.kind !== 'everyone')
    people.push(...(await sources.users.list({ role: 'network-admin', status: 'active' })));
  const unique = new Map(people.filter(hasVerifiedKeys).map((user) => [user.id, user]));
  return [...unique.values()]
    .map(toMember)
    .sort((a, b) => (a.state ?? '~').localeCompare(b.state ?? '~') || a.userId.localeCompare(b.userId));
}

/**
 * Refuses (`audience.not-allowed`) an actor who may not address the audience: see `mayAddress`.
 * The actor's state's participation is read from the directory index; a domain must be one of the
 * network's, not retired (`domain.unknown`, `domain.retired`).
 */
export async function assertMayAddress(
  sources: { index: DirectoryIndex },
  actor: User,
  audience: Audience,
): Promise<void> {
  if (audience.kind === 'domain') await requireActiveDomains(sources.index, [audience.domain], ['audience', 'domain']);
  const snapshot = await sources.index.snapshot();
  const participating = actor.state ? (snapshot.states.get(actor.state)?.domains ?? []) : [];
  const verdict = mayAddress(actor, audience, participating);
  if (!verdict.ok)
    throw new AppError('audience.not-allowed', verdict.reason, [{ path: ['audience'], message: verdict.reason }]);
}
