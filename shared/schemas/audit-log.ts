import { z } from 'zod';
import { base64UrlBytes } from '../crypto/encoding.js';
import { SignedTreeHead, TreeHead } from '../audit/tree-head.js';
import { AuditEntryView, Id } from './accounts.js';
import { StateCode } from './labels.js';

/** One hash of a proof, 32 bytes base64url. */
const ProofHash = base64UrlBytes(32);

/** A national admin's co-signature of a head their client checked (witness). */
export const WitnessSignatureView = z.object({
  state: StateCode,
  userId: Id,
  head: TreeHead,
  /** Ed25519 by the admin's identity key over `witnessSignedBytes(head)`, base64url. */
  signature: base64UrlBytes(64),
  signedAt: z.iso.datetime(),
});
export type WitnessSignatureView = z.infer<typeof WitnessSignatureView>;

/** GET /api/audit/log/head: the newest signed head, and each state's newest witness co-signature. */
export const AuditLogHeadResponse = z.object({
  head: SignedTreeHead,
  /** The key that signs heads, as published in the directory (GET /api/directory/audit-log-key). */
  logKey: base64UrlBytes(32),
  witnesses: z.array(WitnessSignatureView),
});
export type AuditLogHeadResponse = z.infer<typeof AuditLogHeadResponse>;

/** GET /api/audit/log/consistency?from=M[&to=N]: N defaults to the newest head. */
export const ConsistencyQuery = z.object({
  from: z.coerce.number().int().min(0),
  to: z.coerce.number().int().min(0).optional(),
});
export const ConsistencyResponse = z.object({
  from: z.number().int().min(0),
  /** The signed head of size `to` (the newest unless asked). */
  head: SignedTreeHead,
  /** RFC 9162 §2.1.4 consistency proof from `from` to `head.size`. */
  proof: z.array(ProofHash),
});
export type ConsistencyResponse = z.infer<typeof ConsistencyResponse>;

/** GET /api/audit/log/inclusion?seq=S&size=N: N is a head size the client holds (default newest). */
export const InclusionQuery = z.object({
  seq: z.coerce.number().int().min(1),
  size: z.coerce.number().int().min(1).optional(),
});
export const InclusionResponse = z.object({
  entry: AuditEntryView,
  /** Leaf index: seq − 1. */
  index: z.number().int().min(0),
  size: z.number().int().min(1),
  /** RFC 9162 §2.1.3 inclusion path, leaf side first. */
  proof: z.array(ProofHash),
});
export type InclusionResponse = z.infer<typeof InclusionResponse>;

/** POST /api/audit/log/witness: a national admin's client co-signs a head it verified. */
export const WitnessRequest = z.object({ head: TreeHead, signature: base64UrlBytes(64) }).strict();
export type WitnessRequest = z.infer<typeof WitnessRequest>;

export const DISCREPANCY_KINDS = [
  /** The server's newest head is smaller than one this client saw. */
  'truncated',
  /** The consistency proof from the saved head does not verify (the trail was rewritten). */
  'inconsistent',
  /** A head's signature does not verify with the published log key. */
  'bad-signature',
  /** The server refused or failed to give a proof for a head it signed. */
  'proof-refused',
] as const;

/** POST /api/audit/log/discrepancies: a client that could not verify the log tells the network. */
export const DiscrepancyReport = z
  .object({
    kind: z.enum(DISCREPANCY_KINDS),
    saved: SignedTreeHead,
    current: SignedTreeHead.nullable(),
    detail: z.string().trim().max(500),
  })
  .strict();
export type DiscrepancyReport = z.infer<typeof DiscrepancyReport>;
