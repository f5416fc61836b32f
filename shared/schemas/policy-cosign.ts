import { z } from 'zod';
import { SignatureString } from '../crypto/verify-key-bundle.js';
import { Id } from './accounts.js';
import { StateCode } from './labels.js';

/**
 * The second signature of a version waiting for one: Ed25519 by the co-signer's current identity
 * key over `policySignedBytes(policy)` of exactly the waiting body (64 bytes, base64url).
 */
export const CosignPolicyRequest = z.strictObject({ signature: SignatureString });
export type CosignPolicyRequest = z.infer<typeof CosignPolicyRequest>;

/**
 * Turning the requirement on takes one national admin; turning it off takes two (the second
 * admin's `false` confirms the first's), or one admin could switch it off and publish alone.
 */
export const SetPolicySigningRequest = z.strictObject({ twoSignatures: z.boolean() });
export type SetPolicySigningRequest = z.infer<typeof SetPolicySigningRequest>;

/** A state's rule for signing its policy versions. */
export const PolicySigningView = z.object({
  state: StateCode,
  /** True: a new version takes effect only once a second national admin of the state co-signs it. */
  twoSignatures: z.boolean(),
  /** Who made the last change and when (null: never changed, one signature). */
  changedBy: Id.nullable(),
  /** The admin who confirmed the last change, when it took two (turning the requirement off). */
  confirmedBy: Id.nullable(),
  changedAt: z.iso.datetime().nullable(),
  /** An open request to turn the requirement off, waiting for another national admin's confirmation. */
  releaseRequest: z.object({ requestedBy: Id, requestedAt: z.iso.datetime(), expiresAt: z.iso.datetime() }).nullable(),
});
export type PolicySigningView = z.infer<typeof PolicySigningView>;
