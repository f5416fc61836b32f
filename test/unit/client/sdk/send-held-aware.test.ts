import { expect } from 'chai';
import { ApiError } from '../../../../client/sdk/api-error.js';
import { MAX_APPROVER_RESEALS, newMsgId, sendHeldAware } from '../../../../client/sdk/messaging/send-held-aware.js';
import type { SealRecipient } from '../../../../shared/crypto/envelope-seal.js';
import { generateUserKeys, publicKeyBundle } from '../../../../shared/crypto/keys.js';
import type { Approver } from '../../../../shared/schemas/approvers.js';
import { LABELS, makeUser, sealInput, type TestUser } from '../../shared/crypto/fixtures.js';
import { sealEnvelope } from '../../../../shared/crypto/envelope-seal.js';
import type { Envelope } from '../../../../shared/crypto/envelope-format.js';

/** A national admin as the server names them in `message.approvers-required`. */
async function approver(hex: string, state = 'KZ'): Promise<Approver> {
  return {
    userId: hex.repeat(24),
    state,
    displayName: `Admin ${hex}`,
    keyVersion: 1,
    keys: await publicKeyBundle(await generateUserKeys()),
  };
}

const required = (approvers: Approver[]): ApiError =>
  new ApiError(409, 'message.approvers-required', 'held', [], 'req-1', { holdingStates: ['KZ'], approvers });

describe('client/sdk sendHeldAware (held exchanges re-sealed to the approvers the server names)', () => {
  const sealed: { msgId: string; approvers: string[] }[] = [];
  let sender: TestUser;
  let bob: TestUser;
  before(async () => {
    [sender, bob] = await Promise.all([makeUser('alice', 'KZ'), makeUser('bob', 'UZ')]);
  });
  beforeEach(() => void sealed.splice(0));

  const seal = (msgId: string, approvers: readonly SealRecipient[]): Promise<Envelope> => {
    sealed.push({ msgId, approvers: approvers.map((a) => a.userId) });
    return sealEnvelope({ ...sealInput(sender, [bob], { text: 'x' }, { labels: LABELS }), msgId, approvers });
  };

  it('sends once, without approvers, when the exchange is not held', async () => {
    const result = await sendHeldAware(seal, async (envelope) => envelope.header.msgId);
    expect(sealed).to.have.length(1);
    expect(sealed[0]?.approvers).to.deep.equal([]);
    expect(result).to.equal(sealed[0]?.msgId);
  });

  it('re-seals to exactly the named approvers with the same msgId, and to a fresh list when it changed', async () => {
    const [a, b, c] = await Promise.all([approver('a'), approver('b'), approver('c', 'TJ')]);
    const answers = [required([a!, b!]), required([a!, c!])];
    const msgId = newMsgId();
    const result = await sendHeldAware(
      seal,
      async (envelope) => {
        const next = answers.shift();
        if (next) throw next;
        return envelope.header.approvers?.map((p) => p.userId);
      },
      msgId,
    );
    expect(sealed.map((s) => s.msgId)).to.deep.equal([msgId, msgId, msgId]);
    expect(sealed.map((s) => s.approvers)).to.deep.equal([[], [a!.userId, b!.userId], [a!.userId, c!.userId]]);
    expect(result).to.deep.equal([a!.userId, c!.userId]);
  });

  it(`gives up after ${MAX_APPROVER_RESEALS} re-seals with a clear message, keeping the server's code`, async () => {
    const a = await approver('a');
    let sends = 0;
    const error = await sendHeldAware(seal, async () => {
      sends += 1;
      throw required([a]);
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(sends).to.equal(MAX_APPROVER_RESEALS + 1);
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).code).to.equal('message.approvers-required');
    expect((error as ApiError).message).to.contain('kept changing');
  });

  it('never seals to an approver whose key bundle does not verify, nor when the refusal names nobody', async () => {
    const forged = await approver('d');
    const other = await publicKeyBundle(await generateUserKeys());
    const mixed = { ...forged, keys: { ...forged.keys, encryptionKey: other.encryptionKey } };
    const bad = await sendHeldAware(seal, async () => {
      throw required([mixed]);
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((bad as { code?: string }).code).to.equal('crypto.malformed');
    const empty = await sendHeldAware(seal, async () => {
      throw new ApiError(409, 'message.approvers-required', 'held');
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((empty as ApiError).code).to.equal('client.bad-response');
    expect(sealed.every((s) => s.approvers.length === 0)).to.equal(true);
  });

  it('passes any other error through untouched, after one attempt', async () => {
    const denied = new ApiError(403, 'policy.denied', 'no');
    const error = await sendHeldAware(seal, async () => {
      throw denied;
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.equal(denied);
    expect(sealed).to.have.length(1);
    expect(newMsgId()).to.match(/^[A-Za-z0-9_-]{22}$/); // 16 bytes, as the envelope format wants
  });
});
