import { expect } from 'chai';
import { signPolicy } from '../../../shared/crypto/policy-sign.js';
import { verifyPolicySignature } from '../../../shared/crypto/verify-policy-signature.js';
import { ApiError, type FocalNetClient } from '../../../client/sdk/index.js';
import { clientKeyMaterial, type TestPerson } from '../../helpers/accounts.js';
import { startNetwork } from '../../helpers/network.js';
import { policyBody } from '../../helpers/policies.js';
import { sdkAs } from '../../helpers/sdk-as-person.js';
import type { TestServer } from '../../helpers/test-server.js';

async function apiFailure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => expect.fail('expected a failure'),
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('client SDK: co-signing a policy version', function () {
  this.timeout(60_000);
  let t: TestServer;
  let first: TestPerson;
  let second: TestPerson;
  let [one, two]: FocalNetClient[] = [];
  before(async () => {
    const net = await startNetwork({ states: { KZ: { admins: 2 } } });
    ({ t } = net);
    [first, second] = [net.admin('KZ', 0), net.admin('KZ', 1)];
    one = await sdkAs(t, first);
    two = await sdkAs(t, second);
  });
  after(async () => t.close());

  it('the second admin fetches the waiting body, re-checks the first signature, signs it and puts it in force', async () => {
    expect((await one!.policies.setSigning('KZ', true)).twoSignatures).to.equal(true);
    const body = policyBody('KZ', 1, [{ id: 'closed', direction: 'inbound', effect: 'deny' }]);
    const waiting = await one!.policies.signAndPublish(body);
    expect(waiting.awaitingCosignature).not.to.equal(undefined);
    expect(await two!.policies.awaiting('KZ')).to.have.length(1);

    const same = await apiFailure(one!.policies.cosign('KZ', 1));
    expect([same.status, same.code]).to.deep.equal([409, 'policy.same-signer']);

    const done = await two!.policies.cosign('KZ', 1);
    expect(done.cosignature?.signedBy.userId).to.equal(second.user.id);
    expect(await verifyPolicySignature(done.policy, done.cosignature!.signature, second.bundle.identityKey)).to.equal(
      true,
    );
    const current = await two!.policies.current('KZ');
    expect(current.scope === 'full' && current.cosignature?.signedBy.userId).to.equal(second.user.id);
    expect(await two!.policies.awaiting('KZ')).to.deep.equal([]);
  });

  it('refuses to co-sign, sending nothing, when the first signature does not verify against the signer’s verified key', async () => {
    await one!.policies.signAndPublish(policyBody('KZ', 2, []));
    // The server (or whoever edits its database) swaps in another key's signature over the body.
    const intruder = await clientKeyMaterial('intruder');
    const { signature } = await signPolicy(policyBody('KZ', 2, []), intruder.keys.identity.privateKey);
    await t.server.database.connection
      .collection('policy_awaiting_versions')
      .updateOne({ state: 'KZ', version: 2 }, { $set: { signature } });
    const rejectedBefore = (await t.server.auditEntries.list({ limit: 10_000 })).filter(
      (entry) => entry.type === 'policy.signature-rejected',
    ).length;

    const refused = await apiFailure(two!.policies.cosign('KZ', 2));
    expect([refused.status, refused.code]).to.deep.equal([400, 'policy.signature-invalid']);
    expect(refused.message).to.match(/first signature/);
    const rejectedAfter = (await t.server.auditEntries.list({ limit: 10_000 })).filter(
      (entry) => entry.type === 'policy.signature-rejected',
    ).length;
    expect(rejectedAfter).to.equal(rejectedBefore);
    const current = await two!.policies.current('KZ');
    expect(current.scope === 'full' && current.policy.version).to.equal(1);
  });

  it('turning the requirement off takes both admins', async () => {
    const asked = await one!.policies.setSigning('KZ', false);
    expect(asked.twoSignatures).to.equal(true);
    expect(asked.releaseRequest?.requestedBy).to.equal(first.user.id);
    const off = await two!.policies.setSigning('KZ', false);
    expect(off).to.deep.include({ twoSignatures: false, confirmedBy: second.user.id });
    expect((await one!.policies.signing('KZ')).twoSignatures).to.equal(false);
  });
});
