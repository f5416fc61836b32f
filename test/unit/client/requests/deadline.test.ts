import { expect } from 'chai';
import { deadlineState, formatSpan } from '../../../../client/src/features/requests/deadline.js';

const H = 3_600_000;
const submittedAt = '2026-01-01T00:00:00.000Z';
const start = Date.parse(submittedAt);
const urgent = {
  status: 'submitted' as const,
  submittedAt,
  deadline: new Date(start + 8 * H).toISOString(),
  overdue: false,
};
const units = { d: 'd', h: 'h', min: 'min', lessThanMinute: '< 1 min' };

describe('requests: deadline clock', () => {
  it('is ok, then soon in the last quarter, then overdue once the deadline passes', () => {
    expect(deadlineState(urgent, start + H)).to.deep.equal({ tone: 'ok', remainingMs: 7 * H });
    expect(deadlineState(urgent, start + 6 * H - 1).tone).to.equal('ok');
    expect(deadlineState(urgent, start + 6 * H).tone).to.equal('soon');
    expect(deadlineState(urgent, start + 8 * H)).to.deep.equal({ tone: 'overdue', remainingMs: 0 });
    expect(deadlineState(urgent, start + 9 * H).remainingMs).to.equal(-H);
  });

  it('trusts the server flag even when the local clock is behind, and stops once the answer is in', () => {
    expect(deadlineState({ ...urgent, overdue: true }, start + H).tone).to.equal('overdue');
    expect(deadlineState({ ...urgent, status: 'answered' }, start + 9 * H).tone).to.equal('done');
    expect(deadlineState({ ...urgent, status: 'clarification-requested' }, start + 9 * H).tone).to.equal('overdue');
  });

  it('formats the largest two units, the same before and after the deadline', () => {
    expect(formatSpan(7 * H + 30 * 60_000, units)).to.equal('7 h 30 min');
    expect(formatSpan(-(2 * 24 * H + 3 * H + 59_000), units)).to.equal('2 d 3 h');
    expect(formatSpan(3 * 24 * H, units)).to.equal('3 d');
    expect(formatSpan(12 * 60_000, units)).to.equal('12 min');
    expect(formatSpan(59_000, units)).to.equal('< 1 min');
  });
});
