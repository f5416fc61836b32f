import { Types } from 'mongoose';
import type { PolicyAwaitingVersionModel } from '../models/policy-awaiting-version.model.js';
import type { PolicyCosignExpiryModel } from '../models/policy-cosign-expiry.model.js';
import type { PolicySigningChangeModel, PolicySigningRequestModel } from '../models/policy-signing.model.js';
import type {
  AwaitingPolicyVersion,
  PolicyCosignStore,
  PolicySigningChange,
  SigningReleaseRequest,
} from '../../modules/policies/cosign-ports.js';
import { insertOnce } from './policies.repository.js';

/** Versions waiting for a second signature, their expiries, and each state's signing rule; all insert-only. */
export class PolicyCosignRepository implements PolicyCosignStore {
  constructor(
    private readonly awaiting: PolicyAwaitingVersionModel,
    private readonly expiries: PolicyCosignExpiryModel,
    private readonly changes: PolicySigningChangeModel,
    private readonly requests: PolicySigningRequestModel,
  ) {}

  async insertAwaiting(input: Omit<AwaitingPolicyVersion, 'id' | 'expiredAt'>): Promise<AwaitingPolicyVersion> {
    const doc = await this.awaiting.create({ ...input, signedBy: new Types.ObjectId(input.signedBy) });
    return { ...input, id: doc._id.toHexString(), expiredAt: null };
  }

  async listAwaiting(state: string): Promise<AwaitingPolicyVersion[]> {
    const [docs, expiries] = await Promise.all([
      this.awaiting.find({ state }).lean(),
      this.expiries.find({ state }).lean(),
    ]);
    const expiredAt = new Map(expiries.map((doc) => [doc._id, doc.at]));
    return docs
      .map((doc): AwaitingPolicyVersion => ({
        id: doc._id.toHexString(),
        state: doc.state,
        version: doc.version,
        bodyJson: doc.bodyJson,
        defaultEffect: doc.defaultEffect,
        ruleCount: doc.ruleCount,
        publishedRuleCount: doc.publishedRuleCount,
        signature: doc.signature,
        signedBy: doc.signedBy.toHexString(),
        signerIdentityKey: doc.signerIdentityKey,
        signerKeyVersion: doc.signerKeyVersion,
        createdAt: doc.createdAt,
        expiresAt: doc.expiresAt,
        expiredAt: expiredAt.get(doc._id.toHexString()) ?? null,
      }))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  }

  async statesWithLapsed(since: Date, until: Date): Promise<string[]> {
    const docs = await this.awaiting
      .find({ expiresAt: { $gte: since, $lte: until } })
      .select({ state: 1 })
      .lean();
    if (docs.length === 0) return [];
    const marked = new Set(
      (
        await this.expiries
          .find({ _id: { $in: docs.map((doc) => doc._id.toHexString()) } })
          .select({ _id: 1 })
          .lean()
      ).map((doc) => doc._id),
    );
    return [...new Set(docs.filter((doc) => !marked.has(doc._id.toHexString())).map((doc) => doc.state))].sort();
  }

  async markExpired(id: string, at: Date): Promise<boolean> {
    const doc = await this.awaiting.findById(id).select({ state: 1 }).lean();
    if (!doc) return false;
    return insertOnce(() => this.expiries.create({ _id: id, state: doc.state, at }));
  }

  async currentSigning(state: string): Promise<PolicySigningChange | undefined> {
    const doc = await this.changes.findOne({ state }).sort({ seq: -1 }).lean();
    if (!doc) return undefined;
    return {
      state: doc.state,
      seq: doc.seq,
      twoSignatures: doc.twoSignatures,
      requestedBy: doc.requestedBy.toHexString(),
      confirmedBy: doc.confirmedBy ? doc.confirmedBy.toHexString() : null,
      at: doc.at,
    };
  }

  async insertSigning(change: PolicySigningChange): Promise<boolean> {
    return insertOnce(() =>
      this.changes.create({
        ...change,
        _id: `${change.state}:${change.seq}`,
        requestedBy: new Types.ObjectId(change.requestedBy),
        confirmedBy: change.confirmedBy ? new Types.ObjectId(change.confirmedBy) : null,
      }),
    );
  }

  async insertReleaseRequest(request: SigningReleaseRequest): Promise<void> {
    await this.requests.create({ ...request, requestedBy: new Types.ObjectId(request.requestedBy) });
  }

  async latestReleaseRequest(state: string, forSeq: number): Promise<SigningReleaseRequest | undefined> {
    const doc = await this.requests.findOne({ state, forSeq }).sort({ requestedAt: -1, _id: -1 }).lean();
    if (!doc) return undefined;
    return {
      state: doc.state,
      forSeq: doc.forSeq,
      requestedBy: doc.requestedBy.toHexString(),
      requestedAt: doc.requestedAt,
      expiresAt: doc.expiresAt,
    };
  }
}
