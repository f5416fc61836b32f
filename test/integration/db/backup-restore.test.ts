import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import mongoose, { mongo, type Connection } from 'mongoose';
import pino from 'pino';
import { decryptAttachment, encryptAttachment } from '../../../shared/crypto/attachment-stream.js';
import type { AttachmentSecret } from '../../../shared/crypto/attachment-format.js';
import type { BacklogPage, SendMessageResult } from '../../../shared/schemas/messaging.js';
import { composeModules, type Modules } from '../../../server/composition/modules.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  documentLine,
  headerLine,
  trailerLine,
} from '../../../server/db/backup/backup-archive.js';
import { backupDatabase, EXACT_BSON } from '../../../server/db/backup/backup-database.js';
import { restoreDatabase } from '../../../server/db/backup/restore-database.js';
import { verifySegments } from '../../../server/modules/audit/verify-log.js';
import { call } from '../../helpers/api.js';
import {
  activeFocalPoint,
  activeNationalAdmin,
  bootstrapNetworkAdmin,
  signIn,
  type TestPerson,
} from '../../helpers/accounts.js';
import { envelopeFor, readAs } from '../../helpers/messaging.js';
import { policyBody, publishPolicy } from '../../helpers/policies.js';
import { TestClock } from '../../helpers/test-clock.js';
import { testDatabaseDir, testMongoUri, uniqueDbName } from '../../helpers/test-database.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { freshOpaqueSetup, TEST_OPAQUE_SERVER_SETUP } from '../../helpers/opaque.js';

const { EJSON } = mongo.BSON;

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

/** Every document of every collection, exactly as stored (BSON types included), keyed by _id. */
async function snapshot(db: mongo.Db): Promise<Record<string, Record<string, string>>> {
  const result: Record<string, Record<string, string>> = {};
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    const documents: Record<string, string> = {};
    for await (const document of db.collection(name).find({}, EXACT_BSON)) {
      documents[EJSON.stringify(document._id, { relaxed: false })] = EJSON.stringify(document, { relaxed: false });
    }
    result[name] = documents;
  }
  return result;
}

async function indexes(db: mongo.Db): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    result[name] = (await db.collection(name).listIndexes().toArray())
      .map((index) => `${JSON.stringify(index.key)}${index.unique ? ' unique' : ''}`)
      .sort();
  }
  return result;
}

async function documentCount(db: mongo.Db): Promise<number> {
  let total = 0;
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray())
    total += await db.collection(name).countDocuments({});
  return total;
}

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        JWT_SECRET: 'x'.repeat(40),
        OPAQUE_SERVER_SETUP: TEST_OPAQUE_SERVER_SETUP,
        LOG_LEVEL: 'silent',
        ...env,
      },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** Rewrites an archive's uncompressed text (to damage it in a chosen way). */
function rewriteArchive(from: string, to: string, edit: (lines: string[]) => string[]): void {
  const lines = gunzipSync(readFileSync(from))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.length > 0);
  writeFileSync(to, gzipSync(`${edit(lines).join('\n')}\n`));
}

