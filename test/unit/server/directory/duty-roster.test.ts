import { expect } from 'chai';
import { isAwayAt, overlaps } from '../../../../server/modules/directory/duty-roster.js';
import type { Away } from '../../../../server/modules/directory/ports.js';

const T0 = Date.parse('2026-12-07T09:00:00Z');
const HOUR = 3_600_000;
const at = (hours: number): Date => new Date(T0 + hours * HOUR);
const away = (from: number, until: number | null): Away => ({
  from: at(from),
  until: until === null ? null : at(until),
  deputyUserId: 'd',
  note: null,
  setBy: 'a',
  setAt: at(0),
});

describe('server/modules/directory/duty-roster', () => {
  it('an absence runs from its start (included) to its end (excluded); an open end runs on', () => {
    expect(isAwayAt(away(1, 3), at(0.5))).to.equal(false);
    expect(isAwayAt(away(1, 3), at(1))).to.equal(true);
    expect(isAwayAt(away(1, 3), at(3))).to.equal(false);
    expect(isAwayAt(away(1, null), at(10_000))).to.equal(true);
    expect(isAwayAt(null, at(1))).to.equal(false);
  });

  it('two absences overlap when they share a moment; back-to-back ones do not', () => {
    expect(overlaps(away(0, 2), away(1, 3))).to.equal(true);
    expect(overlaps(away(0, 2), away(2, 4))).to.equal(false);
    expect(overlaps(away(5, null), away(0, 6))).to.equal(true);
    expect(overlaps(away(5, null), away(0, 5))).to.equal(false);
    expect(overlaps(away(0, null), away(100, null))).to.equal(true);
  });
});
