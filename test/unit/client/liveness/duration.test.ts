import { expect } from 'chai';
import { formatDuration } from '../../../../client/src/lib/duration.js';

describe('liveness response times', () => {
  it('picks a unit people read at a glance, in the interface language', () => {
    expect(formatDuration(850, 'en')).to.equal('850 ms');
    expect(formatDuration(4_250, 'en')).to.equal('4.3 sec');
    expect(formatDuration(42_000, 'en')).to.equal('42 sec');
    expect(formatDuration(210_000, 'en')).to.equal('3.5 min');
    expect(formatDuration(5_400_000, 'en')).to.equal('1.5 hr');
    expect(formatDuration(210_000, 'ru')).to.equal('3,5 мин');
  });
});
