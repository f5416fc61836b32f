import { expect } from 'chai';
import { evaluate } from '../../../../shared/policy/index.js';
import { compileAll } from './arbitraries.js';
import { AT, LABELS, policy, run } from './policy-builders.js';

describe('policy engine: evaluate, details', () => {
  it('reports full reasons with legal basis and policy versions', () => {
    const decision = run([
      policy(
        'KZ',
        'allow',
        [
          {
            id: 'pd',
            direction: 'outbound',
            effect: 'deny',
            legalBasis: { en: 'Law on Personal Data, art. 16', ru: 'Закон о персональных данных, ст. 16' },
          },
        ],
        4,
      ),
      policy('RU', 'deny', [], 9),
    ]);
    expect(decision.perRecipient[0]).to.deep.equal({
      state: 'RU',
      effect: 'deny',
      conditions: {},
      reasons: [
        {
          state: 'KZ',
          policyVersion: 4,
          ruleId: 'pd',
          direction: 'outbound',
          effect: 'deny',
          legalBasis: { en: 'Law on Personal Data, art. 16', ru: 'Закон о персональных данных, ст. 16' },
          published: false,
        },
        {
          state: 'RU',
          policyVersion: 9,
          ruleId: 'default',
          direction: 'inbound',
          effect: 'deny',
          legalBasis: {
            en: 'No rule of the policy applies; the default effect of the policy is used',
            ru: 'Ни одно правило политики не применимо; действует результат политики по умолчанию',
          },
          published: true,
        },
      ],
      policyVersions: { KZ: 4, RU: 9 },
    });
  });

  it('a missing policy has a null version and no entry in policyVersions', () => {
    const decision = run([policy('KZ', 'allow', [], 3)]);
    const recipient = decision.perRecipient[0];
    expect(recipient?.policyVersions).to.deep.equal({ KZ: 3 });
    expect(recipient?.reasons[1]).to.deep.equal({
      state: 'RU',
      policyVersion: null,
      ruleId: 'no-policy',
      direction: 'inbound',
      effect: 'allow',
      legalBasis: {
        en: 'No disclosure policy published by this state',
        ru: 'Это государство не опубликовало политику раскрытия информации',
      },
      published: true,
    });
  });

  it('several recipients: strictest overall, first-appearance order, repeats once, conditions merged', () => {
    const decision = run(
      [
        policy(
          'KZ',
          'allow',
          [
            {
              id: 'tr',
              direction: 'outbound',
              counterparts: ['TR'],
              effect: 'conditions',
              conditions: { retentionDays: 90, minHandling: 'H1' },
            },
            {
              id: 'cn',
              direction: 'outbound',
              counterparts: ['CN'],
              effect: 'conditions',
              conditions: { retentionDays: 30, noOnwardDissemination: true },
            },
          ],
          2,
        ),
        policy('RU', 'approve', [], 5),
      ],
      { to: ['TR', 'RU', 'CN', 'TR'] },
    );
    expect(decision.perRecipient.map((r) => [r.state, r.effect])).to.deep.equal([
      ['TR', 'conditions'],
      ['RU', 'approve'],
      ['CN', 'conditions'],
    ]);
    expect(decision.effect).to.equal('approve');
    expect(decision.conditions).to.deep.equal({ minHandling: 'H1', retentionDays: 30, noOnwardDissemination: true });
    expect(decision.perRecipient[1]?.policyVersions).to.deep.equal({ KZ: 2, RU: 5 });
    expect(decision.perRecipient[0]?.policyVersions).to.deep.equal({ KZ: 2 });
  });

  it('one denied recipient makes the whole exchange denied', () => {
    const decision = run([policy('CN', 'deny', [])], { to: ['RU', 'TR', 'CN'] });
    expect(decision.perRecipient.map((r) => r.effect)).to.deep.equal(['allow', 'allow', 'deny']);
    expect(decision.effect).to.equal('deny');
  });

  it('no recipients: allow with no entries', () => {
    expect(run([policy('KZ', 'deny', [])], { to: [] })).to.deep.equal({
      effect: 'allow',
      perRecipient: [],
      conditions: {},
    });
  });

  it('fails closed on input that was never parsed', () => {
    const kz = [policy('KZ', 'allow', [])];
    expect(() => run(kz, { at: new Date(Number.NaN) })).to.throw(RangeError);
    expect(() =>
      run(kz, {
        labels: JSON.parse('{"domain":"Space Travel","category":"general","classification":"public","handling":"H0"}'),
      }),
    ).to.throw(TypeError, /domain/);
    expect(() => run(kz, { kind: JSON.parse('"request:unknown"') })).to.throw(TypeError, /kind/);
  });

  it('a domain added after the policy was written gets the rules that name no domain, and only those', () => {
    const kz = [
      policy('KZ', 'allow', [
        {
          id: 'any',
          direction: 'outbound',
          categories: ['personal-data'],
          effect: 'approve',
          legalBasis: { en: 'any domain' },
        },
        { id: 'border', direction: 'outbound', domains: ['border'], effect: 'deny', legalBasis: { en: 'border only' } },
        {
          id: 'cyber',
          direction: 'outbound',
          domains: ['cyber-security'],
          categories: ['general'],
          effect: 'deny',
          legalBasis: { en: 'named new domain' },
        },
      ]),
    ];
    const labels = (domain: string, category: 'general' | 'personal-data') => ({ ...LABELS, domain, category });
    expect(run(kz, { labels: labels('maritime-security', 'personal-data') }).effect).to.equal('approve');
    expect(run(kz, { labels: labels('maritime-security', 'general') }).effect).to.equal('allow');
    expect(
      run(kz, { labels: labels('cyber-security', 'general') }).perRecipient[0]?.reasons.map((r) => r.ruleId),
    ).to.deep.equal(['cyber']);
    expect(
      run(kz, { labels: labels('cyber-security', 'personal-data') }).perRecipient[0]?.reasons.map((r) => r.ruleId),
    ).to.deep.equal(['any']);
    expect(
      run(kz, { labels: labels('border', 'personal-data') }).perRecipient[0]?.reasons.map((r) => r.ruleId),
    ).to.deep.equal(['border']);
  });

  it('refuses a policy filed under another state', () => {
    const compiled = compileAll([policy('TR', 'allow', [])]).get('TR');
    if (compiled === undefined) throw new Error('not compiled');
    expect(() =>
      evaluate({ labels: LABELS, kind: 'message', from: 'KZ', to: ['RU'], at: AT }, new Map([['KZ', compiled]])),
    ).to.throw(RangeError);
  });

  it('does not keep references to the policy it compiled', () => {
    const body = policy('KZ', 'allow', [{ id: 'x', direction: 'outbound', effect: 'deny' }]);
    const compiled = compileAll([body]);
    const rule = body.rules[0];
    if (rule === undefined) throw new Error('no rule');
    rule.effect = 'allow';
    rule.legalBasis.en = 'changed';
    const decision = evaluate({ labels: LABELS, kind: 'message', from: 'KZ', to: ['RU'], at: AT }, compiled);
    expect(decision.effect).to.equal('deny');
    expect(decision.perRecipient[0]?.reasons[0]?.legalBasis.en).to.equal('basis x');
  });
});
