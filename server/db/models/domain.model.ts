import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * A domain of the network (border control, …): the code that labels, policies and participation
 * use, and its names. The action plan's four are seeded; later ones are added by network decision.
 */
const DomainSchema = new Schema(
  {
    code: { type: String, required: true, unique: true },
    name: { en: { type: String, required: true }, ru: { type: String, required: true } },
    addedAt: { type: Date, required: true },
    /** When a network decision last gave it new names. */
    renamedAt: { type: Date, default: null },
    /** When a network decision retired it: it stays for the names of what was exchanged in it. */
    retiredAt: { type: Date, default: null },
  },
  { versionKey: false },
);

export type DomainDoc = InferSchemaType<typeof DomainSchema>;
export type DomainModel = Model<DomainDoc>;
export const domainModel = (connection: Connection): DomainModel =>
  connection.model<DomainDoc>('Domain', DomainSchema, 'domains');
