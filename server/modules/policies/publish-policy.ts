import { canonicalJson } from '../../../shared/crypto/canonical-json.js';
import { verifyPolicySignature } from '../../../shared/crypto/verify-policy-signature.js';
import { AppError } from '../../../shared/errors.js';
import { publishedSummary } from '../../../shared/policy/index.js';
import type { FullPolicyView, PublishPolicyRequest } from '../../../shared/schemas/policy-api.js';
import type { PolicyBody } from '../../../shared/schemas/policy.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import type { PoliciesDeps } from './policies-deps.js';
import { toAwaitingView, toFullView } from './policy-views.js';
import { requiresTwoSignatures } from './policy-signing.js';
import type { StoredPolicyVersion } from './ports.js';

function versionConflict(state: string, version: number, current: number): AppError {
  const next = current + 1;
  const why =
    version <= current
      ? `version ${version} of ${state} is published already`
      : `version ${version} would skip versions`;
  return new AppError('policy.version-conflict', `${why}: the current version is ${current}, so sign version ${next}`);
}

/**
 * Stores a new version of a state's policy, signed in the browser by one of the state's national
 * admins; in force at once, or (where the state requires two signatures) once another admin co-signs it. Checked: the signer may write this state's policy; the signature verifies against the
 * signer's current, verified identity key; the version is exactly the current one + 1. Of two
 * publishers of the same version the unique (state, version) index lets one win.
 */
export async function publishPolicy(
  deps: PoliciesDeps,
  actor: User,
  state: string,
  input: PublishPolicyRequest,
): Promise<FullPolicyView> {
  if (!(await deps.isMemberState(state))) throw new AppError('state.unknown', `${state} is not a member state`);
  authorize(actor, 'policy:write', { state });
  return storeSignedPolicy(deps, actor, state, input);
}

/**
 * publishPolicy without the role check, for the demo seed (whose admins have no TOTP yet): every
 * other check still applies, the signature against the signer's verified key above all.
 */
export async function storeSignedPolicy(
  deps: PoliciesDeps,
  actor: User,
  state: string,
  input: PublishPolicyRequest,
): Promise<FullPolicyView> {
  const { policy, signature } = input;
  if (policy.state !== state) {
    throw new AppError('validation.failed', `this is ${state}'s policy`, [
      { path: ['body', 'policy', 'state'], message: `must be ${state}` },
    ]);
  }
  const keys = actor.keys;
  if (!keys?.verifiedAt || !(await verifyPolicySignature(policy, signature, keys.identityKey))) {
    await deps.audit.append({
      type: 'policy.signature-rejected',
      actorId: actor.id,
      state,
      data: { version: policy.version, keyVersion: keys?.keyVersion ?? null },
    });
    throw new AppError(
      'policy.signature-invalid',
      'the signature does not verify against your current identity key: sign exactly this policy with your current key',
    );
  }
  const named = policy.rules.flatMap((rule) => rule.domains ?? []);
  if (named.length > 0) await deps.requireKnownDomains(named, ['body', 'policy', 'rules']);
  const current = await deps.policies.currentVersion(state);
  if (policy.version !== current + 1) throw versionConflict(state, policy.version, current);

  const now = deps.clock.now();
  const meta = {
    state,
    version: policy.version,
    defaultEffect: policy.defaultEffect,
    ruleCount: policy.rules.length,
    publishedRuleCount: publishedSummary(policy).length,
    signature,
    signedBy: actor.id,
    signerIdentityKey: keys.identityKey,
    signerKeyVersion: keys.keyVersion,
    createdAt: now,
  };
  if (await requiresTwoSignatures(deps, state))
    return storeAwaiting(deps, actor, { ...meta, bodyJson: canonicalJson(policy) }, policy);
  const stored = await deps.policies.insertVersion({ ...meta, bodyJson: canonicalJson(policy) });
  // Either way this version goes in force: a lost race helps the winner, and a publish
  // interrupted between the two inserts is finished by the next attempt.
  await deps.policies.putInForce(state, policy.version, now);
  deps.onPublished(state);
  if (!stored) throw versionConflict(state, policy.version, policy.version);

  await deps.audit.append({
    type: 'policy.published',
    actorId: actor.id,
    state,
    subjectId: `${state}:${policy.version}`,
    data: {
      version: policy.version,
      ruleCount: meta.ruleCount,
      publishedRuleCount: meta.publishedRuleCount,
      defaultEffect: policy.defaultEffect,
      keyVersion: keys.keyVersion,
    },
  });
  return toFullView({ meta, body: policy });
}

/**
 * Where the state requires two signatures: the version is stored as waiting (the version in force
 * stays in force), and the state's national admins hear that it needs a second signature.
 */
async function storeAwaiting(
  deps: PoliciesDeps,
  actor: User,
  version: StoredPolicyVersion,
  policy: PolicyBody,
): Promise<FullPolicyView> {
  const expiresAt = new Date(version.createdAt.getTime() + deps.cosignTtlMs);
  const awaiting = await deps.cosign.insertAwaiting({ ...version, expiresAt });
  await deps.audit.append({
    type: 'policy.awaiting-cosignature',
    actorId: actor.id,
    state: version.state,
    subjectId: `${version.state}:${version.version}`,
    data: {
      version: version.version,
      ruleCount: version.ruleCount,
      publishedRuleCount: version.publishedRuleCount,
      defaultEffect: version.defaultEffect,
      keyVersion: version.signerKeyVersion,
      expiresAt: expiresAt.toISOString(),
    },
  });
  deps.cosignNotifier.awaiting(version.state, {
    id: awaiting.id,
    version: version.version,
    signedBy: actor.id,
    expiresAt,
  });
  return toAwaitingView(awaiting, policy);
}
