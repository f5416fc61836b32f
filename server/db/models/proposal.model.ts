import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * A proposal for a network-wide decision. Positions are keyed by state (`positions.KZ`), so a
 * state's position is one `$set`. Ending it and applying its change are claimed (claim.model.ts:
 * a conditional update is no exclusive win on FerretDB). The change is kept as JSON text, exactly
 * as proposed: what is applied is what the states saw.
 */
const ProposalSchema = new Schema(
  {
    changeJson: { type: String, required: true },
    procedure: { type: String, required: true },
    rationale: { type: String, required: true },
    proposedBy: { type: Schema.Types.ObjectId, required: true },
    proposedAt: { type: Date, required: true },
    deadline: { type: Date, required: true },
    electorate: { type: [String], required: true },
    positions: { type: Schema.Types.Mixed, default: {} },
    status: { type: String, required: true },
    outcome: { type: String, default: null },
    settledAt: { type: Date, default: null },
    /** Adopted and its change applied (a node that dies in between leaves it to the sweep). */
    applied: { type: Boolean, default: false },
    /** For admit-state: the state concerned, so two open proposals to admit it cannot coexist unnoticed. */
    subject: { type: String, default: null },
    /** Why the secretariat withdrew it, when it said. */
    withdrawalReason: { type: String, default: null },
    /** Documents for comment: the version now circulated (null for other changes). */
    documentVersion: { type: Number, default: null },
  },
  { versionKey: false, minimize: false },
);
ProposalSchema.index({ status: 1, deadline: 1 });
ProposalSchema.index({ proposedAt: -1 });

export type ProposalDoc = InferSchemaType<typeof ProposalSchema>;
export type ProposalModel = Model<ProposalDoc>;
export const proposalModel = (c: Connection): ProposalModel =>
  c.model<ProposalDoc>('Proposal', ProposalSchema, 'proposals');
