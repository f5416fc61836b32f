import type { Envelope } from '../../../shared/crypto/envelope-format.js';
import { AppError } from '../../../shared/errors.js';
import type { Decision } from '../../../shared/policy/index.js';
import type { Approver, ApproversRequest, ApproversView } from '../../../shared/schemas/approvers.js';
import type { User } from '../../db/repositories/users.repository.js';
import { authorize } from '../accounts/authorize.js';
import { holdingStatesOf } from '../policies/approvals.js';
import type { MessagingDeps } from './messaging-deps.js';

/** Active national admins of the states, with keys their network admin verified: the only people a held exchange is sealed to besides its parties. */
async function approverUsers(deps: MessagingDeps, states: readonly string[]): Promise<User[]> {
  const lists = await Promise.all(states.map((state) => deps.users.list({ state, role: 'national-admin', status: 'active' })));
  return lists.flat().filter((user) => user.keys?.verifiedAt);
}

const toApprover = (user: User & { keys: NonNullable<User['keys']> }): Approver => ({
  userId: user.id, state: user.state ?? '', displayName: user.displayName, keyVersion: user.keys.keyVersion,
  keys: { identityKey: user.keys.identityKey, encryptionKey: user.keys.encryptionKey, encryptionKeySig: user.keys.encryptionKeySig },
});

/**
 * Before sealing: would this exchange be held, and by whom? The sender seals a key to each
 * approver so they read what they release. The decision is not audited (nothing is relayed);
 * it names the holding states, which the sender learns anyway once the exchange is held.
 */
export async function approversFor(deps: MessagingDeps, actor: User, input: ApproversRequest): Promise<ApproversView> {
  authorize(actor, 'exchange:approvers');
  if (!actor.state) throw new AppError('auth.forbidden', 'only focal points exchange messages');
  const decision = await deps.policy.decideExchange({ labels: input.labels, kind: input.kind, fromState: actor.state, toStates: input.toStates, at: deps.clock.now(), preview: true });
  if (decision.effect !== 'approve') return { effect: decision.effect, holdingStates: [], approvers: [] };
  const holdingStates = holdingStatesOf(decision);
  const users = await approverUsers(deps, holdingStates);
  return { effect: decision.effect, holdingStates, approvers: users.map((user) => toApprover(user as User & { keys: NonNullable<User['keys']> })) };
}

/**
 * The envelope's approvers, if any, against the decision: a held exchange names exactly the
 * active national admins (verified keys) of its holding states, so each of them can read it; one
 * that is not held names none, so content never reaches admins who have nothing to decide.
 */
export async function checkApprovers(deps: MessagingDeps, envelope: Envelope, decision: Decision): Promise<void> {
  const approvers = envelope.header.approvers;
  if (approvers === undefined) return;
  if (decision.effect !== 'approve') throw new AppError('message.approvers-invalid', 'this exchange is not held for approval: send it without approvers', [{ path: ['envelope', 'header', 'approvers'], message: 'must be absent' }]);
  const holdingStates = holdingStatesOf(decision);
  const allowed = new Map((await approverUsers(deps, holdingStates)).map((user) => [user.id, user.state]));
  for (const [i, approver] of approvers.entries()) {
    if (allowed.get(approver.userId) !== approver.state) {
      throw new AppError('message.approvers-invalid', `approver ${approver.userId} is not an active national admin of a holding state (${holdingStates.join(', ')}) with verified keys`, [{ path: ['envelope', 'header', 'approvers', i], message: 'not an approver' }]);
    }
  }
  const named = new Set(approvers.map((approver) => approver.userId));
  const missing = [...allowed.keys()].filter((userId) => !named.has(userId));
  if (missing.length > 0) throw new AppError('message.approvers-invalid', `the approvers changed: ask who approves again and seal to all of them (missing ${missing.join(', ')})`, [{ path: ['envelope', 'header', 'approvers'], message: 'incomplete' }]);
}
