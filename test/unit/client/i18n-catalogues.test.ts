import { expect } from 'chai';
import { en } from '../../../client/src/i18n/en.js';
import { ru } from '../../../client/src/i18n/ru.js';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('i18n catalogues', () => {
  it('Russian has exactly the English keys, none empty', () => {
    expect(keys(ru).sort()).to.deep.equal(keys(en).sort());
    for (const key of keys(ru)) {
      const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], ru);
      expect(text, key).to.be.a('string').and.not.equal('');
    }
  });
});
