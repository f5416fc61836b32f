import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { mongo } from 'mongoose';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  documentLine,
  headerLine,
  trailerLine,
  type BackupHeader,
} from './backup-archive.js';

export interface BackupSummary {
  file: string;
  counts: Record<string, number>;
  sha256: string;
}

/** BSON values exactly as stored (int32 stays int32, a double stays a double), for a faithful copy. */
export const EXACT_BSON = { promoteValues: false, promoteLongs: false, promoteBuffers: false } as const;

/**
 * Writes every collection of the database to a new archive file (see backup-archive.ts). The
 * file is written under a temporary name and renamed when complete, so a backup that fails
 * half-way never leaves something that looks like a backup; an existing file is never
 * overwritten. The archive holds password hashes and wrapped keys: it is created 0600.
 */
export async function backupDatabase(
  db: mongo.Db,
  file: string,
  options: { now: Date; live: boolean },
): Promise<BackupSummary> {
  if (existsSync(file))
    throw new Error(`${file} exists already; choose a new file name (a backup never overwrites one)`);
  const collections = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((name) => !name.startsWith('system.'))
    .sort();
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { flags: 'wx', mode: 0o600, flush: true });
  const gzip = createGzip();
  gzip.pipe(out);
  const hash = createHash('sha256');
  const write = async (line: string, hashed: boolean): Promise<void> => {
    if (hashed) hash.update(line);
    if (!gzip.write(line)) await once(gzip, 'drain');
  };
  try {
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: options.now.toISOString(),
      database: db.databaseName,
      collections,
      live: options.live,
    };
    await write(headerLine(header), true);
    const counts: Record<string, number> = {};
    for (const name of collections) {
      counts[name] = 0;
      for await (const document of db.collection(name).find({}, EXACT_BSON)) {
        await write(documentLine(name, document), true);
        counts[name] += 1;
      }
    }
    const sha256 = hash.digest('hex');
    await write(trailerLine({ end: true, counts, sha256 }), false);
    gzip.end();
    await finished(out);
    renameSync(partial, file);
    return { file, counts, sha256 };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}
