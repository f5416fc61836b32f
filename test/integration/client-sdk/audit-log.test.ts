import { expect } from 'chai';
import { verifyWitnessSignature } from '../../../shared/audit/tree-head.js';
import { sodiumSha256 } from '../../../client/sdk/audit-log/sha256.js';
import { entryLeafHash } from '../../../client/sdk/audit-log/verify-inclusion.js';
import { memoryAuditHeadStore, type AuditHeadStore, type AuditLogVerdict } from '../../../client/sdk/index.js';
import { startSdkNetwork, type Network } from '../../helpers/network.js';
import { sdkClient, sdkTotp, type SdkPerson } from '../../helpers/sdk.js';
import type { SdkMember } from '../../helpers/sdk-people.js';
import type { AlertChannelFactory } from '../../../server/composition/alerts.js';
import type { Alert } from '../../../shared/schemas/alerts.js';
import { AUDIT_TEST_JWT_SECRET } from '../../helpers/audit-cli.js';
import { dropNewestAuditEntries, restartServer, rewriteAuditEntry } from '../../helpers/audit-log-tamper.js';
import type { TestServer } from '../../helpers/test-server.js';

/** A fresh client of `person` over `store` (a browser that kept its heads), signed in; its verdict. */
async function signInWith(t: TestServer, person: SdkPerson, store: AuditHeadStore) {
  const client = sdkClient(t, { auditHeads: store });
  const totp = person.totpSecret ? await sdkTotp(t, person.totpSecret) : undefined;
  await client.signIn({ username: person.username, password: person.password, ...(totp ? { totp } : {}) });
  const verdict = await client.auditLog.settled();
  return { client, verdict: verdict as AuditLogVerdict };
}

describe('SDK: every sign-in checks the audit log (real server)', function () {
  this.timeout(240_000);
  let net: Network<SdkPerson, SdkMember>;
  /** The server now: the network's, or the one restarted after tampering with its database. */
  let t: TestServer;
  const alerts: Array<{ alert: Alert; userIds: string[] }> = [];
  const recording: AlertChannelFactory = () => ({
    name: 'recording',
    accept: async (alert, audience) => void alerts.push({ alert, userIds: audience.userIds }),
    drain: async () => ({ sent: 0, retried: 0, failed: 0 }),
  });
  const restart = async (): Promise<void> => {
    t = await restartServer(t, { alertChannels: [recording] });
  };

  beforeEach(async () => {
    alerts.splice(0);
    net = await startSdkNetwork({
      states: { KZ: { focalPoints: { border: 1 } } },
      env: { JWT_SECRET: AUDIT_TEST_JWT_SECRET },
      server: { alertChannels: [recording] },
    });
    t = net.t;
  });
  afterEach(async () => t?.close());

  it('pins the key and head at the first sign-in, and verifies the log grew at the next', async () => {
    const fp = net.focalPoint('KZ');
    const store = memoryAuditHeadStore();
    const first = await signInWith(t, fp, store);
    expect(first.verdict).to.deep.include({ ok: true, checkedFrom: null });
    const pinned = await store.load(fp.id);
    expect(pinned?.logKey).to.equal(await first.client.auditLog.api.logKey());
    const firstSize = pinned!.head.size;

    await net.admin('KZ').client.directory.confirmEntry(fp.id); // audited: the log grows
    const second = await signInWith(t, fp, store);
    expect(second.verdict).to.deep.include({ ok: true, checkedFrom: firstSize });
    expect((await store.load(fp.id))!.head.size).to.be.greaterThan(firstSize);
  });

  it('a truncated log: the next sign-in says so, the report is in the trail and the national admin is alerted', async () => {
    const fp = net.focalPoint('KZ');
    const store = memoryAuditHeadStore();
    await signInWith(t, fp, store);
    const seen = (await store.load(fp.id))!.head;

    await dropNewestAuditEntries(t, 5);
    await restart();
    const { verdict } = await signInWith(t, fp, store);
    expect(verdict).to.deep.include({ ok: false, kind: 'truncated', reported: true, saved: seen });
    expect((await store.load(fp.id))!.head).to.deep.equal(seen);

    const root = await signInWith(t, net.root, memoryAuditHeadStore());
    const reports = await root.client.audit.list({ type: 'audit-log.discrepancy-reported', order: 'desc' });
    expect(reports.map((entry) => [entry.actorId, entry.data.kind])).to.deep.include([fp.id, 'truncated']);
    const told = new Set(alerts.filter((a) => a.alert.kind === 'audit-log.discrepancy').flatMap((a) => a.userIds));
    expect(told.has(net.admin('KZ').id), 'the national admin').to.equal(true);
    expect(told.has(net.root.client.session.current()!.user.id), 'the secretariat').to.equal(true);
  });

  it('a rewritten log (an old entry changed, every hash and signature recomputed) fails consistency', async () => {
    const fp = net.focalPoint('KZ');
    const store = memoryAuditHeadStore();
    await signInWith(t, fp, store);
    const seen = (await store.load(fp.id))!.head;

    await rewriteAuditEntry(t, 2, { note: 'rewritten' });
    await restart();
    const { verdict } = await signInWith(t, fp, store);
    expect(verdict).to.deep.include({ ok: false, kind: 'inconsistent', reported: true, saved: seen });
  });

  it("a national admin's sign-in co-signs the head it verified, and the head lists it", async () => {
    const admin = net.admin('KZ');
    const { client, verdict } = await signInWith(t, admin, memoryAuditHeadStore());
    if (!verdict.ok) throw new Error(`the log did not verify: ${verdict.kind}`);
    await client.unlockKeys({ password: admin.password });
    for (let i = 0; i < 50 && !client.auditLog.status()?.witness; i++) await new Promise((r) => setTimeout(r, 100));
    expect(client.auditLog.status()?.witness).to.deep.equal({ size: verdict.head.size });

    const { witnesses } = await client.auditLog.api.head();
    const mine = witnesses.find((witness) => witness.userId === admin.id);
    expect(mine).to.deep.include({ state: 'KZ' });
    expect(mine!.head.size).to.equal(verdict.head.size);
    const identityKey = client.session.current()!.user.keys!.identityKey;
    expect(await verifyWitnessSignature(mine!.head, mine!.signature, identityKey)).to.equal(true);
  });

  it('an entry of the trail is proven included; a changed one is not', async () => {
    const admin = net.admin('KZ');
    const entries = await admin.client.audit.list({ limit: 500 });
    const entry = entries[Math.floor(Math.random() * entries.length)]!;
    expect(await admin.client.auditLog.verifyInclusion(entry)).to.deep.include({ ok: true, seq: entry.seq });

    const changed = { ...entry, data: { ...entry.data, extra: 'changed' } };
    expect(await admin.client.auditLog.verifyInclusion(changed)).to.deep.include({
      ok: false,
      reason: 'leaf-mismatch',
    });
    // Shown with a leaf hash that matches the change, the server's proof does not reach the verified root.
    const rehashed = { ...changed, leafHash: entryLeafHash(await sodiumSha256(), changed) };
    expect(await admin.client.auditLog.verifyInclusion(rehashed)).to.deep.include({
      ok: false,
      reason: 'proof-failed',
    });
  });
});
