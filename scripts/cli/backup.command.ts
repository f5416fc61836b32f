import path from 'node:path';
import type { Modules } from '../../server/composition/modules.js';
import { verifyArchive } from '../../server/db/backup/backup-archive.js';
import { backupDatabase } from '../../server/db/backup/backup-database.js';
import { restoreDatabase } from '../../server/db/backup/restore-database.js';
import { verifySegments } from '../../server/modules/audit/verify-log.js';
import type { CliDatabase } from './open-database.js';

/** `backup <file> [--live]`: the whole database into a new archive file. */
export async function backupCommand(database: CliDatabase, args: string[], now: Date): Promise<string> {
  const live = args.includes('--live');
  const file = fileArgument(args, ['--live'], 'backup <file> [--live]');
  if (database.serverRunning && !live) {
    throw new Error(
      'a FocalNet server is running on this database: stop it for a point-in-time backup, or pass --live to copy each collection as it is when read',
    );
  }
  const db = requireDb(database);
  const summary = await backupDatabase(db, file, { now, live });
  const total = Object.values(summary.counts).reduce((a, b) => a + b, 0);
  return [
    `backup written: ${summary.file} (${total} documents in ${Object.keys(summary.counts).length} collections${live ? ', taken live' : ''})`,
    `sha256 of its contents: ${summary.sha256}`,
    'It holds password hashes and wrapped keys: keep it as carefully as the data folder.',
  ].join('\n');
}

/** `restore <file>`: an archive into this (empty) database, then the audit log is checked. */
export async function restoreCommand(
  database: CliDatabase,
  modules: Modules,
  args: string[],
): Promise<{ code: number; report: string }> {
  const file = fileArgument(args, [], 'restore <file>');
  if (database.serverRunning)
    throw new Error('a FocalNet server is running on this database: stop it before restoring');
  const summary = await restoreDatabase(requireDb(database), file, { ensureIndexes: () => modules.ensureIndexes() });
  const total = Object.values(summary.counts).reduce((a, b) => a + b, 0);
  const { keys: logKeys } = await modules.serverKeys.history();
  const verdict = await verifySegments(modules.auditEntries.allSegments(), { logKeys });
  const chain = verdict.ok
    ? `audit log intact: ${verdict.checked} entries in ${verdict.segments} segments, root ${verdict.root}`
    : `audit log BROKEN at entry ${verdict.firstBroken.seq}: ${verdict.firstBroken.reason} — the archive holds a damaged trail`;
  return {
    code: verdict.ok ? 0 : 1,
    report: `restored ${total} documents in ${summary.header.collections.length} collections from the backup of ${summary.header.createdAt}${summary.header.live ? ' (taken live)' : ''}\n${chain}`,
  };
}

/** `backup:verify <file>`: reads the whole archive and checks it, touching no database. */
export async function verifyBackupCommand(args: string[]): Promise<string> {
  const file = fileArgument(args, [], 'backup:verify <file>');
  const { header, trailer } = await verifyArchive(file);
  const total = Object.values(trailer.counts).reduce((a, b) => a + b, 0);
  return [
    `backup intact: ${file}`,
    `taken ${header.createdAt} from database ${header.database}${header.live ? ' (live)' : ''}: ${total} documents in ${header.collections.length} collections`,
    `sha256 of its contents: ${trailer.sha256}`,
  ].join('\n');
}

/** The one file argument, relative to where `npm run` was typed (npm itself runs in the project folder). */
function fileArgument(args: string[], flags: string[], usage: string): string {
  const files = args.filter((arg) => !arg.startsWith('--'));
  const unknown = args.filter((arg) => arg.startsWith('--') && !flags.includes(arg));
  const [file] = files;
  if (files.length !== 1 || !file || unknown.length > 0) throw new Error(`usage: npm run cli -- ${usage}`);
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

function requireDb(database: CliDatabase) {
  const { db } = database.connection;
  if (!db) throw new Error('the database connection is not open');
  return db;
}
