import { expect } from 'chai';
import {
  applyConditionsToLabels,
  hasConditions,
  mergeConditions,
  stricterEffect,
  strictestEffect,
} from '../../../../shared/policy/index.js';
import type { Labels } from '../../../../shared/schemas/labels.js';
import type { PolicyConditions, PolicyEffect } from '../../../../shared/schemas/policy.js';

const LABELS: Labels = {
  domain: 'law-enforcement',
  category: 'criminal-intelligence',
  classification: 'confidential',
  handling: 'H1',
  evaluation: 'B2',
};

describe('policy engine: combining effects and conditions', () => {
  const EFFECT_PAIRS: Array<[PolicyEffect, PolicyEffect, PolicyEffect]> = [
    ['allow', 'allow', 'allow'],
    ['allow', 'conditions', 'conditions'],
    ['conditions', 'approve', 'approve'],
    ['approve', 'deny', 'deny'],
    ['deny', 'allow', 'deny'],
    ['conditions', 'allow', 'conditions'],
  ];
  for (const [a, b, expected] of EFFECT_PAIRS) {
    it(`${a} + ${b} = ${expected}`, () => {
      expect(stricterEffect(a, b)).to.equal(expected);
      expect(stricterEffect(b, a)).to.equal(expected);
    });
  }

  it('strictest of nothing is allow', () => {
    expect(strictestEffect([])).to.equal('allow');
    expect(strictestEffect(['conditions', 'allow', 'approve'])).to.equal('approve');
  });

  const MERGES: Array<[string, PolicyConditions[], PolicyConditions]> = [
    ['nothing', [], {}],
    [
      'highest handling wins',
      [{ minHandling: 'H1' }, { minHandling: 'H3' }, { minHandling: 'H2' }],
      { minHandling: 'H3' },
    ],
    [
      'booleans are OR-ed',
      [{ noOnwardDissemination: false }, { noOnwardDissemination: true, notAsEvidence: false }],
      { noOnwardDissemination: true },
    ],
    ['false alone restricts nothing', [{ notAsEvidence: false }], {}],
    [
      'shortest retention wins',
      [{ retentionDays: 365 }, { retentionDays: 30 }, { retentionDays: 90 }],
      { retentionDays: 30 },
    ],
    [
      'all together',
      [
        { minHandling: 'H2', retentionDays: 10 },
        { notAsEvidence: true, retentionDays: 20, minHandling: 'H0' },
      ],
      { minHandling: 'H2', notAsEvidence: true, retentionDays: 10 },
    ],
  ];
  for (const [name, list, expected] of MERGES) {
    it(`merge: ${name}`, () => {
      expect(mergeConditions(list)).to.deep.equal(expected);
      expect(mergeConditions([...list].reverse())).to.deep.equal(expected);
      expect(hasConditions(expected)).to.equal(Object.keys(expected).length > 0);
    });
  }

  it('applyConditionsToLabels raises a lower handling code', () => {
    expect(applyConditionsToLabels(LABELS, { minHandling: 'H3', retentionDays: 5 })).to.deep.equal({
      ...LABELS,
      handling: 'H3',
    });
  });

  it('applyConditionsToLabels never lowers the handling code', () => {
    expect(applyConditionsToLabels({ ...LABELS, handling: 'H3' }, { minHandling: 'H2' })).to.deep.equal({
      ...LABELS,
      handling: 'H3',
    });
    expect(applyConditionsToLabels(LABELS, {})).to.deep.equal(LABELS);
  });

  it('applyConditionsToLabels leaves its input unchanged', () => {
    const labels: Labels = { ...LABELS };
    const out = applyConditionsToLabels(labels, { minHandling: 'H2' });
    expect(labels.handling).to.equal('H1');
    expect(out).not.to.equal(labels);
  });
});
