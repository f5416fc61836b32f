import { expect } from 'chai';
import type { PolicyBody, PolicyConditions, PolicyEffect } from '../../../../shared/schemas/policy.js';
import { policy, reasonsOf, run, type Input } from './policy-builders.js';

interface Case {
  name: string;
  policies: PolicyBody[];
  input?: Input;
  effect: PolicyEffect;
  reasons: string[];
  conditions?: PolicyConditions;
}

const CASES: Case[] = [
  {
    name: 'outbound deny of the sender',
    policies: [
      policy('KZ', 'allow', [{ id: 'no-pd', direction: 'outbound', categories: ['personal-data'], effect: 'deny' }]),
    ],
    effect: 'deny',
    reasons: ['KZ/outbound/no-pd/deny'],
  },
  {
    name: 'inbound deny of the recipient',
    policies: [
      policy('KZ', 'allow', []),
      policy('RU', 'allow', [{ id: 'in-deny', direction: 'inbound', domains: ['border'], effect: 'deny' }]),
    ],
    effect: 'deny',
    reasons: ['RU/inbound/in-deny/deny'],
  },
  {
    name: 'an inbound rule of the sender does not apply to its outgoing exchange',
    policies: [policy('KZ', 'allow', [{ id: 'in-deny', direction: 'inbound', effect: 'deny' }])],
    effect: 'allow',
    reasons: ['KZ/outbound/default/allow', 'RU/inbound/no-policy/allow'],
  },
  {
    name: 'approve (held for a national admin)',
    policies: [
      policy('KZ', 'allow', [
        { id: 'hold', direction: 'outbound', classifications: ['restricted'], effect: 'approve' },
      ]),
    ],
    effect: 'approve',
    reasons: ['KZ/outbound/hold/approve'],
  },
  {
    name: 'conditions from both policies merge strictest-wins',
    policies: [
      policy('KZ', 'allow', [
        {
          id: 'c-out',
          direction: 'outbound',
          effect: 'conditions',
          conditions: { minHandling: 'H2', retentionDays: 30 },
        },
      ]),
      policy('RU', 'allow', [
        {
          id: 'c-in',
          direction: 'inbound',
          effect: 'conditions',
          conditions: { minHandling: 'H1', noOnwardDissemination: true, retentionDays: 10, notAsEvidence: false },
        },
      ]),
    ],
    effect: 'conditions',
    reasons: ['KZ/outbound/c-out/conditions', 'RU/inbound/c-in/conditions'],
    conditions: { minHandling: 'H2', noOnwardDissemination: true, retentionDays: 10 },
  },
  {
    name: 'approve keeps the conditions that bind after release',
    policies: [
      policy('KZ', 'allow', [
        { id: 'a', direction: 'outbound', effect: 'approve' },
        { id: 'b', direction: 'outbound', effect: 'conditions', conditions: { notAsEvidence: true } },
        { id: 'c', direction: 'outbound', effect: 'allow' },
      ]),
    ],
    effect: 'approve',
    reasons: ['KZ/outbound/a/approve', 'KZ/outbound/b/conditions'],
    conditions: { notAsEvidence: true },
  },
  {
    name: 'deny drops conditions and the rules it overrides',
    policies: [
      policy('KZ', 'allow', [
        { id: 'b', direction: 'outbound', effect: 'conditions', conditions: { minHandling: 'H3' } },
        { id: 'z', direction: 'outbound', effect: 'deny' },
        { id: 'a', direction: 'outbound', effect: 'deny' },
      ]),
    ],
    effect: 'deny',
    reasons: ['KZ/outbound/a/deny', 'KZ/outbound/z/deny'],
    conditions: {},
  },
  {
    name: 'default deny of the sender when no rule matches',
    policies: [
      policy('KZ', 'deny', [{ id: 'fin', direction: 'outbound', categories: ['financial'], effect: 'allow' }], 7),
    ],
    effect: 'deny',
    reasons: ['KZ/outbound/default/deny'],
  },
  {
    name: 'default approve of the recipient',
    policies: [policy('KZ', 'allow', []), policy('RU', 'approve', [])],
    effect: 'approve',
    reasons: ['RU/inbound/default/approve'],
  },
  {
    name: 'a matching allow rule replaces a default deny',
    policies: [
      policy('KZ', 'deny', [{ id: 'border-ok', direction: 'outbound', domains: ['border'], effect: 'allow' }]),
    ],
    effect: 'allow',
    reasons: ['KZ/outbound/border-ok/allow', 'RU/inbound/no-policy/allow'],
  },
  {
    name: 'validity: before validFrom the rule does not match',
    policies: [
      policy('KZ', 'allow', [
        { id: 'later', direction: 'outbound', effect: 'deny', validFrom: '2026-03-01T12:00:00.001Z' },
      ]),
    ],
    effect: 'allow',
    reasons: ['KZ/outbound/default/allow', 'RU/inbound/no-policy/allow'],
  },
  {
    name: 'validity: validFrom is inclusive',
    policies: [
      policy('KZ', 'allow', [{ id: 'now', direction: 'outbound', effect: 'deny', validFrom: '2026-03-01T12:00:00Z' }]),
    ],
    effect: 'deny',
    reasons: ['KZ/outbound/now/deny'],
  },
  {
    name: 'validity: validUntil is exclusive (offsets honoured)',
    policies: [
      policy('KZ', 'allow', [
        { id: 'ended', direction: 'outbound', effect: 'deny', validUntil: '2026-03-01T17:00:00+05:00' },
      ]),
    ],
    effect: 'allow',
    reasons: ['KZ/outbound/default/allow', 'RU/inbound/no-policy/allow'],
  },
  {
    name: 'validity: inside a closed window',
    policies: [
      policy('KZ', 'allow', [
        {
          id: 'win',
          direction: 'outbound',
          effect: 'deny',
          validFrom: '2026-01-01T00:00:00Z',
          validUntil: '2026-04-01T00:00:00Z',
        },
      ]),
    ],
    effect: 'deny',
    reasons: ['KZ/outbound/win/deny'],
  },
  {
    name: 'outbound counterparts name the recipient (other recipient: no match)',
    policies: [policy('KZ', 'allow', [{ id: 'tr-only', direction: 'outbound', counterparts: ['TR'], effect: 'deny' }])],
    effect: 'allow',
    reasons: ['KZ/outbound/default/allow', 'RU/inbound/no-policy/allow'],
  },
  {
    name: 'outbound counterparts name the recipient (match)',
    policies: [
      policy('KZ', 'allow', [{ id: 'ru-only', direction: 'outbound', counterparts: ['TR', 'RU'], effect: 'deny' }]),
    ],
    effect: 'deny',
    reasons: ['KZ/outbound/ru-only/deny'],
  },
  {
    name: 'outbound "all except": the excepted recipient is spared',
    policies: [
      policy('KZ', 'allow', [
        { id: 'all-but-ru', direction: 'outbound', counterparts: { except: ['KZ', 'RU'] }, effect: 'deny' },
      ]),
    ],
    effect: 'allow',
    reasons: ['KZ/outbound/default/allow', 'RU/inbound/no-policy/allow'],
  },
  {
    name: 'outbound "all except": any other recipient is covered',
    policies: [
      policy('KZ', 'allow', [
        { id: 'all-but-tr', direction: 'outbound', counterparts: { except: ['TR'] }, effect: 'deny' },
      ]),
    ],
    effect: 'deny',
    reasons: ['KZ/outbound/all-but-tr/deny'],
  },
  {
    name: 'inbound counterparts name the sender',
    policies: [
      policy('RU', 'allow', [
        { id: 'from-kz', direction: 'inbound', counterparts: ['KZ'], effect: 'approve' },
        { id: 'from-ru', direction: 'inbound', counterparts: ['RU'], effect: 'deny' },
      ]),
    ],
    effect: 'approve',
    reasons: ['RU/inbound/from-kz/approve'],
  },
  {
    name: 'kinds: a request-only rule does not match a message',
    policies: [
      policy('KZ', 'allow', [{ id: 'arms', direction: 'outbound', kinds: ['request:arms-tracing'], effect: 'deny' }]),
    ],
    effect: 'allow',
    reasons: ['KZ/outbound/default/allow', 'RU/inbound/no-policy/allow'],
  },
  {
    name: 'kinds: a request-only rule matches that request',
    policies: [
      policy('KZ', 'allow', [
        { id: 'arms', direction: 'outbound', kinds: ['request:arms-tracing', 'receipt'], effect: 'deny' },
      ]),
    ],
    input: { kind: 'request:arms-tracing' },
    effect: 'deny',
    reasons: ['KZ/outbound/arms/deny'],
  },
  {
    name: 'domain, category and classification scopes must all match',
    policies: [
      policy('KZ', 'allow', [
        { id: 'd', direction: 'outbound', domains: ['economic-crime'], effect: 'deny' },
        { id: 'c', direction: 'outbound', categories: ['general'], effect: 'deny' },
        { id: 'k', direction: 'outbound', classifications: ['public', 'confidential'], effect: 'deny' },
        {
          id: 'all',
          direction: 'outbound',
          domains: ['border'],
          categories: ['personal-data'],
          classifications: ['restricted'],
          effect: 'conditions',
          conditions: { retentionDays: 5 },
        },
      ]),
    ],
    effect: 'conditions',
    reasons: ['KZ/outbound/all/conditions'],
    conditions: { retentionDays: 5 },
  },
  {
    name: 'missing policies allow, and say so',
    policies: [],
    effect: 'allow',
    reasons: ['KZ/outbound/no-policy/allow', 'RU/inbound/no-policy/allow'],
  },
  {
    name: 'same-state exchange applies both directions of one policy',
    policies: [
      policy('KZ', 'allow', [
        {
          id: 'o',
          direction: 'outbound',
          counterparts: ['KZ'],
          effect: 'conditions',
          conditions: { minHandling: 'H3' },
        },
        { id: 'i', direction: 'inbound', counterparts: ['KZ'], effect: 'approve' },
      ]),
    ],
    input: { to: ['KZ'] },
    effect: 'approve',
    reasons: ['KZ/outbound/o/conditions', 'KZ/inbound/i/approve'],
    conditions: { minHandling: 'H3' },
  },
  {
    name: 'reasons: sender first, then strictest first, then by id',
    policies: [
      policy('KZ', 'allow', [
        { id: 'b', direction: 'outbound', effect: 'deny' },
        { id: 'a', direction: 'outbound', effect: 'deny' },
      ]),
      policy('RU', 'allow', [
        { id: 'A', direction: 'inbound', effect: 'deny' },
        { id: 'x', direction: 'inbound', effect: 'approve' },
      ]),
    ],
    effect: 'deny',
    reasons: ['KZ/outbound/a/deny', 'KZ/outbound/b/deny', 'RU/inbound/A/deny'],
  },
];

describe('policy engine: evaluate', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const decision = run(c.policies, c.input);
      expect(decision.effect).to.equal(c.effect);
      expect(decision.perRecipient).to.have.length(1);
      expect(decision.perRecipient[0]?.effect).to.equal(c.effect);
      expect(reasonsOf(decision)).to.deep.equal(c.reasons);
      expect(decision.perRecipient[0]?.conditions).to.deep.equal(c.conditions ?? {});
      expect(decision.conditions).to.deep.equal(c.conditions ?? {});
    });
  }
});
