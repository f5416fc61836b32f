import { expect } from 'chai';
import type { Actor } from '../../../../shared/authz/can.js';
import { secondApproverVerdict } from '../../../../server/modules/dual-control/second-approver.js';

const REQUEST = { requestedBy: 'a'.repeat(24), subjectId: 'b'.repeat(24), state: 'KZ' };
const person = (overrides: Partial<Actor>): Actor => ({
  id: 'c'.repeat(24),
  role: 'network-admin',
  state: null,
  status: 'active',
  totpEnabled: true,
  requireTotp: false,
  ...overrides,
});

describe('secondApproverVerdict: who may be the second person', () => {
  const table: Array<[string, Actor, string]> = [
    ['another secretariat member', person({}), 'eligible'],
    ['an active national admin of the state', person({ role: 'national-admin', state: 'KZ' }), 'eligible'],
    ['the person who asked', person({ id: REQUEST.requestedBy }), 'same-person'],
    ['the subject', person({ id: REQUEST.subjectId, role: 'national-admin', state: 'KZ' }), 'not-eligible'],
    ['a national admin of another state', person({ role: 'national-admin', state: 'RU' }), 'not-eligible'],
    ['a focal point of the state', person({ role: 'focal-point', state: 'KZ' }), 'not-eligible'],
    ['a suspended secretariat member', person({ status: 'suspended' }), 'not-eligible'],
    [
      'a national admin without a second factor',
      person({ role: 'national-admin', state: 'KZ', totpEnabled: false }),
      'not-eligible',
    ],
  ];
  for (const [who, actor, verdict] of table)
    it(`${who}: ${verdict}`, () => expect(secondApproverVerdict(actor, REQUEST)).to.equal(verdict));
});
