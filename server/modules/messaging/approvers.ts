import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import { AppError } from '../../../shared/errors.js';
import type { Decision } from '../../../shared/policy/index.js';
import type { Approver, ApproversRequired } from '../../../shared/schemas/approvers.js';
import type { User } from '../accounts/ports/users.js';
import { holdingStatesOf } from '../policies/approvals.js';
import type { MessagingDeps } from './messaging-deps.js';

type KeyedUser = User & { keys: NonNullable<User['keys']> };

/** Active national admins of the states, with keys their network admin verified: the only people a held exchange is sealed to besides its parties. */
async function approverUsers(deps: MessagingDeps, states: readonly string[]): Promise<KeyedUser[]> {
  const lists = await Promise.all(
    states.map((state) => deps.users.list({ state, role: 'national-admin', status: 'active' })),
  );
  return lists.flat().filter((user): user is KeyedUser => Boolean(user.keys?.verifiedAt));
}

const toApprover = (user: KeyedUser): Approver => ({
  userId: user.id,
  state: user.state ?? '',
  displayName: user.displayName,
  keyVersion: user.keys.keyVersion,
  keys: {
    identityKey: user.keys.identityKey,
    encryptionKey: user.keys.encryptionKey,
    encryptionKeySig: user.keys.encryptionKeySig,
  },
});

const sameSet = (named: ReadonlyMap<string, string>, eligible: ReadonlyMap<string, string>): boolean =>
  named.size === eligible.size && [...eligible].every(([userId, state]) => named.get(userId) === state);

/**
 * The envelope's approvers against the decision: a held exchange names exactly the active national
 * admins (verified keys) of its holding states, so each of them can read what they release; one
 * that is not held names none, so content never reaches admins who have nothing to decide.
 * Anything else is refused before a thing is stored, with the list to seal to in the details, so
 * the client re-seals and re-sends with the same msgId (the sender learns the holding states
 * anyway once the exchange is held). Clients seal without approvers first: a send that is not
 * held costs one round trip, a held one two.
 *
 * Edge kept on purpose: when no holding state has an active national admin with verified keys,
 * the exchange is held without approvers (an admin who approves it later decides without reading
 * it); refusing it would block the sender for an administrative gap they cannot fix.
 */
export async function checkApprovers(deps: MessagingDeps, envelope: Envelope, decision: Decision): Promise<void> {
  const named = new Map(
    (envelope.header.approvers ?? []).map((approver) => [approver.userId, approver.state as string]),
  );
  const holdingStates = decision.effect === 'approve' ? holdingStatesOf(decision) : [];
  const eligible = holdingStates.length > 0 ? await approverUsers(deps, holdingStates) : [];
  if (sameSet(named, new Map(eligible.map((user) => [user.id, user.state ?? ''])))) return;
  const details: ApproversRequired = { holdingStates, approvers: eligible.map(toApprover) };
  const message =
    eligible.length > 0
      ? `this exchange is held for approval by ${holdingStates.join(', ')}: seal it to exactly the approvers listed and send it again with the same msgId`
      : 'this exchange is not held for approval (or nobody can approve it yet): send it without approvers';
  throw new AppError(
    'message.approvers-required',
    message,
    [{ path: ['envelope', 'header', 'approvers'], message: `must name exactly ${eligible.length} approver(s)` }],
    details,
  );
}
