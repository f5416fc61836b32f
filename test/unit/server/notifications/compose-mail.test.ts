import { expect } from 'chai';
import { composeAlertMail, composeDigestMail } from '../../../../server/modules/notifications/compose-mail.js';
import type { Alert } from '../../../../shared/schemas/alerts.js';

const alert: Alert = {
  id: 'request.arrived:abc:0:u1',
  kind: 'request.arrived',
  userId: '0123456789abcdef01234567',
  state: 'RU',
  counterpartState: 'KZ',
  domain: 'border',
  urgency: 'urgent',
  deadline: '2026-12-07T14:00:00.000Z',
  refs: { requestId: '0123456789abcdef0123abcd', reference: 'KZ→RU-2026-0042' },
  at: '2026-12-07T10:00:00.000Z',
};

describe('e-mails written from an alert', () => {
  it('say what, with whom, how urgent, until when, and where to act, in the chosen language', () => {
    const mail = composeAlertMail(alert, { language: 'en', timeZone: 'UTC', origin: 'https://focalnet.example' });
    expect(mail.subject).to.equal('[FocalNet] Urgent request from KZ — answer by 7 Dec 2026, 14:00 UTC');
    expect(mail.text).to.include('Counterpart state: KZ');
    expect(mail.text).to.include('Urgency: urgent');
    expect(mail.text).to.include('Case: KZ→RU-2026-0042');
    expect(mail.text).to.include('Open: https://focalnet.example/requests/0123456789abcdef0123abcd');
    expect(mail.text).not.to.include('Срочный');
  });

  it('carry both languages when the person chose both, dates in their time zone', () => {
    const mail = composeAlertMail(alert, { language: 'both', timeZone: 'Asia/Almaty', origin: 'https://f.example' });
    expect(mail.subject).to.include('Urgent request from KZ').and.to.include('Срочный запрос от KZ');
    expect(mail.text).to.include('19:00');
  });

  it('a digest lists each alert once, oldest first', () => {
    const later = {
      ...alert,
      id: 'x',
      kind: 'message.arrived' as const,
      urgency: undefined,
      at: '2026-12-07T11:00:00.000Z',
      refs: {},
    };
    const mail = composeDigestMail([later, alert], { language: 'en', timeZone: 'UTC', origin: 'https://f.example' });
    expect(mail.subject).to.equal('[FocalNet] Digest: 2 notices');
    expect(mail.text.indexOf('Urgent request')).to.be.lessThan(mail.text.indexOf('New message'));
  });
});
