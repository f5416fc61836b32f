import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { auditLeafHash } from '../../../shared/audit/audit-leaf.js';
import type { AuditEntryView } from '../../../shared/schemas/accounts.js';
import { isCryptoError } from '../../../shared/crypto/errors.js';
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import { isApiError, type FetchLike } from '../../../client/sdk/index.js';
import { secondPersonApproves } from '../../helpers/second-approver.js';
import { startSdkNetwork } from '../../helpers/network.js';
import { sdkRegister, sdkSignIn, type SdkPerson } from '../../helpers/sdk.js';
import type { TestServer } from '../../helpers/test-server.js';

const leafOf = ({ alsoStates, ...entry }: AuditEntryView): string =>
  toBase64Url(
    auditLeafHash((data) => new Uint8Array(createHash('sha256').update(data).digest()), {
      ...entry,
      ...(alsoStates ? { alsoStates } : {}),
    }),
  );

describe('client SDK: administration routes', function () {
  this.timeout(60_000);
  let t: TestServer;
  let root: SdkPerson;
  before(async () => {
    ({ t, root } = await startSdkNetwork());
  });
  after(async () => t.close());

  it('invitations: list with status, revoke an open one (then it cannot be previewed)', async () => {
    const created = await root.client.invitations.create({
      role: 'national-admin',
      state: 'AZ',
      displayName: 'Leyla M.',
      note: 'by phone',
    });
    const listed = await root.client.invitations.list();
    expect(listed.find((i) => i.id === created.invitation.id)).to.include({ status: 'open', note: 'by phone' });
    expect((await root.client.invitations.revoke(created.invitation.id)).status).to.equal('revoked');
    const preview = await root.client.invitations.preview(created.token).catch((e: unknown) => e);
    expect(isApiError(preview, 'invitation.invalid')).to.equal(true);
    const again = await root.client.invitations.revoke(created.invitation.id).catch((e: unknown) => e);
    expect(isApiError(again, 'user.invalid-transition')).to.equal(true);
  });

  it('users: get, update, suspend, reactivate, remove', async () => {
    const { token } = await root.client.invitations.create({
      role: 'national-admin',
      state: 'BH',
      displayName: 'Ali H.',
    });
    const person = await sdkRegister(t, token, 'bh');
    const [pending] = await root.client.users.list({ status: 'pending-verification', state: 'BH' });
    const id = pending?.id ?? '';
    expect((await root.client.users.get(id)).username).to.equal(person.username);
    expect((await root.client.users.update(id, { displayName: 'Ali Hassan' })).displayName).to.equal('Ali Hassan');
    // Each is a first step for a national admin: the server's second secretariat member approves it.
    const rootToken = () => root.client.session.current()?.accessToken;
    const twoPeople = async (first: object) => (await secondPersonApproves(t, rootToken(), first)).status;
    expect(await twoPeople(await root.client.users.suspend(id, 'left the ministry'))).to.equal('approved');
    expect((await root.client.users.get(id)).status).to.equal('suspended');
    expect(await twoPeople(await root.client.users.reactivate(id))).to.equal('approved');
    expect((await root.client.users.get(id)).status).to.equal('pending-verification'); // never verified
    expect(await twoPeople(await root.client.users.remove(id))).to.equal('approved');
    const gone = await root.client.users.get(id).catch((e: unknown) => e);
    expect(isApiError(gone, 'user.not-found')).to.equal(true);
  });

  it('audit: pages follow afterSeq without gaps or repeats', async () => {
    const first = await root.client.audit.list({ limit: 3 });
    expect(first.map((e) => e.seq)).to.deep.equal([1, 2, 3]);
    const second = await root.client.audit.list({ limit: 3, afterSeq: first.at(-1)?.seq ?? 0 });
    expect(second.map((e) => e.seq)).to.deep.equal([4, 5, 6]);
    // Each entry carries its leaf in the audit log: recomputed from what the entry says.
    for (const entry of [...first, ...second]) expect(entry.leafHash).to.equal(leafOf(entry));
  });

  it('audit: newest first, pages follow beforeSeq without gaps or repeats', async () => {
    const all = await root.client.audit.list({ limit: 500 });
    const head = all.at(-1)?.seq ?? 0;
    const newest = await root.client.audit.list({ order: 'desc', limit: 3 });
    expect(newest.map((e) => e.seq)).to.deep.equal([head, head - 1, head - 2]);
    const older = await root.client.audit.list({ order: 'desc', limit: 3, beforeSeq: newest.at(-1)?.seq ?? 0 });
    expect(older.map((e) => e.seq)).to.deep.equal([head - 3, head - 4, head - 5]);
    expect(new Set([...newest, ...older].map((e) => e.leafHash)).size).to.equal(6);
  });

  it('audit: one type of event at a time; an unknown type is refused', async () => {
    const activations = await root.client.audit.list({ type: 'auth.signed-in', order: 'desc' });
    expect(activations.length).to.be.greaterThan(0);
    expect(new Set(activations.map((e) => e.type))).to.deep.equal(new Set(['auth.signed-in']));
    const everything = await root.client.audit.list({ limit: 500 });
    expect(activations.length).to.equal(everything.filter((e) => e.type === 'auth.signed-in').length);
    const refused = await root.client.audit.list({ type: 'user.vanished' as never }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isApiError(refused, 'validation.failed')).to.equal(true);
  });

  it('audit: one person at a time, what they did and what concerns them; a malformed id is refused', async () => {
    const { token } = await root.client.invitations.create({
      role: 'national-admin',
      state: 'KG',
      displayName: 'Aibek T.',
    });
    const person = await sdkRegister(t, token, 'kg');
    await sdkSignIn(t, person);
    const id = person.client.session.current()?.user.id ?? '';
    const theirs = await root.client.audit.list({ person: id, order: 'desc' });
    expect(theirs.map((e) => e.type)).to.include.members(['auth.signed-in', 'user.registered']);
    expect(theirs.every((e) => e.actorId === id || e.subjectId === id)).to.equal(true);
    const everything = await root.client.audit.list({ limit: 500 });
    expect(theirs.length).to.equal(everything.filter((e) => e.actorId === id || e.subjectId === id).length);
    const refused = await root.client.audit.list({ person: 'not-an-id' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isApiError(refused, 'validation.failed')).to.equal(true);
  });

  it('me: rotating keys puts the account back to pending verification and ends the session', async () => {
    const { token } = await root.client.invitations.create({
      role: 'national-admin',
      state: 'QA',
      displayName: 'Noor A.',
    });
    // A server that hands out a stale blob (the keys before rotation) is caught by the SDK.
    const serve: { stale?: unknown } = {};
    const fetchWithStaleKeys: FetchLike = async (input, init) =>
      serve.stale && input.endsWith('/api/me/wrapped-keys') ? Response.json(serve.stale) : fetch(input, init);
    const person = await sdkRegister(t, token, 'qa', { fetch: fetchWithStaleKeys });
    await sdkSignIn(t, person);
    const oldBlob = await person.client.me.wrappedKeys();
    const username = person.client.session.current()?.user.username ?? '';
    const rotation = await person.client.rotateKeys({ password: person.password });
    const material = { keys: rotation.keys };
    expect(rotation.user.keys).to.include({
      identityKey: toBase64Url(rotation.keys.identity.publicKey),
      keyVersion: 2,
    });
    expect(rotation.user.username).to.equal(username);
    const after = await person.client.me.get().catch((e: unknown) => e);
    expect(isApiError(after, 'auth.session-invalid')).to.equal(true);
    await sdkSignIn(t, person);
    const unlocked = await person.client.unlockKeys({ password: person.password });
    expect(unlocked.identity.publicKey).to.deep.equal(material.keys.identity.publicKey);

    serve.stale = oldBlob;
    person.client.keyStore.clear();
    const mismatch = await person.client.unlockKeys({ password: person.password }).catch((e: unknown) => e);
    expect(isCryptoError(mismatch, 'crypto.malformed'), String(mismatch)).to.equal(true);
    expect(person.client.keyStore.get()).to.equal(undefined);
  });
});
