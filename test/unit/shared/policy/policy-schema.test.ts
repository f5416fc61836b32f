import { expect } from 'chai';
import fc from 'fast-check';
import { PolicyBody, PolicyRule } from '../../../../shared/schemas/policy.js';
import { policyArb } from './arbitraries.js';

const RULE = {
  id: 'kz-out-1',
  direction: 'outbound',
  effect: 'allow',
  legalBasis: { en: 'Law on Border Service, art. 3' },
};

const BODY = { state: 'KZ', version: 1, defaultEffect: 'deny', rules: [RULE] };

function withRule(patch: Record<string, unknown>): unknown {
  return { ...BODY, rules: [{ ...RULE, ...patch }] };
}

describe('policy schema', () => {
  it('accepts a minimal and a full policy', () => {
    expect(PolicyBody.safeParse(BODY).success).to.equal(true);
    const full = withRule({
      domains: ['border', 'law-enforcement'],
      categories: ['personal-data'],
      classifications: ['restricted', 'confidential'],
      counterparts: ['RU', 'TR'],
      kinds: ['message', 'request:document-check'],
      effect: 'conditions',
      conditions: { minHandling: 'H2', noOnwardDissemination: true, notAsEvidence: false, retentionDays: 90 },
      legalBasis: { en: 'Law on Personal Data, art. 16', ru: 'Закон о персональных данных, ст. 16' },
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: '2027-01-01T00:00:00+06:00',
      published: true,
    });
    const parsed = PolicyBody.safeParse(full);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).to.equal(true);
  });

  it('every generated policy parses (keeps the arbitraries honest)', () => {
    fc.assert(
      fc.property(policyArb('KZ'), (policy) => {
        const parsed = PolicyBody.safeParse(policy);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).to.equal(true);
      }),
      { numRuns: 300 },
    );
  });

  const REJECTED: Array<[string, unknown]> = [
    ['empty domains list', withRule({ domains: [] })],
    ['empty categories list', withRule({ categories: [] })],
    ['empty classifications list', withRule({ classifications: [] })],
    ['empty counterparts list', withRule({ counterparts: [] })],
    ['empty kinds list', withRule({ kinds: [] })],
    ['repeated scope entry', withRule({ domains: ['border', 'border'] })],
    ['malformed domain code', withRule({ domains: ['Space Travel'] })],
    ['lower-case state code', withRule({ counterparts: ['ru'] })],
    ['empty except list', withRule({ counterparts: { except: [] } })],
    ['repeated except entry', withRule({ counterparts: { except: ['RU', 'RU'] } })],
    ['except beside a list', withRule({ counterparts: { except: ['RU'], only: ['CN'] } })],
    ['lower-case state in except', withRule({ counterparts: { except: ['ru'] } })],
    ['"$" operator in counterparts', withRule({ counterparts: { $nin: ['RU'] } })],
    ['directory field rule without secretariat', { ...BODY, directoryFields: [{ field: 'title', visibleTo: [] }] }],
    ['unknown exchange kind', withRule({ kinds: ['request:anything'] })],
    ['duplicate rule ids', { ...BODY, rules: [RULE, { ...RULE, effect: 'deny' }] }],
    ['unknown key on a rule', withRule({ priority: 1 })],
    ['unknown key on the policy', { ...BODY, signedBy: 'someone' }],
    ['"$"-prefixed key on a rule', withRule({ $where: 'sleep(1000)' })],
    ['"$"-prefixed key on the policy', { ...BODY, $set: { defaultEffect: 'allow' } }],
    ['"$" operator as a value', withRule({ effect: { $ne: null } })],
    ['"$"-prefixed key in conditions', withRule({ effect: 'conditions', conditions: { $gt: 1 } })],
    ['"$"-prefixed key in legal basis', withRule({ legalBasis: { en: 'x', $where: '1' } })],
    [
      '__proto__ key',
      JSON.parse('{"state":"KZ","version":1,"defaultEffect":"deny","rules":[],"__proto__":{"polluted":true}}'),
    ],
    ['effect conditions without conditions', withRule({ effect: 'conditions' })],
    ['effect conditions with empty conditions', withRule({ effect: 'conditions', conditions: {} })],
    [
      'effect conditions that restrict nothing',
      withRule({
        effect: 'conditions',
        conditions: { minHandling: 'H0', notAsEvidence: false, noOnwardDissemination: false },
      }),
    ],
    ['conditions on an allow rule', withRule({ conditions: { retentionDays: 5 } })],
    ['retentionDays zero', withRule({ effect: 'conditions', conditions: { retentionDays: 0 } })],
    ['retentionDays fractional', withRule({ effect: 'conditions', conditions: { retentionDays: 1.5 } })],
    ['unknown handling code', withRule({ effect: 'conditions', conditions: { minHandling: 'H4' } })],
    ['empty legal basis', withRule({ legalBasis: { en: '' } })],
    ['blank legal basis', withRule({ legalBasis: { en: '   ' } })],
    ['missing legal basis', { ...BODY, rules: [{ id: 'x', direction: 'outbound', effect: 'allow' }] }],
    ['empty Russian legal basis', withRule({ legalBasis: { en: 'x', ru: '' } })],
    ['local date-time without offset', withRule({ validFrom: '2026-01-01T00:00:00' })],
    ['date only', withRule({ validFrom: '2026-01-01' })],
    ['impossible date', withRule({ validFrom: '2026-02-30T00:00:00Z' })],
    [
      'validUntil before validFrom',
      withRule({ validFrom: '2026-01-02T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' }),
    ],
    ['empty window', withRule({ validFrom: '2026-01-01T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' })],
    ['reserved rule id "default"', withRule({ id: 'default' })],
    ['reserved rule id "no-policy"', withRule({ id: 'no-policy' })],
    ['rule id with a newline', withRule({ id: 'a\nb' })],
    ['rule id starting with "$"', withRule({ id: '$x' })],
    ['empty rule id', withRule({ id: '' })],
    ['direction outside the vocabulary', withRule({ direction: 'both' })],
    ['default effect conditions', { ...BODY, defaultEffect: 'conditions' }],
    ['version zero', { ...BODY, version: 0 }],
    ['version as a string', { ...BODY, version: '1' }],
    ['state not ISO alpha-2', { ...BODY, state: 'KAZ' }],
    ['rules not an array', { ...BODY, rules: {} }],
    ['more than 5000 rules', { ...BODY, rules: Array.from({ length: 5001 }, (_, i) => ({ ...RULE, id: `r${i}` })) }],
  ];

  for (const [name, input] of REJECTED) {
    it(`rejects ${name}`, () => {
      expect(PolicyBody.safeParse(input).success).to.equal(false);
    });
  }

  it('accepts exactly 5000 rules', () => {
    const rules = Array.from({ length: 5000 }, (_, i) => ({ ...RULE, id: `r${i}` }));
    expect(PolicyBody.safeParse({ ...BODY, rules }).success).to.equal(true);
  });

  it('parsing __proto__ pollutes nothing', () => {
    PolicyRule.safeParse(
      JSON.parse(
        '{"__proto__":{"polluted":true},"id":"a","direction":"outbound","effect":"allow","legalBasis":{"en":"x"}}',
      ),
    );
    const fresh: Record<string, unknown> = {};
    expect(fresh['polluted']).to.equal(undefined);
  });

  it('points at the offending field', () => {
    const result = PolicyBody.safeParse({ ...BODY, rules: [RULE, { ...RULE }] });
    expect(result.error?.issues.map((issue) => issue.path)).to.deep.equal([['rules', 1, 'id']]);
    const empty = PolicyBody.safeParse(withRule({ kinds: [] }));
    expect(empty.error?.issues[0]?.path).to.deep.equal(['rules', 0, 'kinds']);
  });
});
