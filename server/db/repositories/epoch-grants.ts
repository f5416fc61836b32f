import type { Model } from 'mongoose';
import { isDuplicateKey } from '../database-errors.js';

/**
 * Stores key-epoch grants (library shelves, travel-document rings) under their ids. One already
 * there is replaced only when sealed to an older key version of its member: a second grant for
 * the same key loses. Answers how many were stored.
 */
export async function putEpochGrants<G extends { keyVersion: number }>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any grants model: only _id and keyVersion are read
  model: Model<any>,
  grants: readonly G[],
  idOf: (grant: G) => string,
): Promise<number> {
  let stored = 0;
  for (const grant of grants) {
    const _id = idOf(grant);
    const replaced = await model.updateOne({ _id, keyVersion: { $lt: grant.keyVersion } }, { $set: { ...grant } });
    if (replaced.modifiedCount === 1) {
      stored += 1;
      continue;
    }
    try {
      await model.create({ _id, ...grant });
      stored += 1;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return stored;
}
