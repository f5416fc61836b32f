import { AppError } from '../../../shared/errors.js';
import { RING_NETWORK, ringOfState, type RingHolder } from '../../../shared/schemas/travel-documents.js';
import type { User } from '../accounts/ports/users.js';
import type { TravelDocumentsDeps } from './travel-documents-deps.js';

/** The domains whose focal points list and screen. */
export const SCREENING_DOMAINS: readonly string[] = ['border', 'law-enforcement'];

/** Who takes part now: the participating member states and their holders. */
export interface Scheme {
  participating: ReadonlySet<string>;
  holdersByState: ReadonlyMap<string, RingHolder[]>;
}

type Reason = { en: string; ru: string };

const REASONS = {
  secretariat: {
    en: 'The secretariat runs the scheme but holds no screening key: it never sees a document number.',
    ru: 'Секретариат обеспечивает работу системы, но не имеет ключа проверки: номера документов ему недоступны.',
  },
  admin: {
    en: 'National admins decide whether their state takes part but hold no screening key.',
    ru: 'Национальные администраторы решают, участвует ли их государство, но не имеют ключа проверки.',
  },
  notParticipating: {
    en: 'Your state does not take part in the screening: its national admins decide.',
    ru: 'Ваше государство не участвует в проверке: решение принимают его национальные администраторы.',
  },
  domain: {
    en: 'Only focal points serving border control or law enforcement take part.',
    ru: 'В проверке участвуют только контактные лица по пограничному контролю или правоохранительной деятельности.',
  },
  keys: {
    en: 'Your keys have not been verified by an administrator yet.',
    ru: 'Ваши ключи ещё не подтверждены администратором.',
  },
  inactive: { en: 'Your account is not active.', ru: 'Ваша учётная запись не активна.' },
} satisfies Record<string, Reason>;

export async function participatingStates(
  deps: Pick<TravelDocumentsDeps, 'participation' | 'index'>,
): Promise<Set<string>> {
  const members = (await deps.index.snapshot()).states;
  return new Set(
    (await deps.participation.all())
      .filter((entry) => entry.participating && members.has(entry.state))
      .map((entry) => entry.state),
  );
}

/**
 * The holders now: active focal points with admin-verified keys who serve border or law
 * enforcement for a participating state (the directory index lists only active focal points,
 * with the domains their state takes part in).
 */
export async function currentScheme(deps: Pick<TravelDocumentsDeps, 'participation' | 'index'>): Promise<Scheme> {
  const participating = await participatingStates(deps);
  const holdersByState = new Map<string, RingHolder[]>();
  for (const record of (await deps.index.snapshot()).records) {
    const { user } = record;
    const keys = user.keys;
    if (!user.state || !participating.has(user.state) || !keys?.verifiedAt) continue;
    if (!record.domains.some((domain) => SCREENING_DOMAINS.includes(domain))) continue;
    const holder: RingHolder = {
      userId: user.id,
      state: user.state,
      keyVersion: keys.keyVersion,
      keys: {
        identityKey: keys.identityKey,
        encryptionKey: keys.encryptionKey,
        encryptionKeySig: keys.encryptionKeySig,
      },
    };
    holdersByState.set(user.state, [...(holdersByState.get(user.state) ?? []), holder]);
  }
  for (const list of holdersByState.values()) list.sort((a, b) => a.userId.localeCompare(b.userId));
  return { participating, holdersByState };
}

/** The holders of a ring: every participating state's for the network's, a state's own for its ring. */
export function ringHolders(scheme: Scheme, ring: string): RingHolder[] {
  if (ring === RING_NETWORK) return [...scheme.holdersByState.values()].flat();
  const state = /^state:([A-Z]{2})$/.exec(ring)?.[1];
  return state ? (scheme.holdersByState.get(state) ?? []) : [];
}

export function holderOf(scheme: Scheme, actor: User): RingHolder | undefined {
  return actor.state ? scheme.holdersByState.get(actor.state)?.find((h) => h.userId === actor.id) : undefined;
}

/** Why the actor is not a holder (null when they are). */
export function notHolderReason(scheme: Scheme, actor: User, holder: RingHolder | undefined): Reason | null {
  if (holder) return null;
  if (actor.status !== 'active') return REASONS.inactive;
  if (!actor.state) return REASONS.secretariat;
  if (actor.role !== 'focal-point') return REASONS.admin;
  if (!scheme.participating.has(actor.state)) return REASONS.notParticipating;
  if (!actor.keys?.verifiedAt) return REASONS.keys;
  return REASONS.domain;
}

/** Refuses anyone but a holder, saying why; answers the scheme and the caller as a holder. */
export async function requireHolder(
  deps: Pick<TravelDocumentsDeps, 'participation' | 'index'>,
  actor: User,
): Promise<{ scheme: Scheme; me: RingHolder & { state: string } }> {
  const scheme = await currentScheme(deps);
  const me = holderOf(scheme, actor);
  if (!me) throw new AppError('travel-documents.not-holder', notHolderReason(scheme, actor, me)?.en ?? 'not a holder');
  return { scheme, me };
}

/** The rings a holder holds: the network's and their state's. */
export const ringsOf = (state: string): string[] => [RING_NETWORK, ringOfState(state)];
