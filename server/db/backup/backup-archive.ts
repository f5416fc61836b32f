import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { mongo } from 'mongoose';

const { EJSON } = mongo.BSON;
type Document = mongo.Document;

/**
 * A FocalNet backup: gzip of newline-separated JSON.
 *
 *   {"format":"focalnet-backup","version":1,"createdAt":…,"database":…,"collections":[…],"live":…}
 *   {"c":"<collection>","d":<document as canonical Extended JSON>}        one line per document
 *   {"end":true,"counts":{"<collection>":n,…},"sha256":"<hex>"}
 *
 * Canonical Extended JSON keeps every BSON type (int32 vs double, long, binary, dates), so a
 * restored document is the stored one, byte for byte, and the audit chain's hashes still hold.
 * The trailer's SHA-256 covers every byte before it, so a truncated or edited archive is refused
 * before anything is written.
 */
export const BACKUP_FORMAT = 'focalnet-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  database: string;
  collections: string[];
  /** Taken while a server was writing: each collection is as it was when it was read. */
  live: boolean;
}

export interface BackupTrailer {
  end: true;
  counts: Record<string, number>;
  sha256: string;
}

export class BackupArchiveError extends Error {}

export const headerLine = (header: BackupHeader): string => `${JSON.stringify(header)}\n`;
export const documentLine = (collection: string, document: Document): string =>
  `{"c":${JSON.stringify(collection)},"d":${EJSON.stringify(document, { relaxed: false })}}\n`;
export const trailerLine = (trailer: BackupTrailer): string => `${JSON.stringify(trailer)}\n`;

export type ArchiveItem =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'document'; collection: string; document: Document; bytes: number };

/**
 * The archive's header and documents in order, each checked as it is read; after the last
 * document, the trailer's counts and checksum are checked, so a consumer that reaches the end
 * of the iteration has read an intact archive (and one that stops early learns nothing false).
 */
export async function* readArchive(file: string): AsyncGenerator<ArchiveItem, BackupTrailer> {
  const hash = createHash('sha256');
  const counts = new Map<string, number>();
  let header: BackupHeader | undefined;
  let trailer: BackupTrailer | undefined;
  let lineNo = 0;
  const source = createReadStream(file);
  const gunzip = createGunzip();
  const lines = createInterface({ input: source.pipe(gunzip), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      lineNo += 1;
      if (trailer) throw new BackupArchiveError(`line ${lineNo}: data after the archive's end`);
      const record = parseLine(line, lineNo);
      if (!header) {
        header = checkHeader(record, lineNo);
        feed(hash, line);
        yield { kind: 'header', header };
      } else if ('end' in record) {
        trailer = checkTrailer(record, lineNo);
      } else {
        const { collection, document } = checkDocument(record, header, lineNo);
        feed(hash, line);
        counts.set(collection, (counts.get(collection) ?? 0) + 1);
        yield { kind: 'document', collection, document, bytes: line.length };
      }
    }
  } catch (error) {
    if (error instanceof BackupArchiveError) throw error;
    throw new BackupArchiveError(`not a readable backup (${(error as Error).message})`);
  } finally {
    // The file too: a refused archive must not keep its descriptor open in a long-lived process.
    lines.close();
    gunzip.destroy();
    source.destroy();
  }
  if (!header) throw new BackupArchiveError('the archive is empty');
  if (!trailer)
    throw new BackupArchiveError(`the archive ends after line ${lineNo}, before its trailer: it is truncated`);
  const digest = hash.digest('hex');
  if (digest !== trailer.sha256)
    throw new BackupArchiveError("the archive's checksum does not match its contents: it was altered or damaged");
  for (const name of new Set([...counts.keys(), ...Object.keys(trailer.counts)])) {
    if ((counts.get(name) ?? 0) !== (trailer.counts[name] ?? 0)) {
      throw new BackupArchiveError(
        `collection ${name}: ${counts.get(name) ?? 0} documents in the archive, its trailer says ${trailer.counts[name] ?? 0}`,
      );
    }
  }
  return trailer;
}

/** Reads the whole archive once, checking it; writes nothing. */
export async function verifyArchive(file: string): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  const items = readArchive(file);
  let header: BackupHeader | undefined;
  for (;;) {
    const next = await items.next();
    if (next.done) {
      if (!header) throw new BackupArchiveError('the archive is empty');
      return { header, trailer: next.value };
    }
    if (next.value.kind === 'header') header = next.value.header;
  }
}

function feed(hash: Hash, line: string): void {
  hash.update(line);
  hash.update('\n');
}

function parseLine(line: string, lineNo: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BackupArchiveError(`line ${lineNo}: not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BackupArchiveError(`line ${lineNo}: not a record`);
  return value as Record<string, unknown>;
}

function checkHeader(record: Record<string, unknown>, lineNo: number): BackupHeader {
  if (record.format !== BACKUP_FORMAT) throw new BackupArchiveError(`line ${lineNo}: not a FocalNet backup`);
  if (record.version !== BACKUP_VERSION)
    throw new BackupArchiveError(
      `backup format version ${String(record.version)} is not supported (this build reads version ${BACKUP_VERSION})`,
    );
  const { createdAt, database, collections, live } = record;
  if (
    typeof createdAt !== 'string' ||
    typeof database !== 'string' ||
    typeof live !== 'boolean' ||
    !Array.isArray(collections) ||
    !collections.every((name) => typeof name === 'string')
  ) {
    throw new BackupArchiveError(`line ${lineNo}: the archive's header is malformed`);
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    database,
    collections: collections as string[],
    live,
  };
}

function checkTrailer(record: Record<string, unknown>, lineNo: number): BackupTrailer {
  const { counts, sha256 } = record;
  if (
    record.end !== true ||
    typeof sha256 !== 'string' ||
    typeof counts !== 'object' ||
    counts === null ||
    !Object.values(counts).every((n) => Number.isSafeInteger(n))
  ) {
    throw new BackupArchiveError(`line ${lineNo}: the archive's trailer is malformed`);
  }
  return { end: true, counts: counts as Record<string, number>, sha256 };
}

function checkDocument(
  record: Record<string, unknown>,
  header: BackupHeader,
  lineNo: number,
): { collection: string; document: Document } {
  const { c: collection, d: document } = record;
  if (typeof collection !== 'string' || !header.collections.includes(collection)) {
    throw new BackupArchiveError(`line ${lineNo}: a document of a collection the header does not list`);
  }
  if (typeof document !== 'object' || document === null || !('_id' in document)) {
    throw new BackupArchiveError(`line ${lineNo}: a document without an _id`);
  }
  try {
    return { collection, document: EJSON.deserialize(document as Document, { relaxed: false }) as Document };
  } catch (error) {
    throw new BackupArchiveError(`line ${lineNo}: not Extended JSON (${(error as Error).message})`);
  }
}
