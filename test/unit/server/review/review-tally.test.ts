import { expect } from 'chai';
import type { AuditEntry } from '../../../../server/modules/audit/audit-entry.js';
import { ReviewTally } from '../../../../server/modules/review/review-tally.js';

let seq = 0;
const entry = (
  at: string,
  type: string,
  state: string | null,
  subjectId: string | null,
  data: Record<string, unknown> = {},
): AuditEntry => ({
  seq: (seq += 1),
  at: new Date(at),
  type,
  actorId: null,
  state,
  subjectId,
  data,
});

describe("review tally: the year's figures from audit entries", () => {
  const year = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };

  it('a request made last year and answered this year counts as answered this year, once; declines and overdue too', () => {
    const tally = new ReviewTally(year);
    tally.add(
      entry('2025-12-30T10:00:00Z', 'request.submitted', 'KZ', 'c1', { requestedState: 'TJ', domain: 'border' }),
    );
    tally.add(entry('2026-01-03T10:00:00Z', 'request.transition', 'TJ', 'c1', { to: 'partially-answered' }));
    tally.add(entry('2026-01-04T10:00:00Z', 'request.transition', 'TJ', 'c1', { to: 'answered' }));
    tally.add(
      entry('2026-02-01T10:00:00Z', 'request.submitted', 'KZ', 'c2', { requestedState: 'TJ', domain: 'border' }),
    );
    tally.add(entry('2026-02-10T10:00:00Z', 'request.overdue', 'TJ', 'c2'));
    tally.add(entry('2026-02-11T10:00:00Z', 'request.transition', 'TJ', 'c2', { to: 'declined' }));
    tally.add(
      entry('2027-01-01T00:00:00Z', 'request.submitted', 'KZ', 'c3', { requestedState: 'TJ', domain: 'border' }),
    ); // next year
    expect(tally.figures(null).requests).to.deep.equal([
      {
        requesterState: 'KZ',
        requestedState: 'TJ',
        domain: 'border',
        submitted: 1,
        answered: 1,
        declined: 1,
        overdue: 1,
      },
    ]);
  });

  it('policy decisions count per recipient state by effect; stored envelopes by kind', () => {
    const tally = new ReviewTally(year);
    tally.add(
      entry('2026-05-01T00:00:00Z', 'policy.decision', 'KZ', 'm1', {
        domain: 'economic-crime',
        perRecipient: ['RU:allow', 'CN:approve'],
      }),
    );
    tally.add(
      entry('2026-05-02T00:00:00Z', 'policy.decision', 'KZ', 'm2', {
        domain: 'economic-crime',
        perRecipient: ['RU:conditions', 'CN:deny'],
      }),
    );
    tally.add(
      entry('2026-05-02T00:00:00Z', 'message.stored', 'KZ', 'm1', { domain: 'economic-crime', kind: 'message' }),
    );
    tally.add(
      entry('2026-05-02T00:00:00Z', 'message.stored', 'KZ', 'm3', {
        domain: 'economic-crime',
        kind: 'request:financial-enquiry',
      }),
    );
    tally.add(
      entry('2026-05-02T00:00:00Z', 'message.stored', 'KZ', 'm4', { domain: 'economic-crime', kind: 'receipt' }),
    );
    const figures = tally.figures(null);
    expect(figures.exchanges).to.deep.equal([
      { fromState: 'KZ', toState: 'CN', domain: 'economic-crime', allowed: 0, withConditions: 0, held: 1, denied: 1 },
      { fromState: 'KZ', toState: 'RU', domain: 'economic-crime', allowed: 1, withConditions: 1, held: 0, denied: 0 },
    ]);
    expect(figures.traffic).to.deep.equal([{ state: 'KZ', domain: 'economic-crime', messages: 1, requestSteps: 1 }]);
    expect(tally.figures('RU').exchanges.map((r) => r.toState)).to.deep.equal(['RU']);
    expect(tally.figures('RU').traffic).to.deep.equal([]);
  });

  it('each exchange counts once, under its last decision: a held one decided twice, a retried send, a trail with duplicates', () => {
    const tally = new ReviewTally(year);
    // Held: refused for want of approvers, then re-sealed and held (trails from before audited both).
    tally.add(
      entry('2026-06-01T00:00:00Z', 'policy.decision', 'KZ', 'held', {
        domain: 'border',
        perRecipient: ['RU:approve'],
      }),
    );
    tally.add(
      entry('2026-06-01T00:00:01Z', 'policy.decision', 'KZ', 'held', {
        domain: 'border',
        perRecipient: ['RU:approve'],
      }),
    );
    // Retried three times with the same msgId, so the same exchange.
    for (let i = 0; i < 3; i++)
      tally.add(
        entry('2026-06-02T00:00:00Z', 'policy.decision', 'KZ', 'retried', {
          domain: 'border',
          perRecipient: ['RU:allow'],
        }),
      );
    tally.add(
      entry('2026-06-03T00:00:00Z', 'policy.decision', 'KZ', 'denied', { domain: 'border', perRecipient: ['RU:deny'] }),
    );
    // Denied first, then allowed once the policy changed: the exchange that took place counts.
    tally.add(
      entry('2026-06-04T00:00:00Z', 'policy.decision', 'KZ', 'later', { domain: 'border', perRecipient: ['RU:deny'] }),
    );
    tally.add(
      entry('2026-06-05T00:00:00Z', 'policy.decision', 'KZ', 'later', {
        domain: 'border',
        perRecipient: ['RU:conditions'],
      }),
    );
    const figures = tally.figures(null);
    expect(figures.exchanges).to.deep.equal([
      { fromState: 'KZ', toState: 'RU', domain: 'border', allowed: 1, withConditions: 1, held: 1, denied: 1 },
    ]);
    expect(tally.figures('RU').exchanges, 'asked twice, counted the same').to.deep.equal(figures.exchanges);
  });

  it('upkeep per state, with the median liveness response; network decisions by outcome', () => {
    const tally = new ReviewTally(year);
    for (const ms of [1000, 3000, 60_000])
      tally.add(
        entry('2026-03-01T00:00:00Z', 'liveness.acknowledged', 'MN', 'l1', { outcome: 'on-time', responseMs: ms }),
      );
    tally.add(entry('2026-03-01T00:00:00Z', 'user.activated', 'MN', 'u1'));
    tally.add(entry('2026-03-01T00:00:00Z', 'user.suspended', 'MN', 'u1'));
    tally.add(entry('2026-03-01T00:00:00Z', 'user.keys-rotated', 'MN', 'u1'));
    tally.add(entry('2026-03-01T00:00:00Z', 'directory.entry-confirmed', 'MN', 'u1'));
    tally.add(entry('2026-03-01T00:00:00Z', 'user.activated', null, 'root')); // the secretariat's own: no state row
    tally.add(entry('2026-04-01T00:00:00Z', 'consensus.proposed', null, 'p1'));
    tally.add(entry('2026-04-01T00:00:00Z', 'consensus.settled', null, 'p1', { status: 'adopted' }));
    tally.add(entry('2026-04-01T00:00:00Z', 'consensus.proposed', null, 'p2'));
    tally.add(entry('2026-04-02T00:00:00Z', 'consensus.withdrawn', null, 'p2'));
    const figures = tally.figures(null);
    expect(figures.upkeep).to.deep.equal([
      {
        state: 'MN',
        accountsActivated: 1,
        suspensions: 1,
        keyRotations: 1,
        entriesConfirmed: 1,
        livenessChecks: 0,
        livenessScheduledChecks: 0,
        livenessPrompted: 0,
        livenessAnswered: 3,
        livenessMedianResponseMs: 3000,
        policyVersions: 0,
      },
    ]);
    expect(figures.decisions).to.deep.equal({ proposed: 2, adopted: 1, rejected: 0, withdrawn: 1 });
  });

  it('liveness checks count for each state they prompted, scheduled ones apart, each once; older entries by their one state', () => {
    const tally = new ReviewTally(year);
    const started = (id: string, state: string | null, data: Record<string, unknown>) =>
      tally.add(entry('2026-05-01T00:00:00Z', 'liveness.check-started', state, id, data));
    started('c1', null, { targets: 3, scheduled: true, perState: ['KZ:2', 'RU:1'] }); // the network's schedule
    started('c1', null, { targets: 3, scheduled: true, perState: ['KZ:2', 'RU:1'] }); // its run retried: once
    started('c2', 'KZ', { targets: 2, scheduled: true, perState: ['KZ:2'] }); // KZ's own schedule
    started('c3', 'KZ', { targets: 2, scheduled: false, perState: ['KZ:2'] }); // by hand
    started('c4', 'RU', { targets: 4 }); // written before checks named their states
    const row = (state: string) => {
      const found = tally.figures(null).upkeep.find((r) => r.state === state);
      return [found?.livenessChecks, found?.livenessScheduledChecks, found?.livenessPrompted];
    };
    expect(row('KZ')).to.deep.equal([3, 2, 6]);
    expect(row('RU')).to.deep.equal([2, 1, 5]);
  });
});
