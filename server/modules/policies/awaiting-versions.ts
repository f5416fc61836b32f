import { AppError } from '../../../shared/errors.js';
import type { FullPolicyView } from '../../../shared/schemas/policy-api.js';
import { PolicyBody } from '../../../shared/schemas/policy.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import type { AwaitingPolicyVersion } from './cosign-ports.js';
import type { PoliciesDeps } from './policies-deps.js';
import { toAwaitingView } from './policy-views.js';

/** Where a waiting version stands now. */
export type AwaitingStatus = 'open' | 'expired' | 'superseded' | 'in-force';

export interface AwaitingState {
  /** Newest first, each with its status. */
  versions: Array<{ awaiting: AwaitingPolicyVersion; status: AwaitingStatus }>;
  /** The version in force (0: none). */
  current: number;
}

/**
 * Records, once, that a waiting version expired (a lazy sweep: whoever looks first after the
 * deadline records it, and the audit entry follows the one winning insert).
 */
async function recordExpiry(deps: PoliciesDeps, awaiting: AwaitingPolicyVersion): Promise<void> {
  if (awaiting.expiredAt) return;
  if (!(await deps.cosign.markExpired(awaiting.id, deps.clock.now()))) return;
  await deps.audit.append({
    type: 'policy.cosignature-expired',
    actorId: null,
    state: awaiting.state,
    subjectId: `${awaiting.state}:${awaiting.version}`,
    data: { version: awaiting.version, signedBy: awaiting.signedBy, expiresAt: awaiting.expiresAt.toISOString() },
  });
}

/**
 * A state's waiting versions and their status. Only the newest one for version current + 1 can
 * still be co-signed: a newer publication supersedes it, and so does any version put in force.
 */
export async function awaitingState(deps: PoliciesDeps, state: string): Promise<AwaitingState> {
  const [all, current] = await Promise.all([deps.cosign.listAwaiting(state), deps.policies.currentVersion(state)]);
  const now = deps.clock.now();
  const inForce = await deps.policies.findVersion(state, current);
  const versions = await Promise.all(
    all.map(async (awaiting, index) => {
      const newest = index === 0;
      let status: AwaitingStatus;
      if (awaiting.version <= current) {
        status =
          inForce?.cosignature && awaiting.version === current && awaiting.signature === inForce.signature
            ? 'in-force'
            : 'superseded';
      } else if (!newest || awaiting.version !== current + 1) status = 'superseded';
      else status = awaiting.expiredAt || awaiting.expiresAt <= now ? 'expired' : 'open';
      if (status === 'expired') await recordExpiry(deps, awaiting);
      return { awaiting, status };
    }),
  );
  return { versions, current };
}

/** The version waiting for a second signature, if any (for the state's national admins). */
export async function listAwaitingVersions(deps: PoliciesDeps, actor: User, state: string): Promise<FullPolicyView[]> {
  if (!(await deps.isMemberState(state))) throw new AppError('state.unknown', `${state} is not a member state`);
  authorize(actor, 'policy:history', { state });
  const { versions } = await awaitingState(deps, state);
  return versions
    .filter(({ status }) => status === 'open')
    .map(({ awaiting }) => toAwaitingView(awaiting, PolicyBody.parse(JSON.parse(awaiting.bodyJson))));
}
