import { Types } from 'mongoose';
import { BatchedLookup } from '../batched-lookup.js';
import type { PolicyInForceModel } from '../models/policy-in-force.model.js';
import type { PolicyVersionModel } from '../models/policy-version.model.js';
import { isDuplicateKey } from '../database-errors.js';
import type {
  PolicyVersionMeta,
  PolicyVersionStore,
  StoredCosignature,
  StoredPolicyVersion,
} from '../../modules/policies/ports.js';

const versionId = (state: string, version: number): string => `${state}:${version}`;

/** Policy versions and the markers that put them in force; both are only ever inserted. */
export class PoliciesRepository implements PolicyVersionStore {
  /** Every exchange decision asks "is the next version in force?" per state: concurrent asks share one query. */
  // Read on every policy decision: through the driver's collection, which costs ≈ 0.15 ms less CPU than a mongoose query.
  private readonly inForceMarkers = new BatchedLookup<true>(async (ids) => {
    const docs = await this.inForce.collection
      .find({ _id: { $in: ids } } as Record<string, unknown>, { projection: { _id: 1 } })
      .toArray();
    return docs.map((doc): [string, true] => [String(doc._id), true]);
  });

  constructor(
    private readonly versions: PolicyVersionModel,
    private readonly inForce: PolicyInForceModel,
  ) {}

  /** The version in force per state (states without a policy are absent); every state when none are named. */
  async currentVersions(states?: readonly string[]): Promise<Map<string, number>> {
    const docs = await this.inForce
      .find(states ? { state: { $in: [...states] } } : {})
      .select({ state: 1, version: 1 })
      .lean();
    const current = new Map<string, number>();
    for (const doc of docs) current.set(doc.state, Math.max(doc.version, current.get(doc.state) ?? 0));
    return current;
  }

  /** True when that version of the state's policy is in force (a lookup by `_id`, batched with concurrent ones). */
  async isInForce(state: string, version: number): Promise<boolean> {
    return (await this.inForceMarkers.get(versionId(state, version))) === true;
  }

  /** The version in force for one state, 0 when it has none. */
  async currentVersion(state: string): Promise<number> {
    return (await this.currentVersions([state])).get(state) ?? 0;
  }

  async findVersion(state: string, version: number): Promise<StoredPolicyVersion | undefined> {
    const doc = await this.versions.findById(versionId(state, version)).lean();
    return doc ? toStored(doc) : undefined;
  }

  /** Every version of a state, oldest first, without bodies. */
  async listVersions(state: string): Promise<PolicyVersionMeta[]> {
    const docs = await this.versions.find({ state }).select('-bodyJson').sort({ version: 1 }).lean();
    return docs.map((doc) => toMeta(doc));
  }

  /** Stores a version (not yet in force); resolves false when that (state, version) exists already. */
  async insertVersion(input: StoredPolicyVersion): Promise<boolean> {
    return insertOnce(() =>
      this.versions.create({
        ...input,
        _id: versionId(input.state, input.version),
        signedBy: new Types.ObjectId(input.signedBy),
        ...(input.cosignature
          ? { cosignature: { ...input.cosignature, signedBy: new Types.ObjectId(input.cosignature.signedBy) } }
          : {}),
      }),
    );
  }

  /** Puts a stored version in force; idempotent (resolves false when it was already). */
  async putInForce(state: string, version: number, now: Date): Promise<boolean> {
    return insertOnce(() => this.inForce.create({ _id: versionId(state, version), state, version, at: now }));
  }
}

export async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

interface VersionLean {
  state: string;
  version: number;
  defaultEffect: string;
  ruleCount: number;
  publishedRuleCount: number;
  signature: string;
  signedBy: Types.ObjectId;
  signerIdentityKey: string;
  signerKeyVersion: number;
  createdAt: Date;
  cosignature?: (Omit<StoredCosignature, 'signedBy'> & { signedBy: Types.ObjectId }) | null;
}

function toMeta(doc: VersionLean): PolicyVersionMeta {
  return {
    state: doc.state,
    version: doc.version,
    defaultEffect: doc.defaultEffect,
    ruleCount: doc.ruleCount,
    publishedRuleCount: doc.publishedRuleCount,
    signature: doc.signature,
    signedBy: doc.signedBy.toHexString(),
    signerIdentityKey: doc.signerIdentityKey,
    signerKeyVersion: doc.signerKeyVersion,
    createdAt: doc.createdAt,
    ...(doc.cosignature
      ? { cosignature: { ...doc.cosignature, signedBy: doc.cosignature.signedBy.toHexString() } }
      : {}),
  };
}

function toStored(doc: VersionLean & { bodyJson: string }): StoredPolicyVersion {
  return { ...toMeta(doc), bodyJson: doc.bodyJson };
}
