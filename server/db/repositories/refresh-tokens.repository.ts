import { Types } from 'mongoose';
import type { RefreshTokenModel } from '../models/refresh-token.model.js';
import type { ClaimsRepository } from './claims.repository.js';
import type { ActiveSession, RefreshTokenRecord, RefreshTokenStore } from '../../modules/accounts/ports/sessions.js';

export class RefreshTokensRepository implements RefreshTokenStore {
  constructor(
    private readonly model: RefreshTokenModel,
    private readonly claims: ClaimsRepository,
  ) {}

  async create(input: {
    tokenHash: string;
    familyId: string;
    userId: string;
    now: Date;
    expiresAt: Date;
    signedInAt: Date;
    device: string | null;
  }): Promise<void> {
    await this.model.create({
      tokenHash: input.tokenHash,
      familyId: input.familyId,
      userId: new Types.ObjectId(input.userId),
      status: 'active',
      createdAt: input.now,
      expiresAt: input.expiresAt,
      signedInAt: input.signedInAt,
      device: input.device,
    });
  }

  /** The user's sessions that can still be refreshed, most recently active first. */
  async activeOfUser(userId: string, now: Date): Promise<ActiveSession[]> {
    const docs = await this.model.find({ userId: new Types.ObjectId(userId), status: 'active' }).lean();
    return docs
      .filter((doc) => doc.expiresAt > now)
      .map((doc) => ({
        familyId: doc.familyId,
        tokenHint: doc.tokenHash.slice(0, 16),
        signedInAt: doc.signedInAt ?? null,
        lastRefreshedAt: doc.createdAt,
        expiresAt: doc.expiresAt,
        device: doc.device ?? null,
      }))
      .sort((a, b) => b.lastRefreshedAt.getTime() - a.lastRefreshedAt.getTime());
  }

  async familyOwner(familyId: string): Promise<string | undefined> {
    const doc = await this.model.findOne({ familyId }).lean();
    return doc?.userId.toHexString();
  }

  async find(tokenHash: string): Promise<RefreshTokenRecord | undefined> {
    const doc = await this.model.findOne({ tokenHash }).lean();
    return doc
      ? {
          familyId: doc.familyId,
          userId: doc.userId.toHexString(),
          status: doc.status as RefreshTokenRecord['status'],
          expiresAt: doc.expiresAt,
          signedInAt: doc.signedInAt ?? null,
          device: doc.device ?? null,
        }
      : undefined;
  }

  /** Active → used, exactly once (a unique claim): the loser of a race sees reuse. */
  async markUsed(tokenHash: string, now: Date, expiresAt: Date): Promise<boolean> {
    if (!(await this.claims.claim(`refresh:${tokenHash}`, now, expiresAt))) return false;
    await this.model.updateOne({ tokenHash }, { $set: { status: 'used' } });
    return true;
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.model.updateMany({ familyId, status: { $ne: 'revoked' } }, { $set: { status: 'revoked' } });
  }

  async revokeAllOfUser(userId: string): Promise<void> {
    await this.model.updateMany(
      { userId: new Types.ObjectId(userId), status: { $ne: 'revoked' } },
      { $set: { status: 'revoked' } },
    );
  }

  /** Expired tokens are useless; the sweeper deletes them (no TTL indexes on FerretDB). */
  async deleteExpired(now: Date): Promise<number> {
    const result = await this.model.deleteMany({ expiresAt: { $lt: now } });
    return result.deletedCount;
  }
}
