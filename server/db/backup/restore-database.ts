import type { mongo } from 'mongoose';
import { BackupArchiveError, readArchive, verifyArchive, type BackupHeader } from './backup-archive.js';

export interface RestoreSummary {
  header: BackupHeader;
  counts: Record<string, number>;
}

/** Inserts go out in batches of at most this many documents or (about) this many bytes of archive text. */
const BATCH_DOCUMENTS = 500;
const BATCH_BYTES = 8 * 2 ** 20;

/**
 * Restores an archive into an empty database. Nothing is written until the whole archive has
 * been read and its checksum and counts hold; a database that holds any document is refused.
 * `ensureIndexes` creates the application's indexes first, so the restored data meets the same
 * unique constraints. If writing fails part-way, what was written is removed again (the
 * database was empty), and the error says so.
 */
export async function restoreDatabase(
  db: mongo.Db,
  file: string,
  options: { ensureIndexes: () => Promise<void> },
): Promise<RestoreSummary> {
  const { header, trailer } = await verifyArchive(file);
  await refuseUnlessEmpty(db);
  await options.ensureIndexes();
  const written = new Set<string>();
  try {
    const items = readArchive(file);
    let batch: { collection: string; documents: mongo.Document[]; bytes: number } | undefined;
    const flush = async (): Promise<void> => {
      if (!batch || batch.documents.length === 0) return;
      written.add(batch.collection);
      await db.collection(batch.collection).insertMany(batch.documents, { ordered: true });
      batch = undefined;
    };
    for (;;) {
      const next = await items.next();
      if (next.done) {
        // The second reading must be the archive the first one checked.
        if (next.value.sha256 !== trailer.sha256)
          throw new BackupArchiveError('the archive changed while it was being restored');
        break;
      }
      const item = next.value;
      if (item.kind !== 'document') continue;
      if (
        batch &&
        (batch.collection !== item.collection ||
          batch.documents.length >= BATCH_DOCUMENTS ||
          batch.bytes >= BATCH_BYTES)
      )
        await flush();
      batch ??= { collection: item.collection, documents: [], bytes: 0 };
      batch.documents.push(item.document);
      batch.bytes += item.bytes;
    }
    await flush();
    const counts: Record<string, number> = {};
    for (const name of header.collections) {
      counts[name] = await db.collection(name).countDocuments({});
      if (counts[name] !== (trailer.counts[name] ?? 0)) {
        throw new Error(
          `collection ${name}: ${counts[name]} documents after restoring, the archive holds ${trailer.counts[name] ?? 0}`,
        );
      }
    }
    return { header, counts };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    try {
      for (const name of written) await db.collection(name).deleteMany({});
    } catch {
      throw new Error(
        `restore failed: ${reason}; database ${db.databaseName} now holds part of the archive and could not be emptied again — drop it before restoring again`,
        { cause: error },
      );
    }
    throw new Error(
      `restore failed, and what it had written was removed again (the database is empty as before): ${reason}`,
      { cause: error },
    );
  }
}

async function refuseUnlessEmpty(db: mongo.Db): Promise<void> {
  const holding: string[] = [];
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if (name.startsWith('system.')) continue;
    const count = await db.collection(name).countDocuments({});
    if (count > 0) holding.push(`${name}: ${count}`);
  }
  if (holding.length > 0) {
    throw new Error(
      `database ${db.databaseName} already holds data (${holding.join(', ')}); restore only into an empty database — stop the server and use a new DATA_DIR or DB_NAME`,
    );
  }
}
