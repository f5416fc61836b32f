import { expect } from 'chai';
import { CRYPTO_ERROR_CODES } from '../../../shared/crypto/errors.js';
import { ERROR_CODES } from '../../../shared/errors.js';
import { CLIENT_ERROR_CODES } from '../../../client/sdk/api-error.js';
import { en } from '../../../client/src/i18n/en.js';

/** Areas the account screens meet; codes of other areas fall back to the server's message until their screens exist. */
const ACCOUNT_AREAS = [
  'validation',
  'http',
  'auth',
  'invitation',
  'user',
  'password',
  'keys',
  'state',
  'rate',
  'db',
  'internal',
];

function lookup(key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined),
      en,
    );
}

describe('error messages', () => {
  it('every account-area API code, every SDK code and every crypto code has a message (ru: see the catalogue test)', () => {
    const accountCodes = ERROR_CODES.filter((code) => ACCOUNT_AREAS.includes(code.split('.')[0] ?? ''));
    expect(accountCodes).to.include.members(['auth.totp-required', 'password.weak', 'internal']);
    for (const code of [...accountCodes, ...CLIENT_ERROR_CODES, ...CRYPTO_ERROR_CODES]) {
      expect(lookup(`errors.${code}`), code).to.be.a('string');
    }
  });
});
