import { expect } from 'chai';
import { AUDIT_EVENT_TYPES } from '../../../shared/audit/event-types.js';
import { en } from '../../../client/src/i18n/en.js';
import { ru } from '../../../client/src/i18n/ru.js';

function lookup(catalogue: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined),
      catalogue,
    );
}

describe('audit trail labels', () => {
  it('every audited event type reads as words in English and Russian (the audit page and its filter)', () => {
    for (const type of AUDIT_EVENT_TYPES) {
      expect(lookup(en, `auditEvents.${type}`), `en ${type}`).to.be.a('string');
      expect(lookup(ru, `auditEvents.${type}`), `ru ${type}`).to.be.a('string');
    }
  });
});
