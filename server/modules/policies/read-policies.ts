import { can } from '../../../shared/authz/can.js';
import { AppError } from '../../../shared/errors.js';
import { diffPolicies } from '../../../shared/policy/index.js';
import type {
  CurrentPolicyView,
  FullPolicyView,
  PolicyDiffView,
  PolicyVersionSummary,
  PublishedPolicyView,
} from '../../../shared/schemas/policy-api.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import type { PoliciesDeps } from './policies-deps.js';
import type { LoadedPolicy } from './policy-store.js';
import { toFullView, toPublishedView, toVersionSummary } from './policy-views.js';

async function knownState(deps: PoliciesDeps, state: string): Promise<void> {
  if (!(await deps.isMemberState(state))) throw new AppError('state.unknown', `${state} is not a member state`);
}

const noPolicy = (state: string): AppError =>
  new AppError('policy.not-found', `${state} has not published a disclosure policy`);

/** The policy in force: in full for the state's own people, its published rules for everyone else. */
export async function currentPolicy(deps: PoliciesDeps, actor: User, state: string): Promise<CurrentPolicyView> {
  await knownState(deps, state);
  authorize(actor, 'policy:read-published', { state });
  const policy = (await deps.store.current([state])).get(state);
  if (!policy) throw noPolicy(state);
  return can(actor, 'policy:read', { state }) ? toFullView(policy) : toPublishedView(policy);
}

/** Every state's published rules: what each state restricts, as far as it says so. */
export async function publishedPolicies(deps: PoliciesDeps, actor: User): Promise<PublishedPolicyView[]> {
  authorize(actor, 'policy:read-published');
  const policies = await deps.store.current();
  return [...policies.values()]
    .map(toPublishedView)
    .sort((a, b) => (a.state < b.state ? -1 : a.state > b.state ? 1 : 0));
}

export async function listPolicyVersions(
  deps: PoliciesDeps,
  actor: User,
  state: string,
): Promise<PolicyVersionSummary[]> {
  await knownState(deps, state);
  authorize(actor, 'policy:history', { state });
  const current = await deps.policies.currentVersion(state);
  // A version stored by a publish that has not put it in force yet is not part of the history.
  const versions = (await deps.policies.listVersions(state)).filter((meta) => meta.version <= current);
  return versions.map((meta) => toVersionSummary(meta, current));
}

async function historicVersion(deps: PoliciesDeps, state: string, version: number): Promise<LoadedPolicy> {
  const policy =
    version <= (await deps.policies.currentVersion(state)) ? await deps.store.version(state, version) : undefined;
  if (!policy) throw new AppError('policy.not-found', `${state} has no policy version ${version}`);
  return policy;
}

export async function getPolicyVersion(
  deps: PoliciesDeps,
  actor: User,
  state: string,
  version: number,
): Promise<FullPolicyView> {
  await knownState(deps, state);
  authorize(actor, 'policy:history', { state });
  return toFullView(await historicVersion(deps, state, version));
}

/** What changed from version `from` to version `to` (either order), rule by rule. */
export async function diffPolicyVersions(
  deps: PoliciesDeps,
  actor: User,
  state: string,
  from: number,
  to: number,
): Promise<PolicyDiffView> {
  await knownState(deps, state);
  authorize(actor, 'policy:history', { state });
  const [before, after] = await Promise.all([historicVersion(deps, state, from), historicVersion(deps, state, to)]);
  return { state, from, to, ...diffPolicies(before.body, after.body) };
}
