import { publishedSummary } from '../../../shared/policy/index.js';
import type { FullPolicyView, PolicyVersionSummary, PublishedPolicyView } from '../../../shared/schemas/policy-api.js';
import type { DefaultEffect, PolicyBody } from '../../../shared/schemas/policy.js';
import type { AwaitingPolicyVersion } from './cosign-ports.js';
import type { PolicyVersionMeta } from './ports.js';
import type { LoadedPolicy } from './policy-store.js';

const signerOf = (meta: Pick<PolicyVersionMeta, 'signedBy' | 'signerIdentityKey' | 'signerKeyVersion'>) => ({
  userId: meta.signedBy,
  identityKey: meta.signerIdentityKey,
  keyVersion: meta.signerKeyVersion,
});

const cosignatureOf = (meta: PolicyVersionMeta): Pick<FullPolicyView, 'cosignature'> =>
  meta.cosignature
    ? {
        cosignature: {
          signature: meta.cosignature.signature,
          signedBy: signerOf(meta.cosignature),
          at: meta.cosignature.at.toISOString(),
        },
      }
    : {};

/** The state's own view: every rule, with what is needed to re-check the signature. */
export function toFullView(policy: Pick<LoadedPolicy, 'meta' | 'body'>): FullPolicyView {
  return {
    scope: 'full',
    policy: policy.body,
    signature: policy.meta.signature,
    signedBy: signerOf(policy.meta),
    createdAt: policy.meta.createdAt.toISOString(),
    ...cosignatureOf(policy.meta),
  };
}

/** A version waiting for its second signature, for the state's national admins to review. */
export function toAwaitingView(meta: AwaitingPolicyVersion, body: PolicyBody): FullPolicyView {
  return {
    scope: 'full',
    policy: body,
    signature: meta.signature,
    signedBy: signerOf(meta),
    createdAt: meta.createdAt.toISOString(),
    awaitingCosignature: { expiresAt: meta.expiresAt.toISOString() },
  };
}

/** Other states' view: published rules only; neither unpublished rules nor their number. */
export function toPublishedView(policy: LoadedPolicy): PublishedPolicyView {
  return {
    scope: 'published',
    state: policy.body.state,
    version: policy.body.version,
    defaultEffect: policy.body.defaultEffect,
    rules: publishedSummary(policy.body),
    createdAt: policy.meta.createdAt.toISOString(),
  };
}

export function toVersionSummary(meta: PolicyVersionMeta, currentVersion: number): PolicyVersionSummary {
  return {
    version: meta.version,
    defaultEffect: meta.defaultEffect as DefaultEffect,
    ruleCount: meta.ruleCount,
    publishedRuleCount: meta.publishedRuleCount,
    signedBy: signerOf(meta),
    ...(meta.cosignature ? { cosignedBy: signerOf(meta.cosignature) } : {}),
    createdAt: meta.createdAt.toISOString(),
    current: meta.version === currentVersion,
  };
}
