import { verifyPolicySignature } from '../../../shared/crypto/verify-policy-signature.js';
import { AppError } from '../../../shared/errors.js';
import type { FullPolicyView } from '../../../shared/schemas/policy-api.js';
import { PolicyBody } from '../../../shared/schemas/policy.js';
import type { User } from '../accounts/ports/users.js';
import { authorize } from '../accounts/authorize.js';
import { awaitingState, type AwaitingStatus } from './awaiting-versions.js';
import type { AwaitingPolicyVersion } from './cosign-ports.js';
import type { PoliciesDeps } from './policies-deps.js';
import { toFullView } from './policy-views.js';

function refusal(status: Exclude<AwaitingStatus, 'open'>, awaiting: AwaitingPolicyVersion): AppError {
  const what = `version ${awaiting.version} of ${awaiting.state}'s policy`;
  switch (status) {
    case 'expired':
      return new AppError(
        'policy.cosignature-expired',
        `${what} waited for a second signature until ${awaiting.expiresAt.toISOString()} and expired: it must be published again`,
      );
    case 'superseded':
      return new AppError(
        'policy.superseded',
        `${what} you signed was superseded by a newer publication: review and sign the version waiting now`,
      );
    case 'in-force':
      return new AppError('policy.version-conflict', `${what} was co-signed already and is in force`);
  }
}

async function signedCandidate<T extends { awaiting: AwaitingPolicyVersion }>(
  candidates: readonly T[],
  signature: string,
  identityKey: string,
): Promise<T | undefined> {
  for (const candidate of candidates) {
    const body = PolicyBody.parse(JSON.parse(candidate.awaiting.bodyJson));
    if (await verifyPolicySignature(body, signature, identityKey)) return candidate;
  }
  return undefined;
}

/**
 * The second national admin's signature on a version waiting for one. Checked exactly like the
 * first (the signer may write this state's policy; the signature verifies against their current,
 * verified identity key over the same signed bytes), and the signer must be another admin than
 * the first. The co-signed version is then stored with both signatures and put in force, the same
 * way a single-signature version is; of two co-signers the unique (state, version) insert lets one win.
 */
export async function cosignPolicy(
  deps: PoliciesDeps,
  actor: User,
  state: string,
  version: number,
  signature: string,
): Promise<FullPolicyView> {
  if (!(await deps.isMemberState(state))) throw new AppError('state.unknown', `${state} is not a member state`);
  authorize(actor, 'policy:write', { state });
  const { versions } = await awaitingState(deps, state);
  const candidates = versions.filter(({ awaiting }) => awaiting.version === version);
  if (candidates.length === 0) {
    throw new AppError('policy.not-found', `no version ${version} of ${state}'s policy waits for a second signature`);
  }

  // Several bodies may have waited for this number: the signature says which one was reviewed.
  const keys = actor.keys?.verifiedAt ? actor.keys : undefined;
  const signed = keys ? await signedCandidate(candidates, signature, keys.identityKey) : undefined;
  if (!signed || !keys) {
    await deps.audit.append({
      type: 'policy.signature-rejected',
      actorId: actor.id,
      state,
      data: { version, keyVersion: actor.keys?.keyVersion ?? null, cosignature: true },
    });
    throw new AppError(
      'policy.signature-invalid',
      'the co-signature does not verify against your current identity key: sign exactly the waiting version with your current key',
    );
  }
  const { awaiting, status } = signed;
  if (awaiting.signedBy === actor.id) {
    throw new AppError(
      'policy.same-signer',
      `you signed version ${version} of ${state}'s policy already: a different national admin of ${state} must co-sign it`,
    );
  }
  if (status !== 'open') throw refusal(status, awaiting);

  const now = deps.clock.now();
  const cosignature = {
    signature,
    signedBy: actor.id,
    signerIdentityKey: keys.identityKey,
    signerKeyVersion: keys.keyVersion,
    at: now,
  };
  const { id: _id, expiresAt: _expiresAt, expiredAt: _expiredAt, ...first } = awaiting;
  const stored = { ...first, cosignature };
  if (!(await deps.policies.insertVersion(stored))) {
    // Another admin co-signed it, or a single-signature publication took this number, first.
    const winner = await deps.policies.findVersion(state, version);
    throw refusal(winner?.signature === awaiting.signature ? 'in-force' : 'superseded', awaiting);
  }
  await deps.policies.putInForce(state, version, now);
  deps.onPublished(state);
  await deps.audit.append({
    type: 'policy.cosigned',
    actorId: actor.id,
    state,
    subjectId: `${state}:${version}`,
    data: {
      version,
      signedBy: awaiting.signedBy,
      cosignedBy: actor.id,
      keyVersion: awaiting.signerKeyVersion,
      cosignerKeyVersion: cosignature.signerKeyVersion,
      ruleCount: awaiting.ruleCount,
      publishedRuleCount: awaiting.publishedRuleCount,
      defaultEffect: awaiting.defaultEffect,
    },
  });
  const { bodyJson, ...meta } = stored;
  return toFullView({ meta, body: PolicyBody.parse(JSON.parse(bodyJson)) });
}
