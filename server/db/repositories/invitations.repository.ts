import { Types } from 'mongoose';
import type { Role } from '../../../shared/schemas/accounts.js';
import type { InvitationModel } from '../models/invitation.model.js';
import type { ClaimsRepository } from './claims.repository.js';
import type { Invitation, InvitationStore, NewInvitation } from '../../modules/accounts/ports/invitations.js';

export class InvitationsRepository implements InvitationStore {
  constructor(
    private readonly model: InvitationModel,
    private readonly claims: ClaimsRepository,
  ) {}

  async create(input: NewInvitation): Promise<Invitation> {
    const doc = await this.model.create({
      ...input,
      status: 'open',
      createdBy: input.createdBy ? new Types.ObjectId(input.createdBy) : null,
    });
    return toInvitation(doc.toObject());
  }

  async findByTokenHash(tokenHash: string): Promise<Invitation | undefined> {
    const doc = await this.model.findOne({ tokenHash }).lean();
    return doc ? toInvitation(doc) : undefined;
  }

  async findById(id: string): Promise<Invitation | undefined> {
    if (!Types.ObjectId.isValid(id)) return undefined;
    const doc = await this.model.findById(id).lean();
    return doc ? toInvitation(doc) : undefined;
  }

  async list(filter: { state?: string }): Promise<Invitation[]> {
    const docs = await this.model
      .find(filter.state ? { state: filter.state } : {})
      .sort({ createdAt: -1 })
      .limit(500)
      .lean();
    return docs.map(toInvitation);
  }

  /**
   * Marks an open, unexpired invitation used by `userId`: of two registrations racing with the
   * same token exactly one wins (a unique claim), and a revoked one cannot be claimed.
   */
  async claim(id: string, userId: string, now: Date): Promise<boolean> {
    const current = await this.findById(id);
    if (!current || current.status !== 'open' || current.expiresAt <= now) return false;
    if (!(await this.claims.claim(`invitation:${id}`, now))) return false;
    await this.model.updateOne(
      { _id: id },
      { $set: { status: 'used', usedBy: new Types.ObjectId(userId), usedAt: now } },
    );
    return true;
  }

  async revoke(id: string): Promise<boolean> {
    const result = await this.model.updateOne({ _id: id, status: 'open' }, { $set: { status: 'revoked' } });
    return result.modifiedCount === 1;
  }

  /** Revokes every open invitation of a role (used when a new bootstrap link replaces the old). */
  async revokeOpen(role: Role): Promise<void> {
    await this.model.updateMany({ role, status: 'open' }, { $set: { status: 'revoked' } });
  }
}

interface InvitationLean {
  _id: Types.ObjectId;
  role: string;
  state?: string | null;
  domains?: string[];
  displayName: string;
  note?: string | null;
  status: string;
  createdBy?: Types.ObjectId | null;
  createdAt: Date;
  expiresAt: Date;
  usedBy?: Types.ObjectId | null;
}

function toInvitation(doc: InvitationLean): Invitation {
  return {
    id: doc._id.toHexString(),
    role: doc.role as Role,
    state: doc.state ?? null,
    domains: doc.domains ?? [],
    displayName: doc.displayName,
    note: doc.note ?? null,
    status: doc.status as Invitation['status'],
    createdBy: doc.createdBy ? doc.createdBy.toHexString() : null,
    createdAt: doc.createdAt,
    expiresAt: doc.expiresAt,
    usedBy: doc.usedBy ? doc.usedBy.toHexString() : null,
  };
}
