import { expect } from 'chai';
import { EnvelopeHeader } from '../../../../shared/crypto/envelope-format.js';
import { onwardUse } from '../../../../shared/requests/onward-use.js';
import { verifyEnvelopeSignature } from '../../../../shared/crypto/verify-envelope.js';
import { makeUser, seal } from '../crypto/fixtures.js';

const A = { userId: '0123456789abcdef01234567', state: 'KZ' };
const B = { userId: '0123456789abcdef01234568', state: 'TJ' };
const C = { userId: '0123456789abcdef01234569', state: 'UZ' };
const D = { userId: '0123456789abcdef0123456a', state: 'TJ' };
const E = { userId: '0123456789abcdef0123456b', state: 'TJ' };

function header(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    v: 1,
    msgId: 'AAAAAAAAAAAAAAAAAAAAAA',
    ts: 1,
    kind: 'request:document-check',
    from: A,
    to: [B],
    labels: { domain: 'border', category: 'travel-identity-documents', classification: 'restricted', handling: 'H1' },
    ...extra,
  };
}

function problems(candidate: Record<string, unknown>): string[] {
  const result = EnvelopeHeader.safeParse(candidate);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('shared/requests/header-fields (EnvelopeHeader request fields)', () => {
  it('accepts a request with urgency, and a requester deadline', () => {
    expect(problems(header({ request: { urgency: 'urgent' } }))).to.deep.equal([]);
    expect(problems(header({ request: { urgency: 'routine', deadline: 1_800_000_000_000 } }))).to.deep.equal([]);
  });

  it('refuses a request without urgency, or to more than one focal point and a deputy', () => {
    expect(problems(header({}))).to.deep.equal(['request: a request names its urgency']);
    // The second is the first one's deputy while they are away: the server checks that.
    expect(problems(header({ request: { urgency: 'urgent' }, to: [B, D] }))).to.deep.equal([]);
    expect(problems(header({ request: { urgency: 'urgent' }, to: [B, D, C] }))).to.deep.equal([
      'to: a request goes to one focal point (and their deputy while they are away); send one per recipient',
    ]);
    expect(
      problems(
        header({ kind: 'request:transition', requestRef: 'abc', step: { action: 'acknowledge' }, to: [B, C, D, E] }),
      ),
    ).to.deep.equal(['to: a transition goes to the people of its case only']);
  });

  it('refuses request fields on a message and steps outside transitions', () => {
    expect(problems(header({ kind: 'message', request: { urgency: 'urgent' } }))).to.deep.equal([
      'request: only requests carry request metadata',
    ]);
    expect(problems(header({ request: { urgency: 'urgent' }, step: { action: 'acknowledge' } }))).to.deep.equal([
      'step: only request transitions carry a step',
    ]);
  });

  it('needs a step and a case reference on a transition', () => {
    expect(problems(header({ kind: 'request:transition' }))).to.have.members([
      'step: a request transition names its step',
      'requestRef: a transition names its request case',
    ]);
    expect(
      problems(header({ kind: 'request:transition', requestRef: 'abc', step: { action: 'acknowledge' } })),
    ).to.deep.equal([]);
  });

  it('needs a reason code on a decline only, and an evaluation code on an answer', () => {
    const t = (step: Record<string, unknown>, labels?: Record<string, unknown>): string[] =>
      problems(
        header({
          kind: 'request:transition',
          requestRef: 'abc',
          step,
          ...(labels
            ? {
                labels: {
                  domain: 'border',
                  category: 'travel-identity-documents',
                  classification: 'restricted',
                  handling: 'H2',
                  ...labels,
                },
              }
            : {}),
        }),
      );
    expect(t({ action: 'decline' })).to.deep.equal([
      'step.reasonCode: a decline, and only a decline, carries a reason code',
    ]);
    expect(t({ action: 'decline', reasonCode: 'national-law' })).to.deep.equal([]);
    expect(t({ action: 'acknowledge', reasonCode: 'national-law' })).to.deep.equal([
      'step.reasonCode: a decline, and only a decline, carries a reason code',
    ]);
    expect(t({ action: 'answer' })).to.deep.equal([
      'labels.evaluation: an answer carries an evaluation code (source A/B/C/X × accuracy 1-4)',
    ]);
    expect(t({ action: 'answer' }, { evaluation: 'B2' })).to.deep.equal([]);
    expect(t({ action: 'answer-partially', lateReason: 'workload' }, { evaluation: 'A1' })).to.deep.equal([]);
    expect(t({ action: 'acknowledge', lateReason: 'workload' })).to.deep.equal([
      'step.lateReason: only answers carry a late reason',
    ]);
    expect(t({ action: 'answer', consent: 'granted' })).to.deep.equal([]);
    expect(t({ action: 'close', consent: 'granted' })).to.deep.equal([
      'step.consent: only an answer to a consent request carries a consent outcome',
    ]);
  });

  it('needs the original case on a consent request', () => {
    expect(problems(header({ kind: 'request:consent', request: { urgency: 'standard' } }))).to.deep.equal([
      'requestRef: a consent request names the request case whose answer it concerns',
    ]);
    expect(
      problems(header({ kind: 'request:consent', request: { urgency: 'standard' }, requestRef: 'abc' })),
    ).to.deep.equal([]);
  });
});

describe('shared/requests/onward-use', () => {
  it('reads handling codes H0–H3 and policy conditions', () => {
    expect(onwardUse('H0')).to.deep.equal({ mayDisseminate: true, mayUseAsEvidence: true });
    expect(onwardUse('H1')).to.deep.equal({ mayDisseminate: true, mayUseAsEvidence: false });
    expect(onwardUse('H2')).to.deep.equal({ mayDisseminate: false, mayUseAsEvidence: false });
    expect(onwardUse('H3')).to.deep.equal({ mayDisseminate: false, mayUseAsEvidence: false });
    expect(onwardUse('H0', { noOnwardDissemination: true })).to.deep.equal({
      mayDisseminate: false,
      mayUseAsEvidence: true,
    });
    expect(onwardUse('H0', { notAsEvidence: true })).to.deep.equal({ mayDisseminate: true, mayUseAsEvidence: false });
  });
});

describe('shared/requests header fields are signed', () => {
  it('a changed urgency, deadline or step breaks the signature', async () => {
    const [alice, bob] = await Promise.all([makeUser('alice', 'AT'), makeUser('bob', 'BE')]);
    const request = await seal(
      alice,
      [bob],
      { n: 1 },
      { kind: 'request:document-check', request: { urgency: 'routine' } },
    );
    expect(await verifyEnvelopeSignature(request, alice.keys.identity.publicKey)).to.equal(true);
    expect(
      await verifyEnvelopeSignature(
        { ...request, header: { ...request.header, request: { urgency: 'urgent' } } },
        alice.keys.identity.publicKey,
      ),
    ).to.equal(false);
    expect(
      await verifyEnvelopeSignature(
        { ...request, header: { ...request.header, request: { urgency: 'routine', deadline: 1 } } },
        alice.keys.identity.publicKey,
      ),
    ).to.equal(false);
    const step = await seal(
      alice,
      [bob],
      {},
      { kind: 'request:transition', requestRef: 'case-1', step: { action: 'decline', reasonCode: 'national-law' } },
    );
    expect(
      await verifyEnvelopeSignature(
        { ...step, header: { ...step.header, step: { action: 'decline', reasonCode: 'other' } } },
        alice.keys.identity.publicKey,
      ),
    ).to.equal(false);
  });
});
