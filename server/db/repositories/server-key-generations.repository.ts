import { isDuplicateKey } from '../database-errors.js';
import type { KeyGeneration, KeyGenerationStore } from '../../modules/server-keys/ports.js';
import type { ServerKeyGenerationDoc, ServerKeyGenerationModel } from '../models/server-key-generation.model.js';
import { KeyTransition } from '../../../shared/crypto/key-transition-format.js';

/** The generations of the server's signing keys. */
export class ServerKeyGenerationsRepository implements KeyGenerationStore {
  constructor(private readonly model: ServerKeyGenerationModel) {}

  async all(): Promise<KeyGeneration[]> {
    return (await this.model.find().sort({ _id: 1 }).lean()).map(toGeneration);
  }

  async latest(): Promise<KeyGeneration | undefined> {
    const doc = await this.model.findOne().sort({ _id: -1 }).lean();
    return doc ? toGeneration(doc) : undefined;
  }

  async add(generation: KeyGeneration): Promise<boolean> {
    try {
      await this.model.create({
        _id: generation.generation,
        directoryKey: generation.directoryKey,
        auditLogKey: generation.auditLogKey,
        since: generation.since,
        transitions: generation.transitions,
        ...(generation.replacedBecause === undefined ? {} : { replacedBecause: generation.replacedBecause }),
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}

function toGeneration(doc: ServerKeyGenerationDoc & { _id: number }): KeyGeneration {
  return {
    generation: doc._id,
    directoryKey: doc.directoryKey,
    auditLogKey: doc.auditLogKey,
    since: doc.since,
    // Stored by this code, read back through the schema: a document changed by hand fails here, loudly.
    transitions: doc.transitions.map((transition) => KeyTransition.parse(transition)),
    ...(doc.replacedBecause ? { replacedBecause: doc.replacedBecause } : {}),
  };
}
