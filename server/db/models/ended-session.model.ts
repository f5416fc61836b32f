import { Schema, type Connection, type Model } from 'mongoose';

/**
 * A session (refresh family) ended on its own while the person's other sessions go on: its access
 * tokens, which carry its id, are refused until `until`, when the last of them expires anyway. One
 * document per session under its id: ending two at once are two inserts, which no backend can merge
 * wrongly, and the account's own document is not rewritten.
 */
const EndedSessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    until: { type: Date, required: true },
  },
  { versionKey: false },
);
EndedSessionSchema.index({ userId: 1 });

export interface EndedSessionDoc {
  _id: string;
  userId: string;
  until: Date;
}
export type EndedSessionModel = Model<EndedSessionDoc>;
export const endedSessionModel = (connection: Connection): EndedSessionModel =>
  connection.model<EndedSessionDoc>('EndedSession', EndedSessionSchema, 'ended_sessions');
