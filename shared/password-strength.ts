import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

let strength: ZxcvbnFactory | undefined;

/**
 * Why a password is too easy to guess (dictionary words, keyboard patterns, the person's own
 * names), or undefined when it is strong enough. Length is the schema's rule; this catches
 * "Password1234" and friends. Runs in the client: the server never sees the password.
 */
export function passwordWeakness(password: string, userInputs: string[]): string | undefined {
  strength ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  const result = strength.check(password, userInputs);
  if (result.score >= 3) return undefined;
  return result.feedback.warning ?? result.feedback.suggestions[0] ?? 'choose a longer, less common password';
}
