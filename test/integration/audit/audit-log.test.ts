import { expect } from 'chai';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { memoryTreeHashes, verifyConsistency, verifyInclusion } from '../../../shared/audit/merkle.js';
import { verifyTreeHeadSignature, type SignedTreeHead } from '../../../shared/audit/tree-head.js';
import { fromBase64Url, toBase64Url } from '../../../shared/crypto/encoding.js';
import type { ConsistencyResponse, InclusionResponse } from '../../../shared/schemas/audit-log.js';
import type { AuditLogHeadResponse } from '../../../shared/schemas/audit-log.js';
import { entryLeafHash, sha256 } from '../../../server/modules/audit/audit-entry.js';
import { createAuditLog, type AuditLog } from '../../../server/modules/audit/audit-log.js';
import { verifySegments } from '../../../server/modules/audit/verify-log.js';
import { bootstrapNetworkAdmin, type TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { AUDIT_TEST_JWT_SECRET, cliVerify } from '../../helpers/audit-cli.js';
import { auditEntries } from '../../helpers/audit.js';
import { forgeLog, segmentsCollection } from '../../helpers/audit-forgery.js';
import { startTestServer, type TestServer } from '../../helpers/test-server.js';

/** A user id of the form the API documents (24 hex digits). */
const idOf = (n: number): string => n.toString(16).padStart(24, '0');

describe('audit log: a Merkle tree with signed heads', function () {
  this.timeout(120_000);
  let t: TestServer;
  let root: TestPerson;
  beforeEach(async () => {
    t = await startTestServer({ JWT_SECRET: AUDIT_TEST_JWT_SECRET });
    root = await bootstrapNetworkAdmin(t);
  });
  afterEach(async () => t.close());

  const audit = (): AuditLog => t.server.accounts.audit;
  const get = <T>(route: string) => call<T>(t.url, 'GET', route, { token: root.session?.accessToken });

  async function appendSome(count: number, state = 'KZ'): Promise<void> {
    // Concurrent appends: several group commits, so several segments and heads.
    for (let i = 0; i < count; i += 5)
      await Promise.all(
        Array.from({ length: Math.min(5, count - i) }, (_, k) =>
          audit().append({
            type: 'user.updated',
            actorId: idOf(i + k),
            state,
            subjectId: idOf(i + k + 1),
            data: { i: i + k },
          }),
        ),
      );
  }

  const head = async (): Promise<SignedTreeHead> => (await get<AuditLogHeadResponse>('/api/audit/log/head')).body.head;

  it('stores the 2^8-leaf subtrees it completes while appending, so no proof finds them cold', async () => {
    await appendSome(600);
    const leaves: Uint8Array[] = [];
    for await (const entry of t.server.auditEntries.all()) leaves.push(entryLeafHash(entry));
    expect(leaves.length).to.be.at.least(512);
    const stored = await t.server.database.connection
      .collection<{ _id: string; hash: string }>('audit_log_nodes')
      .find({ _id: { $in: ['8:0', '8:256'] } })
      .toArray();
    const expected = memoryTreeHashes(sha256, leaves);
    expect(stored.map((node) => node._id).sort()).to.deep.equal(['8:0', '8:256']);
    for (const node of stored) {
      const start = Number(node._id.split(':')[1]);
      expect(node.hash, node._id).to.equal(toBase64Url(await expected.perfect(start, 8)));
    }
  });

  it('publishes its key; the newest head is signed by it and its root is the tree of every entry', async () => {
    await appendSome(12);
    const key = await call<{ publicKey: string }>(t.url, 'GET', '/api/directory/audit-log-key');
    expect(key.status).to.equal(200);
    const response = await get<AuditLogHeadResponse>('/api/audit/log/head');
    expect(response.status).to.equal(200);
    expect(response.body.logKey).to.equal(key.body.publicKey);
    expect(await verifyTreeHeadSignature(response.body.head, key.body.publicKey)).to.equal(true);
    const verdict = await verifySegments(t.server.auditEntries.allSegments(), { logKeys: [key.body.publicKey] });
    expect(verdict).to.include({ ok: true, checked: response.body.head.size, root: response.body.head.root });
    const cli = await cliVerify(t);
    expect(cli.code, cli.out).to.equal(0);
    expect(cli.out).to.match(new RegExp(`audit log intact: ${response.body.head.size} entries`));
  });

  it('a consistency proof from an older head verifies; a larger `from` or a size with no head is refused', async () => {
    await appendSome(7);
    const saved = await head();
    await appendSome(23);
    const proof = await get<ConsistencyResponse>(`/api/audit/log/consistency?from=${saved.size}`);
    expect(proof.status).to.equal(200);
    const now = proof.body.head;
    expect(now.size).to.be.greaterThan(saved.size);
    const ok = verifyConsistency(
      sha256,
      saved.size,
      now.size,
      fromBase64Url(saved.root),
      fromBase64Url(now.root),
      proof.body.proof.map(fromBase64Url),
    );
    expect(ok).to.equal(true);
    const pinned = await get<ConsistencyResponse>(`/api/audit/log/consistency?from=1&to=${saved.size}`);
    expect(pinned.body.head).to.deep.equal(saved);
    const backwards = await get<{ error: { code: string } }>(
      `/api/audit/log/consistency?from=${now.size}&to=${saved.size}`,
    );
    expect(backwards.status).to.equal(400);
    expect(backwards.body.error.code).to.equal('audit-log.size-out-of-range');
    // Heads exist where a group commit ended: find a size inside a segment.
    const segments = await segmentsCollection(t)
      .find({ size: { $gt: 1 } })
      .toArray();
    const inner = segments.find((s) => s.size - s.firstSeq >= 1);
    expect(inner, 'a segment of two or more entries').to.not.equal(undefined);
    const unknown = await get<{ error: { code: string } }>(
      `/api/audit/log/consistency?from=0&to=${(inner?.size ?? 2) - 1}`,
    );
    expect(unknown.status).to.equal(404);
    expect(unknown.body.error.code).to.equal('audit-log.unknown-head');
  });

  it('an inclusion proof of a random entry verifies; of a changed entry it fails', async () => {
    await appendSome(40);
    const now = await head();
    const seq = 1 + Math.floor(Math.random() * now.size);
    const response = await get<InclusionResponse>(`/api/audit/log/inclusion?seq=${seq}&size=${now.size}`);
    expect(response.status).to.equal(200);
    const { entry, index, proof } = response.body;
    const leaf = entryLeafHash({ ...entry, at: new Date(entry.at) });
    expect(entry.leafHash).to.equal(Buffer.from(leaf).toString('base64url'));
    const path = proof.map(fromBase64Url);
    expect(verifyInclusion(sha256, index, now.size, leaf, path, fromBase64Url(now.root))).to.equal(true);
    const changed = entryLeafHash({ ...entry, at: new Date(entry.at), data: { ...entry.data, i: 9999 } });
    expect(verifyInclusion(sha256, index, now.size, changed, path, fromBase64Url(now.root))).to.equal(false);
    const past = await get<{ error: { code: string } }>(
      `/api/audit/log/inclusion?seq=${now.size + 1}&size=${now.size}`,
    );
    expect(past.status).to.equal(400);
  });

  it('truncation: the last segments deleted → no proof from the saved head, and audit:verify --head fails', async () => {
    await appendSome(20);
    const saved = await head();
    const file = path.join(t.dataDir, 'saved-head.json');
    await writeFile(file, JSON.stringify(saved));
    const intact = await cliVerify(t, ['--head', file]);
    expect(intact.code, intact.out).to.equal(0);
    expect(intact.out).to.contain('the log extends it');
    const last = (await segmentsCollection(t).find({}).sort({ _id: -1 }).limit(2).toArray()).map((s) => s._id);
    await segmentsCollection(t).deleteMany({ _id: { $in: last } });
    const proof = await get<{ error: { code: string } }>(`/api/audit/log/consistency?from=${saved.size}`);
    expect(proof.status).to.equal(400);
    expect(proof.body.error.code).to.equal('audit-log.size-out-of-range');
    const cli = await cliVerify(t, ['--head', file]);
    expect(cli.code).to.equal(1);
    expect(cli.out).to.contain('shortened');
  });

  it('rewrite: an old entry changed and every root and signature recomputed → consistency with the saved head fails', async () => {
    await appendSome(30);
    const saved = await head();
    const file = path.join(t.dataDir, 'saved-head.json');
    await writeFile(file, JSON.stringify(saved));
    // The attacker holds the server: the log key, the database.
    await forgeLog(t, AUDIT_TEST_JWT_SECRET, (entry) => (entry.seq === 3 ? { ...entry, data: { i: 1234 } } : entry));
    const plain = await cliVerify(t);
    expect(plain.code, 'a re-signed log passes on its own').to.equal(0);
    const now = await head();
    expect(now.size).to.equal(saved.size);
    expect(now.root).to.not.equal(saved.root);
    const proof = await get<ConsistencyResponse>(`/api/audit/log/consistency?from=${saved.size}`);
    expect(proof.status).to.equal(200);
    const ok = verifyConsistency(
      sha256,
      saved.size,
      proof.body.head.size,
      fromBase64Url(saved.root),
      fromBase64Url(proof.body.head.root),
      proof.body.proof.map(fromBase64Url),
    );
    expect(ok).to.equal(false);
    // A node started after the rewrite appends on from the forged log.
    const node = createAuditLog(t.server.auditEntries, t.clock, t.server.auditLog.key);
    for (let i = 0; i < 10; i++) await node.append({ type: 'auth.signed-in', data: { i } });
    const later = await get<ConsistencyResponse>(`/api/audit/log/consistency?from=${saved.size}`);
    const stillBad = verifyConsistency(
      sha256,
      saved.size,
      later.body.head.size,
      fromBase64Url(saved.root),
      fromBase64Url(later.body.head.root),
      later.body.proof.map(fromBase64Url),
    );
    expect(stillBad).to.equal(false);
    const cli = await cliVerify(t, ['--head', file]);
    expect(cli.code).to.equal(1);
    expect(cli.out).to.contain('rewritten');
  });

  it('an edited entry left unsigned is named by audit:verify', async () => {
    await appendSome(10);
    const holding = await segmentsCollection(t).findOne({ 'entries.seq': 4 });
    if (!holding) throw new Error('no segment holds entry 4');
    const entries = holding.entries.map((e) => (e.seq === 4 ? { ...e, data: { i: 99 } } : e));
    await segmentsCollection(t).updateOne({ _id: holding._id }, { $set: { entries } });
    const cli = await cliVerify(t);
    expect(cli.code).to.equal(1);
    expect(cli.out).to.match(/BROKEN at entry \d+: segment \d+'s root does not match its entries/);
  });

  it('two nodes appending at once on one database never fork the log', async () => {
    const key = t.server.auditLog.key;
    const nodeA = createAuditLog(t.server.auditEntries, t.clock, key);
    const nodeB = createAuditLog(t.server.auditEntries, t.clock, key);
    const appended = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? nodeA : nodeB).append({ type: 'auth.signed-in', data: { i } })),
    );
    const verdict = await verifySegments(t.server.auditEntries.allSegments(), { logKeys: [key.publicKey] });
    expect(verdict.ok, JSON.stringify(verdict)).to.equal(true);
    const stored = await auditEntries(t, { type: 'auth.signed-in', 'data.i': { $exists: true } });
    expect(new Set(stored.map((e) => e.data.i)).size).to.equal(60);
    expect(stored.length).to.equal(60);
    // Every caller's answer is the entry really stored.
    const bySeq = new Map(stored.map((e) => [e.seq, e.data.i]));
    for (const entry of appended) expect(bySeq.get(entry.seq)).to.equal(entry.data.i);
  });
});