describe('backup and restore', function () {
  this.timeout(120_000);
  let t: TestServer;
  let kz: TestPerson;
  let ru: TestPerson;
  let dir: string;
  let archive: string;
  const file = randomBytes(600 * 1024);
  let attachmentId: string;
  const opened: Connection[] = [];

  /** An empty database on the shared test FerretDB, with the application's modules over it. */
  async function emptyDatabase(): Promise<{ name: string; db: mongo.Db; modules: Modules }> {
    const name = uniqueDbName('restore');
    const connection = await mongoose.createConnection(testMongoUri(), { dbName: name }).asPromise();
    opened.push(connection);
    const modules = composeModules(connection, {
      clock: new TestClock(),
      jwtSecret: 'x'.repeat(40),
      opaqueServerSetup: await freshOpaqueSetup(),
      logger: pino({ level: 'silent' }),
      publicOrigin: () => 'http://127.0.0.1',
      revocations: { revokeUser: () => undefined, revokeSession: () => undefined },
      livenessNotifier: { prompt: () => undefined },
      messageNotifier: { deliver: () => undefined, status: () => undefined },
    });
    if (!connection.db) throw new Error('no db');
    return { name, db: connection.db, modules };
  }

  const sourceDb = (): mongo.Db => {
    const { db } = t.server.database.connection;
    if (!db) throw new Error('no db');
    return db;
  };

  before(async () => {
    // The secret the CLI and the restored composition use too: the same audit log key.
    t = await startTestServer({ ATTACHMENT_MAX_MB: '2', JWT_SECRET: 'x'.repeat(40) });
    dir = mkdtempSync(path.join(os.tmpdir(), 'focalnet-backup-'));
    archive = path.join(dir, 'network.focalnet-backup.gz');
    const root = await bootstrapNetworkAdmin(t);
    const kzAdmin = await activeNationalAdmin(t, root, 'KZ');
    const ruAdmin = await activeNationalAdmin(t, root, 'RU');
    kz = await activeFocalPoint(t, kzAdmin, ['border']);
    ru = await activeFocalPoint(t, ruAdmin, ['border']);
    await publishPolicy(
      t,
      kzAdmin,
      policyBody('KZ', 1, [
        { id: 'retention', direction: 'outbound', effect: 'conditions', conditions: { retentionDays: 90 } },
      ]),
    );

    // A message to an offline recipient, with a three-chunk encrypted attachment.
    const encrypted = await encryptAttachment([new Uint8Array(file)]);
    const uploaded = await fetch(`${t.url}/api/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kz.session?.accessToken}`, 'content-type': 'application/octet-stream' },
      body: new Blob([new Uint8Array(await collect(encrypted.ciphertext))]),
    });
    expect(uploaded.status).to.equal(201);
    attachmentId = ((await uploaded.json()) as { id: string }).id;
    const secret: AttachmentSecret = { fileKey: encrypted.fileKey, header: encrypted.header };
    const envelope = await envelopeFor(t, kz, [ru], {
      text: 'restored intact',
      attachments: [{ id: attachmentId, name: 'scan.pdf', ...secret }],
    });
    const sent = await call<SendMessageResult>(t.url, 'POST', '/api/messages', {
      token: kz.session?.accessToken,
      body: { envelope, attachmentIds: [attachmentId] },
    });
    expect(sent.status, JSON.stringify(sent.body)).to.equal(200);

    // Values whose BSON type a careless copy would change (a double holding 5 is not the int32 5).
    await sourceDb()
      .collection('bson_types')
      .insertOne({
        _id: 7 as unknown as mongo.ObjectId,
        double: new mongo.Double(5),
        int: new mongo.Int32(5),
        long: mongo.Long.fromNumber(2 ** 40),
        negativeZero: -0,
        uuid: new mongo.Binary(randomBytes(16), 4),
        when: new Date(0),
        nothing: null,
        text: 'line\nbreak — ünïcode "quoted"',
        nested: [{ a: [1, 'two'] }, {}],
      });
    const summary = await backupDatabase(sourceDb(), archive, { now: t.clock.now(), live: true });
    expect(summary.counts.attachment_chunks).to.equal(3);
  });

  after(async () => {
    for (const connection of opened) await connection.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores every document exactly as stored, with the same indexes, and the restored network works', async () => {
    expect(statSync(archive).mode & 0o777).to.equal(0o600);
    const target = await emptyDatabase();
    const summary = await restoreDatabase(target.db, archive, { ensureIndexes: () => target.modules.ensureIndexes() });

    const before = await snapshot(sourceDb());
    const after = await snapshot(target.db);
    expect(Object.keys(after).sort()).to.deep.equal(Object.keys(before).sort());
    for (const name of Object.keys(before)) {
      expect(after[name], name).to.deep.equal(before[name]);
      expect(summary.counts[name], name).to.equal(Object.keys(before[name] ?? {}).length);
    }
    expect(Object.keys(before.audit_log ?? {}).length).to.be.greaterThan(1);
    expect(await indexes(target.db)).to.deep.equal(await indexes(sourceDb()));

    const verdict = await verifySegments(target.modules.auditEntries.allSegments(), {
      logKeys: [target.modules.auditLog.key.publicKey],
    });
    expect(verdict).to.include({ ok: true, segments: Object.keys(before.audit_log ?? {}).length });
    expect(verdict.checked).to.be.greaterThan(10);

    // A server on the restored database: the offline recipient signs in and reads the message and its file.
    // The secret the archive's keys came from: the restored deployment signs on with them.
    const restored = await startTestServer({ DB_NAME: target.name, JWT_SECRET: 'x'.repeat(40) });
    try {
      await signIn(restored, ru);
      const page = await call<BacklogPage>(restored.url, 'GET', '/api/messages/backlog', {
        token: ru.session?.accessToken,
      });
      const message = page.body.messages.find((m) => m.attachmentIds.includes(attachmentId));
      if (!message) throw new Error('the message did not survive the restore');
      const payload = (await readAs(ru, kz, message.envelope)) as {
        text: string;
        attachments: Array<AttachmentSecret & { id: string }>;
      };
      expect(payload.text).to.equal('restored intact');
      const secret = payload.attachments[0];
      if (!secret) throw new Error('no attachment in the payload');
      const download = await fetch(`${restored.url}/api/attachments/${attachmentId}`, {
        headers: { authorization: `Bearer ${ru.session?.accessToken}` },
      });
      expect(download.status).to.equal(200);
      const plain = await collect(decryptAttachment([new Uint8Array(await download.arrayBuffer())], secret));
      expect(plain.equals(file)).to.equal(true);
    } finally {
      await restored.close();
    }
  });

  it('refuses a database that holds data, and changes nothing in it', async () => {
    const before = await snapshot(sourceDb());
    let error: Error | undefined;
    try {
      await restoreDatabase(sourceDb(), archive, { ensureIndexes: async () => undefined });
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).to.match(/already holds data \(.*audit_log: \d+/);
    expect(await snapshot(sourceDb())).to.deep.equal(before);
  });

  const damages: Array<[string, (source: string, damaged: string) => void, RegExp]> = [
    ['truncated before its trailer', (s, d) => rewriteArchive(s, d, (lines) => lines.slice(0, -3)), /truncated/],
    [
      'with one document edited',
      (s, d) => rewriteArchive(s, d, (lines) => lines.map((line) => line.replace('"username":"', '"username":"x'))),
      /checksum does not match/,
    ],
    [
      "with a document removed and the trailer's counts kept",
      (s, d) => rewriteArchive(s, d, (lines) => lines.filter((_, i) => i !== 1)),
      /checksum does not match/,
    ],
    [
      'with a byte of the compressed file flipped',
      (s, d) => {
        const bytes = readFileSync(s);
        const middle = Math.floor(bytes.length / 2);
        bytes[middle] = (bytes[middle] ?? 0) ^ 0xff;
        writeFileSync(d, bytes);
      },
      /not a readable backup|checksum|not JSON|Extended JSON|malformed/,
    ],
    ['that is not a backup', (_s, d) => writeFileSync(d, gzipSync('{"hello":"world"}\n')), /not a FocalNet backup/],
    ['that is not gzip', (_s, d) => writeFileSync(d, 'plain text'), /not a readable backup/],
  ];
  for (const [what, damage, reason] of damages) {
    it(`refuses an archive ${what} before writing anything`, async () => {
      const damaged = path.join(dir, `damaged-${what.replace(/\W+/g, '-')}.gz`);
      damage(archive, damaged);
      const target = await emptyDatabase();
      let error: Error | undefined;
      try {
        await restoreDatabase(target.db, damaged, { ensureIndexes: () => target.modules.ensureIndexes() });
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message).to.match(reason);
      expect(await documentCount(target.db)).to.equal(0);
    });
  }

  it('a restore that fails part-way removes what it wrote', async () => {
    // A well-formed archive whose second user breaks the unique username index.
    const user = (id: string) => ({ _id: new mongo.ObjectId(id), username: 'twin', role: 'focal-point', state: 'KZ' });
    const lines = [
      headerLine({
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        database: 'x',
        collections: ['member_states', 'users'],
        live: false,
      }),
      documentLine('member_states', { _id: 'KZ', domains: ['border'] }),
      documentLine('users', user('64b000000000000000000001')),
      documentLine('users', user('64b000000000000000000002')),
    ];
    const { createHash } = await import('node:crypto');
    const sha256 = createHash('sha256').update(lines.join('')).digest('hex');
    const crafted = path.join(dir, 'twins.gz');
    writeFileSync(
      crafted,
      gzipSync(lines.join('') + trailerLine({ end: true, counts: { member_states: 1, users: 2 }, sha256 })),
    );

    const target = await emptyDatabase();
    let error: Error | undefined;
    try {
      await restoreDatabase(target.db, crafted, { ensureIndexes: () => target.modules.ensureIndexes() });
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).to.match(/restore failed, and what it had written was removed again/);
    expect(await documentCount(target.db)).to.equal(0);
  });

  it('never overwrites a file, and leaves no partial file behind', async () => {
    const before = readFileSync(archive);
    let error: Error | undefined;
    try {
      await backupDatabase(sourceDb(), archive, { now: new Date(), live: true });
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).to.match(/exists already/);
    expect(readFileSync(archive).equals(before)).to.equal(true);
    expect(existsSync(`${archive}.partial`)).to.equal(false);
  });

  it('from the command line: backup, verify, restore into an empty database, refusals with exit code 1', async () => {
    const name = t.server.database.connection.name;
    const target = path.join(dir, 'cli.gz');
    const backup = await cli(['backup', target], { MONGODB_URI: testMongoUri(), DB_NAME: name });
    expect(backup.code, backup.out).to.equal(0);
    expect(backup.out).to.match(/backup written: .*cli\.gz \(\d+ documents in \d+ collections\)/);

    // Checking a copy needs no database and no configuration.
    const verified = await cli(['backup:verify', target], {});
    expect(verified.code, verified.out).to.equal(0);
    expect(verified.out).to.match(
      /backup intact: .*cli\.gz\ntaken .* from database .*: \d+ documents in \d+ collections/,
    );
    const damaged = path.join(dir, 'cli-damaged.gz');
    rewriteArchive(target, damaged, (lines) => lines.slice(0, -1));
    const refused = await cli(['backup:verify', damaged], {});
    expect(refused.code).to.equal(1);
    expect(refused.out).to.contain('truncated');

    const restoredName = uniqueDbName('clirestore');
    const restore = await cli(['restore', target], { MONGODB_URI: testMongoUri(), DB_NAME: restoredName });
    expect(restore.code, restore.out).to.equal(0);
    expect(restore.out).to.match(/restored \d+ documents .*\naudit log intact: \d+ entries/);

    const again = await cli(['restore', target], { MONGODB_URI: testMongoUri(), DB_NAME: restoredName });
    expect(again.code).to.equal(1);
    expect(again.out).to.match(/already holds data/);

    // The embedded database of a running server (here: the tests' own FerretDB) is copied only with --live.
    const running = await cli(['backup', path.join(dir, 'running.gz')], { DATA_DIR: testDatabaseDir(), DB_NAME: name });
    expect(running.code).to.equal(1);
    expect(running.out).to.match(/server is running on this database: stop it .* or pass --live/);
    expect(existsSync(path.join(dir, 'running.gz'))).to.equal(false);

    const usage = await cli(['backup', target, '--lve'], { MONGODB_URI: testMongoUri(), DB_NAME: name });
    expect(usage.code).to.equal(1);
    expect(usage.out).to.match(/usage: npm run cli -- backup <file> \[--live\]/);
  });
});
