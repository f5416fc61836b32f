import { expect } from 'chai';
import { formatDateTime, formatDay, formatRelative } from '../../../../client/src/lib/format-time.js';

// 15:04:05 on 6 December 2026, at UTC: the test process runs with its own time zone, so the
// assertions look for what does not depend on it (year, hour cycle, words) or pin the hour.
const AT = Date.UTC(2026, 11, 6, 15, 4, 5);
const HOUR = 3_600_000;

describe('format-time: dates and times in the person’s language', () => {
  it('always writes the year, in English and in Russian', () => {
    for (const language of ['en', 'ru'] as const) {
      expect(formatDateTime(AT, language), language).to.contain('2026');
      expect(formatDateTime(AT, language, { seconds: true }), language).to.contain('2026');
      expect(formatDay(AT, language), language).to.contain('2026');
    }
  });

  it('writes Russian times on a 24-hour clock, and names the month in words', () => {
    const afternoon = new Date(2026, 11, 6, 15, 4, 5); // local time: 15:04 wherever the test runs
    expect(formatDateTime(afternoon, 'ru')).to.contain('15:04');
    expect(formatDateTime(afternoon, 'ru')).to.match(/дек/);
    expect(formatDateTime(afternoon, 'ru', { seconds: true })).to.contain('15:04:05');
    expect(formatDateTime(afternoon, 'en')).to.match(/Dec 6, 2026/);
    expect(formatDateTime(afternoon, 'en')).to.match(/3:04\sPM/);
  });

  it('takes ISO strings as the API sends them', () => {
    expect(formatDay(new Date(AT).toISOString(), 'en')).to.equal(formatDay(AT, 'en'));
  });

  it('says how far a deadline is, ahead or behind, in the largest whole unit', () => {
    expect(formatRelative(AT + 3 * HOUR + 20 * 60_000, AT, 'en')).to.equal('in 3 hours');
    expect(formatRelative(AT - 2 * HOUR - 59 * 60_000, AT, 'en')).to.equal('2 hours ago');
    expect(formatRelative(AT + 5 * 24 * HOUR, AT, 'en')).to.equal('in 5 days');
    expect(formatRelative(AT + 25 * 60_000, AT, 'en')).to.equal('in 25 minutes');
    expect(formatRelative(AT + 10_000, AT, 'en')).to.equal('this minute');
    expect(formatRelative(AT + 3 * HOUR, AT, 'ru')).to.equal('через 3 часа');
    expect(formatRelative(AT - 2 * HOUR, AT, 'ru')).to.equal('2 часа назад');
    expect(formatRelative(AT + 5 * 24 * HOUR, AT, 'ru')).to.equal('через 5 дней');
  });
});
