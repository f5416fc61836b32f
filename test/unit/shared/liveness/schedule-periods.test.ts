import { expect } from 'chai';
import { currentPeriodStart, nextPeriodStart, periodStart } from '../../../../shared/liveness/schedule-periods.js';

const at = (iso: string): Date => new Date(iso);
const monthly = { firstRunAt: at('2026-01-31T09:00:00Z'), everyMonths: 1 };
const quarterly = { firstRunAt: at('2026-03-15T06:30:00Z'), everyMonths: 3 };

describe('liveness schedule periods', () => {
  it('counts calendar months from the first run; a day past the month’s end is its last day, without drifting', () => {
    expect(periodStart(monthly, 1).toISOString()).to.equal('2026-02-28T09:00:00.000Z');
    expect(periodStart(monthly, 2).toISOString()).to.equal('2026-03-31T09:00:00.000Z');
    expect(periodStart(monthly, 13).toISOString()).to.equal('2027-02-28T09:00:00.000Z');
    expect(periodStart(quarterly, 4).toISOString()).to.equal('2027-03-15T06:30:00.000Z');
  });

  it('the current period is the latest started at or before now, computed from the schedule alone', () => {
    expect(currentPeriodStart(quarterly, at('2026-03-15T06:29:59Z'))).to.equal(null);
    expect(currentPeriodStart(quarterly, at('2026-03-15T06:30:00Z'))?.toISOString()).to.equal(
      '2026-03-15T06:30:00.000Z',
    );
    expect(currentPeriodStart(quarterly, at('2026-06-15T06:29:59Z'))?.toISOString()).to.equal(
      '2026-03-15T06:30:00.000Z',
    );
    // Years later (a node that was down): the latest period only.
    expect(currentPeriodStart(quarterly, at('2029-01-01T00:00:00Z'))?.toISOString()).to.equal(
      '2028-12-15T06:30:00.000Z',
    );
    expect(currentPeriodStart(monthly, at('2026-03-30T00:00:00Z'))?.toISOString()).to.equal('2026-02-28T09:00:00.000Z');
  });

  it('the next run is the first period start after now', () => {
    expect(nextPeriodStart(quarterly, at('2026-01-01T00:00:00Z')).toISOString()).to.equal('2026-03-15T06:30:00.000Z');
    expect(nextPeriodStart(quarterly, at('2026-03-15T06:30:00Z')).toISOString()).to.equal('2026-06-15T06:30:00.000Z');
    expect(nextPeriodStart({ ...quarterly, everyMonths: 12 }, at('2026-12-31T00:00:00Z')).toISOString()).to.equal(
      '2027-03-15T06:30:00.000Z',
    );
  });
});
