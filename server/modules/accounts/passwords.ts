import argon2 from 'argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { AppError } from '../../../shared/errors.js';

const strength = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

/** argon2id with the library's defaults (64 MiB, t=3, p=4), run off the event loop by the binding. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

// A real hash to verify against when the user does not exist, so both cases cost the same time.
const dummyHash = hashPassword('focalnet-timing-equaliser-not-a-password');

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash ?? (await dummyHash), password);
  } catch {
    return false;
  }
}

/**
 * Refuses common and guessable passwords (dictionary, keyboard patterns, the user's own names).
 * Length is checked by the schema; this catches "Password1234" and friends.
 */
export function assertStrongPassword(password: string, userInputs: string[]): void {
  const result = strength.check(password, userInputs);
  if (result.score < 3) {
    const hint = result.feedback.warning ?? result.feedback.suggestions[0] ?? 'choose a longer, less common password';
    throw new AppError('password.weak', `password is too easy to guess: ${hint}`, [{ path: ['body', 'password'], message: hint }]);
  }
}
