import { AppError, type ErrorCode } from '../../../shared/errors.js';
import type { UserStore } from '../accounts/ports/users.js';

/**
 * What the library's shelves and the travel documents' key rings share: a random key per epoch,
 * sealed by a client to each member (reader, holder) and stored as grants the server cannot open.
 * The server's part is the bookkeeping: who lacks which epoch, when a new one is needed, and a
 * rotation that either opens the next epoch with every member's grant or leaves nothing behind.
 */

/** A member now: their account and the key version a grant must be sealed to. */
export interface EpochMember {
  userId: string;
  keyVersion: number;
}

/** A stored grant, whatever the container calls its member field. */
export interface EpochGrant {
  epoch: number;
  keyVersion: number;
  grantedBy: string;
  at: Date;
}

export interface EpochKeyStore<G extends EpochGrant> {
  find(key: string): Promise<{ epoch: number } | undefined>;
  /** Moves from epoch `from` to `from + 1`; false when another did first. */
  advance(key: string, from: number, at: Date): Promise<boolean>;
  putGrants(grants: readonly G[]): Promise<number>;
  deleteGrants(key: string, epoch: number, which: { grantedBy: string; at: Date } | { before: Date }): Promise<void>;
}

/** How one kind of container names things: its member field, its words, its error codes. */
export interface EpochVocabulary<F extends string> {
  /** The grant's member field: `readerId`, `holderId`. */
  field: F;
  member: string;
  container: string;
  refused: ErrorCode;
  stale: ErrorCode;
}

type Keyed<F extends string> = Record<F, string> & { keyVersion: number };

/** A rotation's grants older than this, of an epoch that never opened, were abandoned. */
const ABANDONED_ROTATION_MS = 60_000;

/** A grant counts only when sealed to the member's current key: one sealed to a replaced key opens nothing. */
export function holdsEpoch<F extends string>(
  words: EpochVocabulary<F>,
  grants: readonly (Keyed<F> & { epoch: number })[],
  member: EpochMember,
  epoch: number,
): boolean {
  return grants.some(
    (g) => g.epoch === epoch && g[words.field] === member.userId && g.keyVersion === member.keyVersion,
  );
}

/**
 * A new epoch is needed when someone holding the current one is a member no more (removed,
 * suspended, moved off the domain). Members who join only need grants of the existing epochs.
 */
export function rotationNeeded<F extends string>(
  words: EpochVocabulary<F>,
  grants: readonly (Keyed<F> & { epoch: number })[],
  epoch: number,
  members: readonly EpochMember[],
): boolean {
  const current = new Set(members.map((member) => member.userId));
  return grants.some((grant) => grant.epoch === epoch && !current.has(grant[words.field]));
}

/** The epochs each member lacks of those `me` holds: what `me` can share now. */
export function pendingFor<F extends string, M extends EpochMember>(
  words: EpochVocabulary<F>,
  grants: readonly (Keyed<F> & { epoch: number })[],
  mine: readonly { epoch: number }[],
  members: readonly M[],
  me: string,
): { epoch: number; member: M }[] {
  const pending: { epoch: number; member: M }[] = [];
  for (const held of mine)
    for (const member of members)
      if (member.userId !== me && !holdsEpoch(words, grants, member, held.epoch))
        pending.push({ epoch: held.epoch, member });
  return pending;
}

/** Uploaded grants must each name a distinct current member, sealed to their current key version. */
export function checkGrantTargets<F extends string>(
  words: EpochVocabulary<F>,
  uploads: readonly Keyed<F>[],
  members: readonly EpochMember[],
): void {
  const byId = new Map(members.map((member) => [member.userId, member]));
  const seen = new Set<string>();
  uploads.forEach((grant, i) => {
    const refuse = (message: string): never => {
      throw new AppError(words.refused, message, [{ path: ['body', 'grants', i, words.field], message }]);
    };
    const member = byId.get(grant[words.field]);
    if (!member) refuse(`not a ${words.member} of this ${words.container} now`);
    if (member?.keyVersion !== grant.keyVersion) refuse(`not sealed to the ${words.member}'s current key`);
    if (seen.has(grant[words.field])) refuse('named twice');
    seen.add(grant[words.field]);
  });
}

/**
 * Opens the next epoch with a grant for exactly the current members. Refused when the epoch is
 * not the next one (another client rotated first) or a member is missing. Grants first, then
 * the epoch: grants of the next epoch left by a rotation that stopped half-way (its epoch never
 * advanced) are cleared; two rotations at once collide on the grants' ids, and whichever did not
 * store all of its own, or lost the advance, removes exactly its own.
 */
export async function openNextEpoch<F extends string, G extends EpochGrant & Keyed<F>>(
  words: EpochVocabulary<F>,
  store: EpochKeyStore<G>,
  key: string,
  members: readonly EpochMember[],
  input: { epoch: number; grants: readonly G[]; grantedBy: string; at: Date },
): Promise<void> {
  const current = (await store.find(key))?.epoch ?? 0;
  if (input.epoch !== current + 1)
    throw new AppError(words.stale, `the ${words.container} is at epoch ${current}: open epoch ${current + 1}`);
  checkGrantTargets(words, input.grants, members);
  const missing = members.filter((member) => !input.grants.some((grant) => grant[words.field] === member.userId));
  if (missing.length > 0)
    throw new AppError(
      words.refused,
      `the new key must be sealed to every ${words.member} (${missing.length} missing)`,
    );
  const { at, grantedBy } = input;
  await store.deleteGrants(key, input.epoch, { before: new Date(at.getTime() - ABANDONED_ROTATION_MS) });
  const stored = await store.putGrants(input.grants);
  if (stored !== input.grants.length || !(await store.advance(key, current, at))) {
    await store.deleteGrants(key, input.epoch, { grantedBy, at });
    throw new AppError(words.stale, `another client opened a new epoch first: read the ${words.container} again`);
  }
}

/**
 * A holder of an epoch shares it with members lacking it: only a current member holding that
 * epoch may, only for current members without it, once each. Answers how many were stored.
 */
export async function shareEpoch<F extends string, G extends EpochGrant & Keyed<F>>(
  words: EpochVocabulary<F>,
  store: EpochKeyStore<G> & { grantsOf(key: string, epoch?: number): Promise<G[]> },
  key: string,
  me: EpochMember,
  members: readonly EpochMember[],
  input: { epoch: number; grants: readonly G[] },
): Promise<number> {
  const grants = await store.grantsOf(key, input.epoch);
  if (!holdsEpoch(words, grants, me, input.epoch))
    throw new AppError(words.refused, `you do not hold the key of epoch ${input.epoch}`);
  checkGrantTargets(words, input.grants, members);
  const already = input.grants.findIndex((grant) =>
    grants.some((g) => g[words.field] === grant[words.field] && g.keyVersion >= grant.keyVersion),
  );
  if (already >= 0)
    throw new AppError(words.refused, `the ${words.member} already holds this epoch`, [
      { path: ['body', 'grants', already, words.field], message: 'already granted' },
    ]);
  return store.putGrants(input.grants);
}

/** The granter's admin-verified keys, against which a client checks a grant's signature; null when unverified. */
export async function granterKeys(
  users: Pick<UserStore, 'findById'>,
  grantedBy: string,
): Promise<{ identityKey: string; encryptionKey: string; encryptionKeySig: string } | null> {
  const keys = (await users.findById(grantedBy))?.keys;
  return keys?.verifiedAt
    ? { identityKey: keys.identityKey, encryptionKey: keys.encryptionKey, encryptionKeySig: keys.encryptionKeySig }
    : null;
}
