import { expect } from 'chai';
import { ApiError } from '../../../../../client/sdk/api-error.js';
import { checkAuditLog } from '../../../../../client/sdk/audit-log/check-audit-log.js';
import { memoryAuditHeadStore, type AuditHeadStore } from '../../../../../client/sdk/audit-log/head-store.js';
import { auditEntry, FakeAuditLog, sha256 } from './fake-audit-log.js';

const USER = 'user-1';

describe('checkAuditLog', () => {
  let log: FakeAuditLog;
  let store: AuditHeadStore;
  const check = () => checkAuditLog({ api: log, store, userId: USER, sha256 });

  beforeEach(async () => {
    log = await FakeAuditLog.create(5);
    store = memoryAuditHeadStore();
  });

  it('pins the log key and the head on first use', async () => {
    const verdict = await check();
    expect(verdict).to.deep.include({ ok: true, checkedFrom: null });
    const saved = await store.load(USER);
    expect(saved?.logKey).to.equal(log.publishedKey);
    expect(saved?.head.size).to.equal(5);
  });

  it('verifies the log grew from the saved head and moves the saved head on', async () => {
    await check();
    for (const grown of [1, 2, 7, 16]) {
      const from = log.entries.length;
      log.append(grown);
      const verdict = await check();
      expect(verdict).to.deep.include({ ok: true, checkedFrom: from });
      expect((await store.load(USER))?.head.size).to.equal(log.entries.length);
    }
    expect(log.reports).to.deep.equal([]);
  });

  it('passes a log that did not change', async () => {
    await check();
    expect(await check()).to.deep.include({ ok: true, checkedFrom: 5 });
  });

  it('reports a truncated log (the proof refused) and keeps the saved head', async () => {
    log.append(5);
    await check();
    const seen = (await store.load(USER))!.head;
    log.entries.splice(7);
    const verdict = await check();
    expect(verdict).to.deep.include({ ok: false, kind: 'truncated', reported: true, saved: seen });
    expect(verdict.ok === false && verdict.kind !== 'unchecked' && verdict.current?.size).to.equal(7);
    expect(log.reports.map((r) => [r.kind, r.saved.size, r.current?.size])).to.deep.equal([['truncated', 10, 7]]);
    expect((await store.load(USER))?.head).to.deep.equal(seen);
  });

  it('reports a truncated log when the server answers with a smaller head', async () => {
    await check();
    log.entries.splice(3);
    const refused = log.consistency.bind(log);
    log.consistency = async () => ({ ...(await refused(3)), from: 5 });
    expect(await check()).to.deep.include({ ok: false, kind: 'truncated' });
  });

  it('reports a discrepancy found again from the same saved head once (a reload, the next sign-in)', async () => {
    await check();
    log.entries.splice(2);
    expect(await check()).to.deep.include({ ok: false, kind: 'truncated', reported: true });
    log.append(1);
    expect(await check()).to.deep.include({ ok: false, kind: 'truncated', reported: true });
    // Grown back past the saved head with other entries: now it does not continue it.
    log.entries.push(...[4, 5, 6, 7].map((seq) => auditEntry(seq, { n: 'other' })));
    expect(await check()).to.deep.include({ ok: false, kind: 'inconsistent', reported: true });
    expect(log.reports.map((report) => report.kind)).to.deep.equal(['truncated', 'inconsistent']);
  });

  it('reports a rewritten log: an old entry changed and every hash recomputed', async () => {
    await check();
    log.append(4);
    log.entries[1] = auditEntry(2, { n: 'rewritten' });
    const verdict = await check();
    expect(verdict).to.deep.include({ ok: false, kind: 'inconsistent', reported: true });
    expect(log.reports[0]?.kind).to.equal('inconsistent');
    expect((await store.load(USER))?.head.size).to.equal(5);
  });

  it('reports a rewrite of the same size (a stale or forked head)', async () => {
    await check();
    log.entries[4] = auditEntry(5, { n: 'other' });
    expect(await check()).to.deep.include({ ok: false, kind: 'inconsistent' });
  });

  it('reports heads signed by another key than the one pinned', async () => {
    await check();
    await log.replaceKey();
    log.append(1);
    expect(await check()).to.deep.include({ ok: false, kind: 'bad-signature', reported: true });
    expect((await store.load(USER))?.logKey).not.to.equal(log.publishedKey);
  });

  it('follows renewals of the log key its pinned key signed, one or several since the last check, and pins the new key', async () => {
    await check();
    const pinned = log.publishedKey;
    await log.renewKey();
    log.append(3);
    expect(await check()).to.deep.include({ ok: true, checkedFrom: 5 });
    expect((await store.load(USER))?.logKey)
      .to.equal(log.publishedKey)
      .and.not.equal(pinned);
    await log.renewKey();
    await log.renewKey();
    log.append(2);
    expect(await check()).to.deep.include({ ok: true, checkedFrom: 8 });
    expect((await store.load(USER))?.logKey).to.equal(log.publishedKey);
    expect(log.reports).to.deep.equal([]);
  });

  it('does not follow a renewal signed by any key but the pinned one, nor a pin the log no longer signs with', async () => {
    await check();
    const pinned = log.publishedKey;
    const stranger = (await FakeAuditLog.create()).currentSecretKey;
    await log.renewKey(stranger); // "from the pinned key", signed by another: a forgery
    log.append(1);
    const forged = await check();
    expect(forged).to.deep.include({ ok: false, kind: 'bad-signature', reported: true });
    expect((await store.load(USER))?.logKey).to.equal(pinned);
  });

  it('reports a proof refused for a head the client holds', async () => {
    await check();
    log.refuseProofs = new ApiError(500, 'internal', 'no');
    expect(await check()).to.deep.include({ ok: false, kind: 'proof-refused', reported: true });
  });

  it('says so when the report could not be sent, and never overwrites the saved head', async () => {
    await check();
    log.entries.splice(2);
    log.refuseReports = true;
    expect(await check()).to.deep.include({ ok: false, kind: 'truncated', reported: false });
    expect((await store.load(USER))?.head.size).to.equal(5);
  });

  it('is "unchecked" when the server cannot be reached, and reports nothing', async () => {
    await check();
    log.offline = true;
    expect(await check()).to.deep.include({ ok: false, kind: 'unchecked' });
    expect(log.reports).to.deep.equal([]);
  });

  it('refuses a first head not signed by the key the directory publishes', async () => {
    const published = log.publishedKey;
    await log.replaceKey();
    log.logKey = () => Promise.resolve(published);
    expect(await check()).to.deep.include({ ok: false, kind: 'bad-signature', saved: null });
    expect(await store.load(USER)).to.equal(undefined);
  });

  it('keeps a newer head another tab saved meanwhile', async () => {
    await check();
    const other = await FakeAuditLog.create(0);
    log.append(1);
    const bigger = { ...(await store.load(USER))!, head: { ...(await other.signedHead()), size: 99 } };
    const consistency = log.consistency.bind(log);
    log.consistency = async (from) => {
      const answer = await consistency(from);
      await store.save(USER, bigger);
      return answer;
    };
    expect(await check()).to.deep.include({ ok: true });
    expect((await store.load(USER))?.head.size).to.equal(99);
  });
});
