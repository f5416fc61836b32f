import { expect } from 'chai';
import { toBase64Url } from '../../../../shared/crypto/encoding.js';
import { generateIdentityKeyPair } from '../../../../shared/crypto/keys.js';
import { signPolicy } from '../../../../shared/crypto/policy-sign.js';
import { verifyPolicySignature } from '../../../../shared/crypto/verify-policy-signature.js';
import type { PolicyBody } from '../../../../shared/schemas/policy.js';

const BODY: PolicyBody = {
  state: 'KZ',
  version: 3,
  defaultEffect: 'allow',
  rules: [
    {
      id: 'no-pd',
      direction: 'outbound',
      categories: ['personal-data'],
      counterparts: { except: ['RU'] },
      effect: 'deny',
      legalBasis: { en: 'Law on personal data, art. 16' },
      published: true,
    },
    {
      id: 'fin',
      direction: 'inbound',
      domains: ['economic-crime'],
      effect: 'conditions',
      conditions: { retentionDays: 30 },
      legalBasis: { en: 'AML law', ru: 'Закон о ПОД/ФТ' },
    },
  ],
};

describe('policy signatures (Ed25519 over the canonical PolicyBody, tag focalnet/policy/v1)', () => {
  it("a signature verifies against the signer's key, whatever the key order of the body", async () => {
    const keys = await generateIdentityKeyPair();
    const { policy, signature } = await signPolicy(BODY, keys.privateKey);
    expect(await verifyPolicySignature(policy, signature, toBase64Url(keys.publicKey))).to.equal(true);
    const reordered = JSON.parse(
      JSON.stringify({
        rules: policy.rules,
        version: policy.version,
        defaultEffect: policy.defaultEffect,
        state: policy.state,
      }),
    ) as PolicyBody;
    expect(await verifyPolicySignature(reordered, signature, toBase64Url(keys.publicKey))).to.equal(true);
  });

  it('any change to the body breaks it: effect, version, state, publication, legal basis', async () => {
    const keys = await generateIdentityKeyPair();
    const { policy, signature } = await signPolicy(BODY, keys.privateKey);
    const key = toBase64Url(keys.publicKey);
    const [first, second] = policy.rules;
    if (!first || !second) throw new Error('fixture');
    const changed: PolicyBody[] = [
      { ...policy, rules: [{ ...first, effect: 'allow' }, second] },
      { ...policy, version: 4 },
      { ...policy, state: 'RU' },
      { ...policy, rules: [{ ...first, published: false }, second] },
      { ...policy, rules: [first, { ...second, legalBasis: { en: 'AML law' } }] },
      { ...policy, rules: [first] },
      // "All except RU" is not "only RU", nor "all except CN".
      { ...policy, rules: [{ ...first, counterparts: ['RU'] }, second] },
      { ...policy, rules: [{ ...first, counterparts: { except: ['CN'] } }, second] },
    ];
    for (const body of changed)
      expect(await verifyPolicySignature(body, signature, key), JSON.stringify(body)).to.equal(false);
  });

  it('another key, or garbage, is not valid — and never throws', async () => {
    const [signer, other] = [await generateIdentityKeyPair(), await generateIdentityKeyPair()];
    const { policy, signature } = await signPolicy(BODY, signer.privateKey);
    expect(await verifyPolicySignature(policy, signature, toBase64Url(other.publicKey))).to.equal(false);
    expect(await verifyPolicySignature(policy, 'not base64url!', toBase64Url(signer.publicKey))).to.equal(false);
    expect(await verifyPolicySignature(policy, signature, 'AAAA')).to.equal(false);
    expect(
      await verifyPolicySignature(policy, toBase64Url(new Uint8Array(64)), toBase64Url(signer.publicKey)),
    ).to.equal(false);
  });

  it('signs the parsed body (trimmed legal basis), which is what the server parses and checks', async () => {
    const keys = await generateIdentityKeyPair();
    const untrimmed: PolicyBody = {
      ...BODY,
      rules: [{ id: 'r', direction: 'outbound', effect: 'deny', legalBasis: { en: '  Law X  ' } }],
    };
    const { policy, signature } = await signPolicy(untrimmed, keys.privateKey);
    expect(policy.rules[0]?.legalBasis.en).to.equal('Law X');
    expect(await verifyPolicySignature(policy, signature, toBase64Url(keys.publicKey))).to.equal(true);
  });

  it('refuses to sign an invalid policy', async () => {
    const keys = await generateIdentityKeyPair();
    const invalid = { ...BODY, rules: [...BODY.rules, ...BODY.rules] }; // duplicate rule ids
    await signPolicy(invalid, keys.privateKey).then(
      () => expect.fail('signed'),
      (error: Error) => expect(error.name).to.equal('ZodError'),
    );
  });
});
