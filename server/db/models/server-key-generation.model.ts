import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

/**
 * The server's signing keys, one document per generation (`_id` is its number, so two nodes
 * renewing at once store it once). Public keys and signatures only: the secret is never here.
 */
const ServerKeyGenerationSchema = new Schema(
  {
    _id: { type: Number, required: true },
    directoryKey: { type: String, required: true },
    auditLogKey: { type: String, required: true },
    since: { type: Date, required: true },
    transitions: {
      type: [
        {
          _id: false,
          purpose: { type: String, required: true },
          from: { type: String, required: true },
          to: { type: String, required: true },
          at: { type: String, required: true },
          signature: { type: String, required: true },
        },
      ],
      default: [],
    },
    replacedBecause: { type: String },
  },
  { versionKey: false },
);

export type ServerKeyGenerationDoc = InferSchemaType<typeof ServerKeyGenerationSchema>;
export type ServerKeyGenerationModel = Model<ServerKeyGenerationDoc>;
export const serverKeyGenerationModel = (connection: Connection): ServerKeyGenerationModel =>
  connection.model<ServerKeyGenerationDoc>('ServerKeyGeneration', ServerKeyGenerationSchema, 'server_key_generations');
