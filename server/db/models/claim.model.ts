import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Single-use claims ("this refresh token was used", "this invitation was redeemed"), one
 * document each under a unique _id. An insert is the only race-safe "exactly once" on every
 * backend: FerretDB 1.24 on SQLite does not apply a conditional update atomically, so two
 * `updateOne({status: 'open'}, …)` can both report a win.
 */
const ClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
    /** When the claim may be forgotten (the thing it guards has expired); null = keep. */
    expiresAt: { type: Date, default: null },
  },
  { versionKey: false },
);
ClaimSchema.index({ expiresAt: 1 });

export interface ClaimDoc {
  _id: string;
  at: Date;
  expiresAt: Date | null;
}
export type ClaimModel = Model<ClaimDoc>;
export const claimModel = (connection: Connection): ClaimModel =>
  connection.model<ClaimDoc>('Claim', ClaimSchema, 'claims');
