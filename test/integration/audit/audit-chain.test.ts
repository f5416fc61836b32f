import { expect } from 'chai';
import { spawn } from 'node:child_process';
import type { AuditLog } from '../../../server/modules/audit/audit-log.js';
import { verifyChain } from '../../../server/modules/audit/audit-chain.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';
import { testMongoUri } from '../../helpers/test-database.js';
import { TEST_OPAQUE_SERVER_SETUP } from '../../helpers/opaque.js';

/** Runs `npm run cli -- audit:verify` against the test server's database. */
function cliVerify(t: TestServer): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'audit:verify'], {
      env: {
        PATH: process.env.PATH ?? '',
        MONGODB_URI: testMongoUri(),
        DB_NAME: t.server.database.connection.name,
        JWT_SECRET: 'x'.repeat(40),
        OPAQUE_SERVER_SETUP: TEST_OPAQUE_SERVER_SETUP,
        LOG_LEVEL: 'silent',
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

describe('audit trail', function () {
  this.timeout(60_000);
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(async () => t.close());

  const audit = (): AuditLog => t.server.accounts.audit;
  const entries = () => t.server.database.connection.collection('audit_entries');

  async function appendSome(count: number): Promise<void> {
    for (let i = 0; i < count; i++)
      await audit().append({
        type: 'user.updated',
        actorId: `actor${i}`,
        state: 'KZ',
        subjectId: `s${i}`,
        data: { i },
      });
  }

  it('concurrent appends never fork the chain: seq is contiguous and every link holds', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => audit().append({ type: 'auth.signed-in', actorId: `u${i}`, data: { i } })),
    );
    const stored = await entries().find({}).sort({ seq: 1 }).toArray();
    expect(stored.map((e) => e.seq)).to.deep.equal(Array.from({ length: 25 }, (_, i) => i + 1));
    const verdict = await verifyChain(t.server.auditEntries.all());
    expect(verdict).to.include({ ok: true, checked: 25 });
  });

  it('two nodes appending at once (each with its own remembered head) never fork the chain', async () => {
    const { createAuditLog } = await import('../../../server/modules/audit/audit-log.js');
    const nodeA = createAuditLog(t.server.auditEntries, t.clock);
    const nodeB = createAuditLog(t.server.auditEntries, t.clock);
    const appended = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? nodeA : nodeB).append({ type: 'auth.signed-in', data: { i } })),
    );
    const verdict = await verifyChain(t.server.auditEntries.all());
    expect(verdict).to.include({ ok: true, checked: 30 });
    // Group commits that lost a race: every caller's answer is the entry really stored, each event once.
    const stored = await entries().find({}).toArray();
    expect(new Set(stored.map((e) => (e.data as { i: number }).i)).size).to.equal(30);
    const hashBySeq = new Map(stored.map((e) => [e.seq as number, e.hash as string]));
    for (const entry of appended) expect(hashBySeq.get(entry.seq)).to.equal(entry.hash);
  });

  it('the verifier names an edited entry', async () => {
    await appendSome(6);
    await entries().updateOne({ seq: 4 }, { $set: { 'data.i': 99 } });
    const result = await cliVerify(t);
    expect(result.code).to.equal(1);
    expect(result.out).to.contain('BROKEN at entry 4');
    expect(result.out).to.contain('changed');
  });

  it('the verifier names a deleted entry', async () => {
    await appendSome(5);
    await entries().deleteOne({ seq: 2 });
    const result = await cliVerify(t);
    expect(result.code).to.equal(1);
    expect(result.out).to.contain('BROKEN at entry 2');
  });

  it('the verifier names an entry whose hash was recomputed to hide an edit (the next link breaks)', async () => {
    await appendSome(5);
    const { hashAuditRecord } = await import('../../../server/modules/audit/audit-chain.js');
    const third = await entries().findOne({ seq: 3 });
    if (!third) throw new Error('missing entry');
    const forged = {
      seq: 3,
      at: third.at as Date,
      type: String(third.type),
      actorId: third.actorId as string,
      state: third.state as string,
      subjectId: third.subjectId as string,
      data: { i: 1234 },
      prevHash: String(third.prevHash),
    };
    await entries().updateOne({ seq: 3 }, { $set: { data: forged.data, hash: hashAuditRecord(forged) } });
    const result = await cliVerify(t);
    expect(result.code).to.equal(1);
    expect(result.out).to.contain('BROKEN at entry 4');
  });

  it('an intact chain verifies', async () => {
    await appendSome(3);
    const result = await cliVerify(t);
    expect(result.code, result.out).to.equal(0);
    expect(result.out).to.match(/audit chain intact: 3 entries/);
  });
  it('a node that starts finds the head by key lookups, not the sorted read, and chains on from it', async () => {
    await appendSome(150);
    const repository = t.server.auditEntries;
    const sorted = repository.sortedHead.bind(repository);
    const expected = await sorted();
    // Any sorted or filtered read through the model (the scan on FerretDB) fails the test.
    const model = (repository as unknown as { model: { findOne: unknown; find: unknown } }).model;
    const { findOne, find } = model;
    const refuse = (): never => {
      throw new Error('the head should come from key lookups');
    };
    repository.sortedHead = () => Promise.reject(new Error('the head should come from key lookups'));
    model.findOne = refuse;
    model.find = refuse;
    try {
      expect(expected?.seq).to.be.at.least(150);
      expect((await repository.head())?.seq).to.equal(expected?.seq);
      // A node that starts now chains on from there.
      const { createAuditLog } = await import('../../../server/modules/audit/audit-log.js');
      const entry = await createAuditLog(repository, t.clock).append({ type: 'auth.signed-in' });
      expect(entry.seq).to.equal((expected?.seq ?? 0) + 1);
    } finally {
      repository.sortedHead = sorted;
      model.findOne = findOne;
      model.find = find;
    }
    expect(await verifyChain(repository.all())).to.include({ ok: true });
  });

  it('past missing entries (tampering) the head is still the last entry, and the verifier reports the gap', async () => {
    await appendSome(20);
    const repository = t.server.auditEntries;
    const last = (await repository.sortedHead())?.seq ?? 0;
    await entries().deleteMany({ seq: { $in: [3, last - 1] } });
    expect((await repository.head())?.seq).to.equal(last);
    await entries().deleteOne({ seq: last });
    expect((await repository.head())?.seq).to.equal(last - 2);
    const verdict = await verifyChain(repository.all());
    expect(verdict.ok).to.equal(false);
  });
});
