import { expect } from 'chai';
import { dayRanges, withinHours, zoneNow } from '../../../../client/src/features/directory/working-hours.js';

describe("working hours in the entry's time zone", () => {
  it('collapses runs of days into ranges, in the interface language', () => {
    expect(dayRanges([5, 1, 2, 3, 4], 'en')).to.equal('Mon–Fri');
    expect(dayRanges([1, 2, 6, 7], 'en')).to.equal('Mon, Tue, Sat, Sun');
    expect(dayRanges([1, 2, 3, 4, 5], 'ru')).to.equal('пн–пт');
  });

  it('tells the weekday and time there, daylight saving included', () => {
    expect(zoneNow('Asia/Almaty', new Date('2026-03-02T04:30:00Z'))).to.deep.equal({
      day: 1,
      time: '09:30',
      offset: 'GMT+5',
    });
    expect(zoneNow('Europe/Moscow', new Date('2026-03-01T22:10:00Z'))).to.deep.include({ day: 1, time: '01:10' }); // already Monday there
    expect(zoneNow('Europe/Berlin', new Date('2026-01-05T08:00:00Z'))).to.deep.include({
      time: '09:00',
      offset: 'GMT+1',
    });
    expect(zoneNow('Europe/Berlin', new Date('2026-07-06T08:00:00Z'))).to.deep.include({
      time: '10:00',
      offset: 'GMT+2',
    });
    expect(zoneNow('Mars/Olympus', new Date())).to.equal(undefined);
  });

  it('knows whether that is within the hours, overnight shifts included', () => {
    const office = { days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' };
    expect(withinHours(office, { day: 1, time: '09:00', offset: '' })).to.equal(true);
    expect(withinHours(office, { day: 1, time: '18:00', offset: '' })).to.equal(false);
    expect(withinHours(office, { day: 6, time: '10:00', offset: '' })).to.equal(false);
    const night = { days: [5], from: '22:00', to: '06:00' };
    expect(withinHours(night, { day: 5, time: '23:00', offset: '' })).to.equal(true);
    expect(withinHours(night, { day: 6, time: '05:59', offset: '' })).to.equal(true);
    expect(withinHours(night, { day: 5, time: '05:00', offset: '' })).to.equal(false);
  });
});
