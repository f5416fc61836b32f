import { expect } from 'chai';
import {
  AUDIT_FIELDS,
  describeAuditDetails,
  type AuditWords,
} from '../../../client/src/features/admin/audit-fields.js';
import { auditToCsv } from '../../../client/src/features/admin/audit-csv.js';
import { en } from '../../../client/src/i18n/en.js';
import { ru } from '../../../client/src/i18n/ru.js';
import type { AuditEntryView } from '../../../shared/schemas/accounts.js';

const words: AuditWords = {
  label: (key) => en.admin.auditFields[key],
  state: (code) => ({ KZ: 'Kazakhstan', RU: 'Russia' })[code] ?? code,
  domain: (code) => (code === 'counter-terrorism' ? 'Counter-terrorism' : code),
  role: (role) => (role === 'focal-point' ? 'Focal point' : role),
  person: (id) => (id === 'a1' ? 'Aigerim' : 'someone'),
  date: (iso) => `date(${iso})`,
  yes: 'yes',
  no: 'no',
  none: '—',
  duration: (ms) => `${ms / 1000} s`,
  code: (key, value) => (key === 'to' && value === 'suspended' ? 'Suspended' : value),
};

describe('audit trail details in words', () => {
  it('every known detail field has a label in English and Russian', () => {
    for (const key of Object.keys(AUDIT_FIELDS) as (keyof typeof AUDIT_FIELDS)[]) {
      expect(en.admin.auditFields[key], `en ${key}`).to.be.a('string').and.not.equal('');
      expect(ru.admin.auditFields[key], `ru ${key}`).to.be.a('string').and.not.equal('');
    }
  });

  it('writes states and domains by name, dates through the date helper, counts, yes/no and people by name', () => {
    const details = describeAuditDetails(
      {
        publishedRuleCount: 3,
        holdingStates: ['KZ', 'RU'],
        expiresAt: '2026-12-06T15:04:05.000Z',
        domains: ['counter-terrorism'],
        totp: true,
        previousKeyVerifiedBy: 'a1',
        role: 'focal-point',
        responseMs: 1500,
        electorate: [],
      },
      words,
    );
    expect(details.map(({ label, value }) => `${label}: ${value}`)).to.deep.equal([
      'Published rules: 3',
      'Holding states: Kazakhstan, Russia',
      'Valid until: date(2026-12-06T15:04:05.000Z)',
      'Domains: Counter-terrorism',
      'Authenticator code used: yes',
      'Previous keys verified by: Aigerim',
      'Role: Focal point',
      'Response time: 1.5 s',
      'Deciding states: —',
    ]);
  });

  it('still shows a field it does not know yet, under its own name', () => {
    expect(describeAuditDetails({ somethingNew: { a: 1 } }, words)).to.deep.equal([
      { key: 'somethingNew', label: 'somethingNew', value: '{"a":1}' },
    ]);
  });

  it('exports entries as CSV with words, codes and full ids, quoted where needed', () => {
    const entry: AuditEntryView = {
      seq: 7,
      at: '2026-12-06T15:04:05.000Z',
      type: 'user.suspended',
      actorId: 'a1',
      state: 'KZ',
      subjectId: 'b2',
      data: { from: 'active', to: 'suspended', reason: '=lost, "laptop"' },
      leafHash: 'h',
    };
    const csv = auditToCsv([entry], {
      ...words,
      columns: {
        seq: 'No.',
        at: 'Time',
        type: 'Event',
        event: 'event',
        actor: 'by',
        state: 'State',
        subject: 'concerning',
        details: 'details',
      },
      event: () => 'Suspended',
    });
    expect(csv.split('\r\n')).to.deep.equal([
      'No.,Time,time,Event,event,by,actorId,State,concerning,subjectId,details,leafHash',
      `7,date(2026-12-06T15:04:05.000Z),2026-12-06T15:04:05.000Z,user.suspended,Suspended,Aigerim,a1,Kazakhstan,someone,b2,"From: active; To: Suspended; Reason: =lost, ""laptop""",h`,
      '',
    ]);
  });
});
