import { expect } from 'chai';
import { verifyWitnessSignature } from '../../../../../shared/audit/tree-head.js';
import { toBase64Url } from '../../../../../shared/crypto/encoding.js';
import { getSodium } from '../../../../../shared/crypto/sodium.js';
import { checkAuditLog } from '../../../../../client/sdk/audit-log/check-audit-log.js';
import { memoryAuditHeadStore } from '../../../../../client/sdk/audit-log/head-store.js';
import { witnessHead } from '../../../../../client/sdk/audit-log/witness-head.js';
import { FakeAuditLog, sha256 } from './fake-audit-log.js';

describe('witnessHead', () => {
  it('co-signs the verified head with the identity key, once per head', async () => {
    const log = await FakeAuditLog.create(6);
    const store = memoryAuditHeadStore();
    const keys = (await getSodium()).crypto_sign_keypair();
    const deps = { api: log, store, userId: 'admin', identityPrivateKey: keys.privateKey };
    const verdict = await checkAuditLog({ api: log, store, userId: 'admin', sha256 });
    if (!verdict.ok) throw new Error('the log did not verify');

    expect(await witnessHead(deps, verdict.head)).to.equal(true);
    expect(await witnessHead(deps, verdict.head)).to.equal(false);
    expect(log.witnesses).to.have.length(1);
    const [sent] = log.witnesses;
    expect(sent!.head).to.deep.equal({ size: 6, root: verdict.head.root, at: verdict.head.at });
    expect(await verifyWitnessSignature(sent!.head, sent!.signature, toBase64Url(keys.publicKey))).to.equal(true);
    expect((await store.load('admin'))?.witnessedSize).to.equal(6);
  });

  it('never co-signs a head this client did not verify and save', async () => {
    const log = await FakeAuditLog.create(3);
    const store = memoryAuditHeadStore();
    await checkAuditLog({ api: log, store, userId: 'admin', sha256 });
    log.append(1);
    const unverified = await log.signedHead();
    const keys = (await getSodium()).crypto_sign_keypair();
    expect(
      await witnessHead({ api: log, store, userId: 'admin', identityPrivateKey: keys.privateKey }, unverified),
    ).to.equal(false);
    expect(log.witnesses).to.deep.equal([]);
  });
});
