import { expect } from 'chai';
import { checkAuditLog } from '../../../../../client/sdk/audit-log/check-audit-log.js';
import { memoryAuditHeadStore, type AuditHeadStore } from '../../../../../client/sdk/audit-log/head-store.js';
import { entryLeafHash, verifyEntryInclusion } from '../../../../../client/sdk/audit-log/verify-inclusion.js';
import { FakeAuditLog, sha256 } from './fake-audit-log.js';

const USER = 'user-1';

describe('verifyEntryInclusion', () => {
  let log: FakeAuditLog;
  let store: AuditHeadStore;
  const check = () => checkAuditLog({ api: log, store, userId: USER, sha256 });
  const verify = (entry: FakeAuditLog['entries'][number]) =>
    verifyEntryInclusion({ api: log, store, userId: USER, sha256, check }, entry);

  beforeEach(async () => {
    log = await FakeAuditLog.create(13);
    store = memoryAuditHeadStore();
    await check();
  });

  it('proves every entry is under the verified head', async () => {
    for (const entry of log.entries) expect(await verify(entry)).to.deep.include({ ok: true, seq: entry.seq });
  });

  it('fails an entry whose fields were changed (its leaf hash no longer matches)', async () => {
    const changed = { ...log.entries[6]!, data: { n: 'changed' } };
    expect(await verify(changed)).to.deep.include({ ok: false, reason: 'leaf-mismatch' });
  });

  it('fails a changed entry shown with a recomputed leaf hash (the proof does not reach the root)', async () => {
    const changed = { ...log.entries[6]!, type: 'auth.signed-out' };
    expect(await verify({ ...changed, leafHash: entryLeafHash(sha256, changed) })).to.deep.include({
      ok: false,
      reason: 'proof-failed',
    });
  });

  it('checks the log first for an entry newer than the saved head', async () => {
    log.append(4);
    expect(await verify(log.entries[15]!)).to.deep.include({ ok: true, seq: 16 });
    expect((await store.load(USER))?.head.size).to.equal(17);
  });

  it('proves nothing against a log that did not verify', async () => {
    log.append(2);
    log.entries[0] = { ...log.entries[0]!, data: { n: 'x' } };
    log.entries[0] = { ...log.entries[0], leafHash: entryLeafHash(sha256, log.entries[0]) };
    expect(await verify(log.entries[14]!)).to.deep.include({ ok: false, reason: 'log-unverified' });
  });

  it('leaves out alsoStates when absent and hashes them when present', async () => {
    const entry = { ...log.entries[2]!, alsoStates: ['RU'] };
    expect(entryLeafHash(sha256, entry)).not.to.equal(log.entries[2]!.leafHash);
    expect(entryLeafHash(sha256, { ...entry, alsoStates: [] })).to.equal(log.entries[2]!.leafHash);
  });
});
