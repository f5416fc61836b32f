import type { TFunction } from 'i18next';
import { isCryptoError } from '../../../shared/crypto/errors';
import { ApiError } from '../../sdk/index';
import { keyFor } from '../i18n/keys';

export interface ErrorText {
  code: string;
  /** Translated headline. */
  text: string;
  /** The server's own words where they add something (field issues, password hints). */
  details: string[];
}

/**
 * One place that turns an error into words: API and crypto codes map to translated messages; an
 * unknown code falls back to the server's message.
 */
export function errorText(error: unknown, t: TFunction, exists: (key: string) => boolean): ErrorText {
  if (error instanceof ApiError) {
    const key = keyFor('errors', error.code);
    const text = exists(key) ? t(key) : error.message;
    // The server's password advice comes from its strength checker, in English; it is still worth showing.
    const details =
      error.code === 'password.weak'
        ? [error.message]
        : error.issues.map((issue) => `${String(issue.path.at(-1) ?? '')}: ${issue.message}`);
    return { code: error.code, text, details };
  }
  if (isCryptoError(error)) return { code: error.code, text: t(keyFor('errors', error.code)), details: [] };
  return { code: 'unknown', text: t('errors.unknown'), details: error instanceof Error ? [error.message] : [] };
}
