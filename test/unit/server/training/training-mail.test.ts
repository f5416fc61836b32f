import { expect } from 'chai';
import { composeAlertMail } from '../../../../server/modules/notifications/compose-mail.js';
import { defaultSettings } from '../../../../server/modules/notifications/default-preferences.js';
import { trainingAlert } from '../../../../server/modules/training/training-alerts.js';
import type { TrainingRequest } from '../../../../server/modules/training/ports.js';

const request = {
  id: '0123456789abcdef0123abcd',
  requestingState: 'RU',
  hostState: 'KZ',
  domain: 'border',
  subject: 'subject-canary',
  notes: 'notes-canary',
} as TrainingRequest;
const AT = new Date('2026-12-07T10:00:00Z');

describe('training alerts as e-mail', () => {
  it("a new request reaches the host's national admins in both languages, with the link and no content", () => {
    const alert = trainingAlert(request, 'training.requested', AT);
    expect(alert).to.include({ state: 'KZ', counterpartState: 'RU', domain: 'border' });
    expect(alert).not.to.have.property('userId');
    const mail = composeAlertMail(alert, { language: 'both', timeZone: 'UTC', origin: 'https://f.example' });
    expect(mail.subject).to.include('RU asks your state to host a training').and.to.include('RU просит');
    expect(mail.text).to.include('Open: https://f.example/training-requests/0123456789abcdef0123abcd');
    expect(mail.text).not.to.include('canary');
  });

  it('an answer reaches the requesting state', () => {
    const alert = trainingAlert(request, 'training.answered', AT);
    expect(alert).to.include({ state: 'RU', counterpartState: 'KZ' });
    const mail = composeAlertMail(alert, { language: 'en', timeZone: 'UTC', origin: 'https://f.example' });
    expect(mail.subject).to.equal('[FocalNet] KZ has answered your training request');
  });

  it('national admins receive both kinds by default, at once', () => {
    const kinds = defaultSettings('national-admin').kinds;
    expect(kinds).to.deep.include({ kind: 'training.requested', mode: 'immediate' });
    expect(kinds).to.deep.include({ kind: 'training.answered', mode: 'immediate' });
  });
});
