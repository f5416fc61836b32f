import { expect } from 'chai';
import { computeStatistics, median } from '../../../../server/modules/requests/request-statistics.js';
import type { RequestCase } from '../../../../server/modules/requests/ports.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const MIN = 60_000;

function requestCase(over: Partial<RequestCase>): RequestCase {
  return {
    id: 'x',
    reference: 'KZ→TJ-2026-0001',
    kind: 'request:document-check',
    domain: 'border',
    category: 'travel-identity-documents',
    classification: 'restricted',
    urgency: 'urgent',
    threadId: null,
    requesterId: 'a',
    requesterState: 'KZ',
    requestedId: 'b',
    requestedState: 'TJ',
    deputyIds: [],
    status: 'submitted',
    seq: 0,
    awaiting: true,
    submittedAt: new Date(T0),
    deadline: new Date(T0 + 480 * MIN),
    acknowledgedAt: null,
    respondedAt: null,
    answered: false,
    overdue: false,
    overdueAt: null,
    remindersSent: 0,
    originalCaseId: null,
    consent: null,
    ...over,
  };
}

describe('server/modules/requests/request-statistics', () => {
  it('median of odd, even and empty lists', () => {
    expect(median([5, 1, 3])).to.equal(3);
    expect(median([4, 1, 3, 2])).to.equal(2.5);
    expect(median([])).to.equal(null);
  });

  it('counts sent and received per state and domain, medians over received cases, overdue flags', () => {
    const rows = computeStatistics([
      requestCase({ acknowledgedAt: new Date(T0 + 10 * MIN), respondedAt: new Date(T0 + 60 * MIN) }),
      requestCase({ acknowledgedAt: new Date(T0 + 30 * MIN), respondedAt: new Date(T0 + 120 * MIN) }),
      requestCase({ overdue: true }),
      requestCase({ requestedState: 'UZ', overdue: true }),
      requestCase({
        requesterState: 'TJ',
        requestedState: 'KZ',
        domain: 'law-enforcement',
        respondedAt: new Date(T0 + 5 * MIN),
      }),
    ]);
    expect(rows).to.deep.equal([
      {
        state: 'KZ',
        domain: 'border',
        sent: 4,
        received: 0,
        medianAcknowledgeMs: null,
        medianAnswerMs: null,
        overdue: 0,
      },
      {
        state: 'KZ',
        domain: 'law-enforcement',
        sent: 0,
        received: 1,
        medianAcknowledgeMs: null,
        medianAnswerMs: 5 * MIN,
        overdue: 0,
      },
      {
        state: 'TJ',
        domain: 'border',
        sent: 0,
        received: 3,
        medianAcknowledgeMs: 20 * MIN,
        medianAnswerMs: 90 * MIN,
        overdue: 1,
      },
      {
        state: 'TJ',
        domain: 'law-enforcement',
        sent: 1,
        received: 0,
        medianAcknowledgeMs: null,
        medianAnswerMs: null,
        overdue: 0,
      },
      {
        state: 'UZ',
        domain: 'border',
        sent: 0,
        received: 1,
        medianAcknowledgeMs: null,
        medianAnswerMs: null,
        overdue: 1,
      },
    ]);
  });

  it('limits rows to one state and one domain', () => {
    const cases = [
      requestCase({}),
      requestCase({ requesterState: 'TJ', requestedState: 'KZ' }),
      requestCase({ requestedState: 'UZ' }),
    ];
    expect(computeStatistics(cases, { state: 'TJ' }).map((r) => [r.state, r.sent, r.received])).to.deep.equal([
      ['TJ', 1, 1],
    ]);
    expect(computeStatistics(cases, { domain: 'economic-crime' })).to.deep.equal([]);
  });
});
