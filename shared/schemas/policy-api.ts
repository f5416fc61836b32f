import { z } from 'zod';
import { IdentityKeyString, SignatureString } from '../crypto/verify-key-bundle.js';
import { Id } from './accounts.js';
import { StateCode } from './labels.js';
import { DefaultEffect, DirectoryFieldRule, PolicyBody, PolicyRule } from './policy.js';

/** A policy version number: 1, 2, … */
export const PolicyVersion = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const StateParams = z.object({ state: StateCode }).strict();
export const StateVersionParams = z.object({ state: StateCode, version: PolicyVersion }).strict();
export const PolicyDiffQuery = z.object({ from: PolicyVersion, to: PolicyVersion }).strict();

/**
 * A new version of the signer's state's policy. `signature`: Ed25519 by the signer's current
 * identity key over `policySignedBytes(policy)` (shared/crypto/verify-policy-signature.ts).
 */
export const PublishPolicyRequest = z.strictObject({ policy: PolicyBody, signature: SignatureString });
export type PublishPolicyRequest = z.infer<typeof PublishPolicyRequest>;

/** Who signed a version, with the key that signed it, so anyone shown the body can re-check it. */
export const PolicySigner = z.object({
  userId: Id,
  identityKey: IdentityKeyString,
  keyVersion: z.number().int().positive(),
});

/**
 * The second national admin's signature of a version that needed two: Ed25519 by the co-signer's
 * identity key over the same `policySignedBytes(policy)` as the first signature.
 */
export const PolicyCosignature = z.object({
  signature: SignatureString,
  signedBy: PolicySigner,
  at: z.iso.datetime(),
});
export type PolicyCosignature = z.infer<typeof PolicyCosignature>;

/** A state's own view of one of its policy versions: every rule, and the signature(s). */
export const FullPolicyView = z.object({
  scope: z.literal('full'),
  policy: PolicyBody,
  signature: SignatureString,
  signedBy: PolicySigner,
  createdAt: z.iso.datetime(),
  /** Present when the state required two signatures for this version and a second admin gave one. */
  cosignature: PolicyCosignature.optional(),
  /** Present while the version waits for its second signature (not in force yet). */
  awaitingCosignature: z.object({ expiresAt: z.iso.datetime() }).optional(),
});
export type FullPolicyView = z.infer<typeof FullPolicyView>;

/**
 * What other states see of a policy: its version, default effect and published rules only.
 * Unpublished rules still apply; their number is not disclosed either.
 */
export const PublishedPolicyView = z.object({
  scope: z.literal('published'),
  state: StateCode,
  version: z.number().int().positive(),
  defaultEffect: DefaultEffect,
  rules: z.array(PolicyRule),
  createdAt: z.iso.datetime(),
});
export type PublishedPolicyView = z.infer<typeof PublishedPolicyView>;

export const CurrentPolicyView = z.discriminatedUnion('scope', [FullPolicyView, PublishedPolicyView]);
export type CurrentPolicyView = z.infer<typeof CurrentPolicyView>;

export const PolicyVersionSummary = z.object({
  version: z.number().int().positive(),
  defaultEffect: DefaultEffect,
  ruleCount: z.number().int().nonnegative(),
  publishedRuleCount: z.number().int().nonnegative(),
  signedBy: PolicySigner,
  /** The second signer, for versions that needed two signatures. */
  cosignedBy: PolicySigner.optional(),
  createdAt: z.iso.datetime(),
  /** The version in force. */
  current: z.boolean(),
});
export type PolicyVersionSummary = z.infer<typeof PolicyVersionSummary>;

export const PolicyDiffView = z.object({
  state: StateCode,
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  added: z.array(PolicyRule),
  removed: z.array(PolicyRule),
  changed: z.array(z.object({ id: z.string(), before: PolicyRule, after: PolicyRule })),
  defaultEffectChanged: z.object({ before: DefaultEffect, after: DefaultEffect }).optional(),
  directoryFieldsChanged: z
    .object({ before: z.array(DirectoryFieldRule), after: z.array(DirectoryFieldRule) })
    .optional(),
});
export type PolicyDiffView = z.infer<typeof PolicyDiffView>;
