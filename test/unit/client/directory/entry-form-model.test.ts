import { expect } from 'chai';
import type { EntryView } from '../../../../shared/schemas/directory.js';
import {
  candidateOf,
  draftOf,
  serverErrors,
  validateDraft,
} from '../../../../client/src/features/directory/entry-form-model.js';

const entry: EntryView = {
  userId: '0123456789abcdef01234567',
  state: 'KZ',
  domains: ['economic-crime'],
  kind: 'person',
  name: { en: 'Aigerim Nurlanovna', ru: 'Айгерим Нурлановна' },
  authority: { en: 'Financial Monitoring Agency' },
  role: 'operational',
  languages: ['kk', 'ru'],
  timeZone: 'Asia/Almaty',
  workingHours: null,
  available24x7: false,
  deputy: null,
  contacts: [{ type: 'email', value: 'intl@afm.example.kz' }],
  keys: null,
  lastConfirmedAt: '2026-01-01T00:00:00.000Z',
  stale: false,
  status: 'current',
  withheld: [],
};

describe('directory entry form model', () => {
  it('an unchanged draft is a valid update that says the same as the entry', () => {
    const checked = validateDraft(draftOf(entry));
    expect(checked.errors).to.equal(undefined);
    expect(checked.update).to.deep.equal({
      kind: 'person',
      name: entry.name,
      authority: { en: 'Financial Monitoring Agency' },
      role: 'operational',
      languages: ['kk', 'ru'],
      timeZone: 'Asia/Almaty',
      workingHours: null,
      available24x7: false,
      deputyUserId: null,
      contacts: [{ type: 'email', value: 'intl@afm.example.kz' }],
    });
  });

  it("names each bad field by its form key, with the shared schema's issue code", () => {
    const draft = {
      ...draftOf(entry),
      nameEn: ' ',
      titleRu: 'Начальник',
      languages: 'kk, russian',
      timeZone: 'Mars/Olympus',
      hasHours: true,
      days: [],
      from: '25:00',
      contacts: [{ type: 'phone' as const, value: '', note: '' }],
    };
    const { errors } = validateDraft(draft);
    expect(Object.keys(errors ?? {}).sort()).to.deep.equal([
      'contacts.0.value',
      'languages',
      'name.en',
      'timeZone',
      'title.en',
      'workingHours.days',
      'workingHours.from',
    ]);
    expect(errors?.['name.en']).to.include({ code: 'too_small' });
  });

  it('keeps a Russian-only text so the missing English is reported, and drops texts left empty', () => {
    expect(candidateOf({ ...draftOf(entry), titleRu: 'Начальник' }).title).to.deep.equal({ en: '', ru: 'Начальник' });
    expect(candidateOf({ ...draftOf(entry), authorityEn: '', authorityRu: '' })).to.not.have.property('authority');
  });

  it('maps the server\'s issues (paths under "body") to the same keys', () => {
    expect(
      serverErrors([
        { path: ['body', 'deputyUserId'], message: 'not an active focal point of this state' },
        { path: ['body', 'languages', 1], message: 'x' },
      ]),
    ).to.deep.equal({
      deputyUserId: { code: 'server', message: 'not an active focal point of this state' },
      languages: { code: 'server', message: 'x' },
    });
  });
});
