import { expect } from 'chai';
import { planDelivery } from '../../../../server/modules/notifications/plan-delivery.js';
import { nextDigestTime, quietHoursEnd } from '../../../../server/modules/notifications/local-time.js';

const at = (iso: string) => new Date(iso);
const quiet = { start: '22:00', end: '07:00' };

describe('when an e-mail alert goes out', () => {
  const settings = { timeZone: 'Asia/Almaty', quietHours: quiet, digest: { every: 'hour' as const } };
  // Almaty is UTC+5: 18:30 UTC is 23:30 local, inside 22:00–07:00.
  const night = at('2026-12-07T18:30:00Z');
  const day = at('2026-12-07T06:30:00Z');

  it('at once outside quiet hours', () => {
    expect(planDelivery({ kind: 'request.step' }, 'immediate', settings, day)).to.deep.equal({
      dueAt: day,
      digest: false,
    });
  });

  it("quiet hours over midnight hold it until they end, in the person's time zone", () => {
    expect(planDelivery({ kind: 'request.step' }, 'immediate', settings, night).dueAt.toISOString()).to.equal(
      '2026-12-08T02:00:00.000Z',
    );
  });

  it('a kind marked always goes at once even in quiet hours', () => {
    expect(planDelivery({ kind: 'request.arrived' }, 'always', settings, night).dueAt).to.equal(night);
  });

  it('digest kinds wait for the next full hour; urgent alerts never wait for a digest', () => {
    expect(planDelivery({ kind: 'message.arrived' }, 'digest', settings, day)).to.deep.equal({
      dueAt: at('2026-12-07T07:00:00Z'),
      digest: true,
    });
    expect(planDelivery({ kind: 'request.step', urgency: 'urgent' }, 'digest', settings, day)).to.deep.equal({
      dueAt: day,
      digest: false,
    });
    expect(planDelivery({ kind: 'request.overdue' }, 'digest', settings, day).digest).to.equal(false);
  });

  it('a digest due in quiet hours goes when they end', () => {
    expect(planDelivery({ kind: 'message.arrived' }, 'digest', settings, night).dueAt.toISOString()).to.equal(
      '2026-12-08T02:00:00.000Z',
    );
  });

  it('a daily digest at 09:00 local is due at the next 09:00, never now', () => {
    const daily = { every: 'day' as const, hour: 9 };
    expect(nextDigestTime(at('2026-12-07T04:00:00Z'), 'Asia/Almaty', daily).toISOString()).to.equal(
      '2026-12-08T04:00:00.000Z',
    );
    expect(nextDigestTime(at('2026-12-07T03:59:30Z'), 'Asia/Almaty', daily).toISOString()).to.equal(
      '2026-12-07T04:00:00.000Z',
    );
  });

  it('quiet hours within one day end the same day', () => {
    expect(quietHoursEnd(at('2026-12-07T12:15:10Z'), 'UTC', { start: '12:00', end: '13:30' }).toISOString()).to.equal(
      '2026-12-07T13:30:00.000Z',
    );
  });
});
