import { expect } from 'chai';
import fc from 'fast-check';
import { applyConditionsToLabels, effectRank, evaluate, strictestEffect } from '../../../../shared/policy/index.js';
import { HANDLING_CODES } from '../../../../shared/schemas/labels.js';
import type { PolicyBody, PolicyDirection, PolicyRule } from '../../../../shared/schemas/policy.js';
import { compileAll, ruleArb, scenarioArb, shuffleWith, STATES, type Scenario } from './arbitraries.js';
import { referenceEvaluate, ruleMatches } from './reference-engine.js';

const RUNS = { numRuns: 400 };

/** The rules of `state`'s policy, seen from `direction`, that apply to the exchange towards/from `counterpart`. */
function matching(s: Scenario, state: string, direction: PolicyDirection, counterpart: string) {
  return (
    s.policies.find((p) => p.state === state)?.rules.filter((r) => ruleMatches(r, direction, s.input, counterpart)) ??
    []
  );
}

/** A scenario plus an allow rule inserted somewhere into one of its policies. */
const withAddedAllowArb = scenarioArb
  .filter((s) => s.policies.length > 0)
  .chain((s) =>
    fc.record({
      scenario: fc.constant(s),
      target: fc.integer({ min: 0, max: s.policies.length - 1 }),
      rule: ruleArb('added-allow', fc.constant('allow')),
      position: fc.nat(),
    }),
  );

