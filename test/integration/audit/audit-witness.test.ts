import { expect } from 'chai';
import type { AlertChannelFactory } from '../../../server/composition/alerts.js';
import { witnessSignedBytes, type SignedTreeHead, type TreeHead } from '../../../shared/audit/tree-head.js';
import { getSodium } from '../../../shared/crypto/sodium.js';
import type { Alert } from '../../../shared/schemas/alerts.js';
import type { AuditLogHeadResponse, WitnessSignatureView } from '../../../shared/schemas/audit-log.js';
import type { TestPerson } from '../../helpers/accounts.js';
import { call } from '../../helpers/api.js';
import { auditEntries } from '../../helpers/audit.js';
import { startNetwork, type Network } from '../../helpers/network.js';
import { badWitnesses, verifySegments } from '../../../server/modules/audit/verify-log.js';

async function cosign(person: TestPerson, head: TreeHead): Promise<string> {
  const sodium = await getSodium();
  const signature = sodium.crypto_sign_detached(witnessSignedBytes(head), person.keys.identity.privateKey);
  return Buffer.from(signature).toString('base64url');
}

const canonical = (head: SignedTreeHead): TreeHead => ({ size: head.size, root: head.root, at: head.at });

describe('audit log: witnesses and discrepancy reports', function () {
  this.timeout(180_000);
  let net: Network<TestPerson>;
  const seen: Array<{ alert: Alert; userIds: string[] }> = [];
  const recording: AlertChannelFactory = () => ({
    name: 'recording',
    accept: async (alert, audience) => void seen.push({ alert, userIds: audience.userIds }),
    drain: async () => ({ sent: 0, retried: 0, failed: 0 }),
  });
  before(async () => {
    net = await startNetwork({
      states: { KZ: { admins: 2, focalPoints: { border: 1 } } },
      server: { alertChannels: [recording] },
    });
  });
  after(async () => net.stop());

  const as = <T>(person: TestPerson, method: string, route: string, body?: unknown) =>
    call<T>(net.t.url, method, route, { token: person.session?.accessToken, ...(body ? { body } : {}) });
  const head = async (person: TestPerson): Promise<SignedTreeHead> =>
    (await as<AuditLogHeadResponse>(person, 'GET', '/api/audit/log/head')).body.head;
  const code = (body: unknown): string | undefined => (body as { error?: { code?: string } }).error?.code;

  it("a national admin co-signs the server's head once; it is listed with the head and audited", async () => {
    const admin = net.admin('KZ');
    const now = canonical(await head(admin));
    const signature = await cosign(admin, now);
    const first = await as<WitnessSignatureView>(admin, 'POST', '/api/audit/log/witness', { head: now, signature });
    expect(first.status, JSON.stringify(first.body)).to.equal(201);
    expect(first.body).to.deep.include({ state: 'KZ', userId: admin.user.id, head: now, signature });
    const again = await as(admin, 'POST', '/api/audit/log/witness', { head: now, signature });
    expect(again.status).to.equal(201);
    // A head co-signed already still takes only a good signature.
    const forgedAgain = await as(admin, 'POST', '/api/audit/log/witness', {
      head: now,
      signature: Buffer.alloc(64, 1).toString('base64url'),
    });
    expect([forgedAgain.status, code(forgedAgain.body)]).to.deep.equal([400, 'audit-log.bad-signature']);
    const entries = await auditEntries(net.t, { type: 'audit-log.witnessed', actorId: admin.user.id });
    expect(entries.map((e) => e.data.size)).to.deep.equal([now.size]);
    const listed = await as<AuditLogHeadResponse>(net.focalPoint('KZ'), 'GET', '/api/audit/log/head');
    expect(listed.body.witnesses.find((w) => w.state === 'KZ')).to.deep.include({ userId: admin.user.id, head: now });
  });

  it('refuses a forged head, a stale head, a non-admin and a bad signature, each with its code', async () => {
    const admin = net.admin('KZ', 1);
    const older = canonical(await head(admin));
    await as(admin, 'GET', '/api/audit?limit=1'); // moves the log on (sign-ins, reads)
    await net.t.server.accounts.audit.append({ type: 'auth.signed-in', actorId: admin.user.id, state: 'KZ' });
    const newer = canonical(await head(admin));
    expect(newer.size).to.be.greaterThan(older.size);

    const forged = { ...newer, root: Buffer.alloc(32, 7).toString('base64url') };
    const forgedAnswer = await as(admin, 'POST', '/api/audit/log/witness', {
      head: forged,
      signature: await cosign(admin, forged),
    });
    expect([forgedAnswer.status, code(forgedAnswer.body)]).to.deep.equal([409, 'audit-log.head-unknown']);

    const bad = await as(admin, 'POST', '/api/audit/log/witness', {
      head: newer,
      signature: await cosign(admin, older),
    });
    expect([bad.status, code(bad.body)]).to.deep.equal([400, 'audit-log.bad-signature']);

    const fp = net.focalPoint('KZ');
    const notAdmin = await as(fp, 'POST', '/api/audit/log/witness', {
      head: newer,
      signature: await cosign(fp, newer),
    });
    expect([notAdmin.status, code(notAdmin.body)]).to.deep.equal([403, 'audit-log.witness-not-admin']);

    const ok = await as(admin, 'POST', '/api/audit/log/witness', {
      head: newer,
      signature: await cosign(admin, newer),
    });
    expect(ok.status).to.equal(201);
    const stale = await as(admin, 'POST', '/api/audit/log/witness', {
      head: older,
      signature: await cosign(admin, older),
    });
    expect([stale.status, code(stale.body)]).to.deep.equal([409, 'audit-log.head-stale']);
  });

  it("a discrepancy report is audited in the reporter's state and alerts its national admins and the secretariat", async () => {
    const fp = net.focalPoint('KZ');
    const current = await head(fp);
    seen.splice(0);
    const saved = { ...current, size: current.size + 5 };
    const answer = await as(fp, 'POST', '/api/audit/log/discrepancies', {
      kind: 'truncated',
      saved,
      current,
      detail: 'the server showed fewer entries than I saw',
    });
    expect(answer.status).to.equal(202);
    expect(answer.body).to.deep.equal({ ok: true });
    const [entry] = await auditEntries(net.t, { type: 'audit-log.discrepancy-reported', actorId: fp.user.id });
    expect(entry).to.deep.include({ state: 'KZ' });
    expect(entry?.data).to.deep.include({ kind: 'truncated', savedSize: saved.size, currentSize: current.size });
    const told = new Set(seen.filter((s) => s.alert.kind === 'audit-log.discrepancy').flatMap((s) => s.userIds));
    for (const person of [...(net.admins.KZ ?? []), net.root])
      expect(told.has(person.user.id), person.username).to.equal(true);
  });

  it('inclusion proofs are for entries the reader may see in the trail', async () => {
    const fp = net.focalPoint('KZ');
    const [own] = await auditEntries(net.t, { actorId: fp.user.id });
    const [other] = await auditEntries(net.t, { actorId: net.root.user.id });
    if (!own || !other) throw new Error('expected entries by both');
    expect((await as(fp, 'GET', `/api/audit/log/inclusion?seq=${own.seq}`)).status).to.equal(200);
    expect((await as(fp, 'GET', `/api/audit/log/inclusion?seq=${other.seq}`)).status).to.equal(403);
    expect((await as(net.root, 'GET', `/api/audit/log/inclusion?seq=${own.seq}`)).status).to.equal(200);
  });

  it('the verifier checks every stored co-signature: a changed one is named', async () => {
    const { auditEntries: store, auditLog, accounts } = net.t.server;
    const keysOf = async (userId: string): Promise<string[]> => {
      const user = await accounts.users.findById(userId);
      return user?.keys ? [user.keys.identityKey] : [];
    };
    const check = async () => {
      const verdict = await verifySegments(store.allSegments(), {
        logKeys: [auditLog.key.publicKey],
        keepLeaves: true,
      });
      expect(verdict.ok).to.equal(true);
      return badWitnesses(auditLog.witnesses.all(), verdict.leaves, keysOf);
    };
    const intact = await check();
    expect(intact.checked).to.be.greaterThan(0);
    expect(intact.problems).to.deep.equal([]);
    const witnesses = net.t.server.database.connection.collection<{ _id: string; signature: string }>(
      'audit_log_witnesses',
    );
    const [one] = await witnesses.find({}).limit(1).toArray();
    if (!one) throw new Error('no witness stored');
    const flipped = `${one.signature.slice(0, 10)}${one.signature[10] === 'A' ? 'B' : 'A'}${one.signature.slice(11)}`;
    await witnesses.updateOne({ _id: one._id }, { $set: { signature: flipped } });
    const broken = await check();
    expect(broken.problems).to.have.length(1);
    expect(broken.problems[0]).to.contain('does not verify');
  });
});
