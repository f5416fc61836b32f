import { expect } from 'chai';
import { openEnvelope } from '../../../../shared/crypto/envelope-open.js';
import { Envelope } from '../../../../shared/crypto/envelope-format.js';
import { checkEnvelopeKeys } from '../../../../shared/crypto/verify-envelope.js';
import { makeUser, openOptions, rejectionCode, resign, seal, type TestUser } from './fixtures.js';

const CONTENT = { text: 'Held for approval: passport XK1234567.' };

describe('shared/crypto/envelope approvers (held exchanges)', () => {
  let alice: TestUser;
  let bob: TestUser;
  let admin: TestUser;
  let outsider: TestUser;
  before(async () => {
    [alice, bob, admin, outsider] = await Promise.all([
      makeUser('alice', 'KZ'),
      makeUser('bob', 'UZ'),
      makeUser('kz-admin', 'KZ'),
      makeUser('mallory', 'MT'),
    ]);
  });
  const asApprover = (user: TestUser) => ({
    userId: user.userId,
    state: user.state,
    encryptionKey: user.keys.encryption.publicKey,
  });

  it('seals a key for each approver, who opens it like a recipient; the header names them', async () => {
    const envelope = await seal(alice, [bob], CONTENT, { approvers: [asApprover(admin)] });
    expect(envelope.header.approvers).to.deep.equal([{ userId: 'kz-admin', state: 'KZ' }]);
    expect(envelope.keys.map((key) => key.userId)).to.deep.equal(['bob', 'alice', 'kz-admin']);
    expect((await openEnvelope(envelope, openOptions(admin, alice))).content).to.deep.equal(CONTENT);
    expect((await openEnvelope(envelope, openOptions(bob, alice))).content).to.deep.equal(CONTENT);
    expect(await rejectionCode(openEnvelope(envelope, openOptions(outsider, alice)))).to.equal(
      'crypto.not-a-recipient',
    );
  });

  it('leaves the header without approvers when none are given (the format stays as before)', async () => {
    const envelope = await seal(alice, [bob], CONTENT, { approvers: [] });
    expect(envelope.header).not.to.have.property('approvers');
    expect(checkEnvelopeKeys(envelope)).to.deep.equal({ ok: true });
  });

  it('refuses a key set that does not match the approvers exactly', async () => {
    const envelope = await seal(alice, [bob], CONTENT, { approvers: [asApprover(admin)] });
    const withoutApproverKey = { ...envelope, keys: envelope.keys.filter((key) => key.userId !== 'kz-admin') };
    expect(checkEnvelopeKeys(withoutApproverKey)).to.deep.include({ ok: false, code: 'crypto.malformed' });
    const { approvers: _dropped, ...headerWithout } = envelope.header;
    expect(checkEnvelopeKeys({ ...envelope, header: headerWithout })).to.deep.include({
      ok: false,
      code: 'crypto.malformed',
    });
  });

  it('rejects an approver who is also the sender or a recipient, or listed twice', async () => {
    for (const approvers of [[asApprover(alice)], [asApprover(bob)], [asApprover(admin), asApprover(admin)]]) {
      expect(await rejectionCode(seal(alice, [bob], CONTENT, { approvers }))).to.equal('crypto.malformed');
    }
  });

  it('binds the approvers to the signature: adding one afterwards breaks it', async () => {
    const envelope = await seal(alice, [bob], CONTENT);
    const extended = {
      ...envelope,
      header: { ...envelope.header, approvers: [{ userId: 'mallory', state: 'MT' }] },
      keys: [...envelope.keys, { userId: 'mallory', sealed: envelope.keys[0]!.sealed }],
    };
    expect(Envelope.safeParse(extended).success).to.equal(true);
    expect(await rejectionCode(openEnvelope(extended, openOptions(bob, alice)))).to.equal('crypto.bad-signature');
    // Re-signed by the sender, the copied key still carries the old header hash.
    expect(await rejectionCode(openEnvelope(await resign(extended, alice), openOptions(bob, alice)))).to.equal(
      'crypto.header-mismatch',
    );
  });
});