describe('policy engine: properties', () => {
  it('agrees with a naive linear scan over the uncompiled rules', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expect(evaluate(s.input, compileAll(s.policies))).to.deep.equal(referenceEvaluate(s.input, s.policies));
      }),
      { numRuns: 1000 },
    );
  });

  it('deny always wins: a matching deny rule in either policy denies that recipient', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const decision = evaluate(s.input, compileAll(s.policies));
        for (const recipient of decision.perRecipient) {
          const denies = [
            ...matching(s, s.input.from, 'outbound', recipient.state),
            ...matching(s, recipient.state, 'inbound', s.input.from),
          ].some((r) => r.effect === 'deny');
          if (denies) {
            expect(recipient.effect).to.equal('deny');
            expect(recipient.conditions).to.deep.equal({});
            expect(decision.effect).to.equal('deny');
          }
        }
      }),
      RUNS,
    );
  });

  it('adding an allow rule never lifts a deny that a rule made, and never makes a result less strict unless it replaces a stricter default', () => {
    fc.assert(
      fc.property(withAddedAllowArb, ({ scenario: s, target, rule, position }) => {
        const before = evaluate(s.input, compileAll(s.policies));
        const policies = s.policies.map((p, i): PolicyBody => {
          if (i !== target) return p;
          const rules = [...p.rules];
          rules.splice(position % (rules.length + 1), 0, rule);
          return { ...p, rules };
        });
        const after = evaluate(s.input, compileAll(policies));
        const changed = policies[target];
        if (changed === undefined) throw new Error('no target');
        before.perRecipient.forEach((old, i) => {
          const now = after.perRecipient[i];
          if (now === undefined) throw new Error('recipient lost');
          if (old.reasons.some((r) => r.effect === 'deny' && r.ruleId !== 'default'))
            expect(now.effect).to.equal('deny');
          // The only way to relax a result: the rule becomes the first match of a side where a stricter default applied.
          const sides: Array<[PolicyDirection, string]> = [];
          if (changed.state === s.input.from) sides.push(['outbound', old.state]);
          if (changed.state === old.state) sides.push(['inbound', s.input.from]);
          const relaxable =
            changed.defaultEffect !== 'allow' &&
            sides.some(([direction, counterpart]) => matching(s, changed.state, direction, counterpart).length === 0);
          if (!relaxable) {
            expect(now.effect).to.equal(old.effect);
            expect(now.conditions).to.deep.equal(old.conditions);
          }
          expect(effectRank(now.effect) >= effectRank(old.effect) || relaxable).to.equal(true);
        });
      }),
      RUNS,
    );
  });

  it('does not depend on rule order or map order (reasons included)', () => {
    const arb = scenarioArb.chain((s) =>
      fc.record({
        scenario: fc.constant(s),
        picks: fc.array(fc.array(fc.nat(), { minLength: 20, maxLength: 20 }), {
          minLength: s.policies.length + 1,
          maxLength: s.policies.length + 1,
        }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ scenario: s, picks }) => {
        const shuffled = shuffleWith(
          s.policies.map((p, i) => ({ ...p, rules: shuffleWith(p.rules, picks[i] ?? []) })),
          picks.at(-1) ?? [],
        );
        expect(evaluate(s.input, compileAll(shuffled))).to.deep.equal(evaluate(s.input, compileAll(s.policies)));
      }),
      RUNS,
    );
  });

  it('same input, same output (also across separate compilations)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const compiled = compileAll(s.policies);
        const first = evaluate(s.input, compiled);
        expect(evaluate(s.input, compiled)).to.deep.equal(first);
        expect(evaluate(s.input, compileAll(structuredClone(s.policies)))).to.deep.equal(first);
      }),
      RUNS,
    );
  });

  it('overall effect and conditions summarise the recipients; conditions only when they can bind', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const decision = evaluate(s.input, compileAll(s.policies));
        expect(decision.effect).to.equal(strictestEffect(decision.perRecipient.map((r) => r.effect)));
        for (const recipient of decision.perRecipient) {
          if (recipient.effect === 'allow' || recipient.effect === 'deny')
            expect(recipient.conditions).to.deep.equal({});
          if (recipient.effect === 'conditions') expect(Object.keys(recipient.conditions)).not.to.have.length(0);
          expect(recipient.reasons).not.to.have.length(0);
        }
        const raised = applyConditionsToLabels(s.input.labels, decision.conditions);
        const min = decision.conditions.minHandling;
        if (min !== undefined)
          expect(HANDLING_CODES.indexOf(raised.handling)).to.be.at.least(HANDLING_CODES.indexOf(min));
        expect(HANDLING_CODES.indexOf(raised.handling)).to.be.at.least(HANDLING_CODES.indexOf(s.input.labels.handling));
      }),
      RUNS,
    );
  });

  it('"every state except X" decides like the explicit list of the other states — and also covers a state admitted later', () => {
    // Rewrites { except } into the explicit complement within the pool every state here is drawn from.
    const explicit = (rule: PolicyRule): PolicyRule[] => {
      const c = rule.counterparts;
      if (c === undefined || Array.isArray(c)) return [rule];
      const rest = STATES.filter((state) => !c.except.includes(state));
      return rest.length === 0 ? [] : [{ ...rule, counterparts: rest }];
    };
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const listed = s.policies.map((p): PolicyBody => ({ ...p, rules: p.rules.flatMap(explicit) }));
        expect(evaluate(s.input, compileAll(s.policies))).to.deep.equal(evaluate(s.input, compileAll(listed)));
        // A state outside the pool (admitted after the rules were signed): every except rule can match it, no list can.
        const newcomer = { ...s.input, to: ['MN'] };
        const senderPolicy = s.policies.find((p) => p.state === s.input.from);
        const byExcept =
          evaluate(newcomer, compileAll(s.policies)).perRecipient[0]?.reasons.filter((r) => r.state === s.input.from) ??
          [];
        for (const reason of byExcept) {
          const rule = senderPolicy?.rules.find((r) => r.id === reason.ruleId);
          if (rule?.counterparts !== undefined) expect(Array.isArray(rule.counterparts)).to.equal(false);
        }
        const withDeny =
          senderPolicy === undefined
            ? []
            : [
                {
                  ...senderPolicy,
                  rules: [
                    ...senderPolicy.rules,
                    {
                      id: 'all-but-pool',
                      direction: 'outbound' as const,
                      counterparts: { except: [...STATES] },
                      effect: 'deny' as const,
                      legalBasis: { en: 'x' },
                    },
                  ],
                },
              ];
        if (withDeny[0] !== undefined) {
          expect(evaluate(newcomer, compileAll(withDeny)).effect).to.equal('deny');
          expect(evaluate(s.input, compileAll(withDeny))).to.deep.equal(
            evaluate(s.input, compileAll([senderPolicy as PolicyBody])),
          );
        }
      }),
      RUNS,
    );
  });
});
