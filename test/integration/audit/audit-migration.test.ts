import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/crypto/canonical-json.js';
import { verifySegments } from '../../../server/modules/audit/verify-log.js';
import { uniqueDbName } from '../../helpers/test-database.js';
import { startTestServer } from '../../helpers/test-server.js';
import { AUDIT_TEST_JWT_SECRET } from '../../helpers/audit-cli.js';
import { auditEntries } from '../../helpers/audit.js';
import mongoose from 'mongoose';
import { auditLogModel } from '../../../server/db/models/audit-log.model.js';
import { AuditLegacyRepository } from '../../../server/db/repositories/audit-legacy.repository.js';
import { AuditRepository } from '../../../server/db/repositories/audit.repository.js';
import { logKey } from '../../../server/modules/audit/log-key.js';
import { migrateLegacyTrail } from '../../../server/modules/audit/migrate-legacy-trail.js';
import type { AuditStore } from '../../../server/modules/audit/ports.js';
import { testMongoUri } from '../../helpers/test-database.js';

/** Writes the hash chain an earlier version kept (`audit_entries`), `count` entries. */
async function writeLegacyTrail(dbName: string, count: number, tamper?: (seq: number) => boolean): Promise<void> {
  const connection = await mongoose.createConnection(testMongoUri(), { dbName }).asPromise();
  try {
    let prevHash = '0'.repeat(64);
    const docs = [];
    for (let seq = 1; seq <= count; seq++) {
      const record = {
        seq,
        at: new Date(Date.UTC(2025, 0, 1) + seq * 1000),
        type: 'auth.signed-in',
        actorId: null,
        state: seq % 2 ? 'KZ' : 'RU',
        subjectId: null,
        data: { n: seq },
        prevHash,
      };
      const hash = createHash('sha256')
        .update(canonicalJson({ ...record, at: record.at.toISOString() }))
        .digest('hex');
      docs.push({ _id: seq, ...record, hash, ...(tamper?.(seq) ? { data: { n: -1 } } : {}) });
      prevHash = hash;
    }
    await connection.collection<{ _id: number }>('audit_entries').insertMany(docs);
  } finally {
    await connection.close();
  }
}

describe('audit log: the hash chain of earlier versions moves into the log once', function () {
  this.timeout(180_000);

  it('an intact chain becomes segments of at most 1,000 entries, verified, with the same entries; once only', async () => {
    const dbName = uniqueDbName('migrate');
    await writeLegacyTrail(dbName, 2_345);
    const t = await startTestServer({ DB_NAME: dbName, JWT_SECRET: AUDIT_TEST_JWT_SECRET });
    try {
      const segments = [];
      for await (const segment of t.server.auditEntries.allSegments()) segments.push(segment);
      expect(segments.map((s) => s.entries.length)).to.deep.equal([1000, 1000, 345]);
      const verdict = await verifySegments(t.server.auditEntries.allSegments(), {
        logKeys: [t.server.auditLog.key.publicKey],
      });
      expect(verdict).to.include({ ok: true, checked: 2_345 });
      const kz = await auditEntries(t, { state: 'KZ' });
      expect(kz.length).to.equal(1_173);
      expect(kz[0]).to.deep.include({ seq: 1, type: 'auth.signed-in', data: { n: 1 } });
      expect(kz[0]?.at.toISOString()).to.equal(new Date(Date.UTC(2025, 0, 1) + 1000).toISOString());
      // Appends continue the log.
      const next = await t.server.accounts.audit.append({ type: 'auth.signed-in', state: 'KZ' });
      expect(next.seq).to.equal(2_346);
    } finally {
      await t.close();
    }
    // A second start does not move it again.
    const again = await startTestServer({ DB_NAME: dbName, JWT_SECRET: AUDIT_TEST_JWT_SECRET });
    try {
      const verdict = await verifySegments(again.server.auditEntries.allSegments(), {
        logKeys: [again.server.auditLog.key.publicKey],
      });
      expect(verdict).to.include({ ok: true, checked: 2_346 });
    } finally {
      await again.close();
    }
  });

  it('a broken chain is not moved: the server refuses to start and says why', async () => {
    const dbName = uniqueDbName('migrate');
    await writeLegacyTrail(dbName, 30, (seq) => seq === 17);
    const error = await startTestServer({ DB_NAME: dbName }).then(
      async (t) => {
        await t.close();
        return undefined;
      },
      (e: unknown) => e as Error,
    );
    expect(error?.message).to.match(/audit trail of this database \(audit_entries\) is broken at entry 17/);
  });
});

describe('audit log: a move of the old trail cut short goes on at the next start', function () {
  this.timeout(180_000);

  it('the entries already moved are checked, the rest moved, nothing twice', async () => {
    const dbName = uniqueDbName('migrate');
    await writeLegacyTrail(dbName, 2_500);
    const connection = await mongoose.createConnection(testMongoUri(), { dbName }).asPromise();
    try {
      const store = new AuditRepository(auditLogModel(connection));
      const key = logKey(AUDIT_TEST_JWT_SECRET);
      let inserts = 0;
      const stopping: AuditStore = Object.assign(Object.create(store) as AuditRepository, {
        tryInsert: async (segment: Parameters<AuditStore['tryInsert']>[0]) => {
          if ((inserts += 1) > 1) throw new Error('the node stopped');
          return store.tryInsert(segment);
        },
      });
      const cut = await migrateLegacyTrail(stopping, new AuditLegacyRepository(connection), key).catch((e: Error) => e);
      expect(String(cut)).to.contain('the node stopped');
      expect((await store.lastSegment())?.size).to.equal(1_000);
    } finally {
      await connection.close();
    }
    const t = await startTestServer({ DB_NAME: dbName, JWT_SECRET: AUDIT_TEST_JWT_SECRET });
    try {
      const verdict = await verifySegments(t.server.auditEntries.allSegments(), {
        logKeys: [t.server.auditLog.key.publicKey],
      });
      expect(verdict).to.include({ ok: true, checked: 2_500, segments: 3 });
    } finally {
      await t.close();
    }
  });
});
