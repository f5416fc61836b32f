/**
 * Proves the catalogue types (checked by `npm run typecheck`, never run or bundled): a misspelt key
 * and a Russian catalogue with a key missing or extra do not compile. Each @ts-expect-error fails
 * the typecheck if its line ever compiles.
 */
import type { TFunction } from 'i18next';
import type { Messages } from './en';
import { keyFor, type KeyIn } from './keys';
import { ru } from './ru';
import type { Translation } from './translation';
import type { authEn } from '../features/auth/messages.en';

declare const t: TFunction;

t('signIn.title');
t('requests.box.title');
// @ts-expect-error a misspelt key
t('signIn.titel');
// @ts-expect-error a section is not a string
t('signIn');
t(keyFor('errors', 'http.not-found'));
// @ts-expect-error keys built at run time still name a section that exists
keyFor('erors', 'http.not-found');
export const inRequests: KeyIn<'requests'> = 'box.title';
// @ts-expect-error a key of another section
export const notInRequests: KeyIn<'requests'> = 'signIn.title';

const { title: _title, ...signInWithoutTitle } = ru.signIn;
// @ts-expect-error a Russian catalogue missing a key
export const missing: Messages = { ...ru, signIn: signInWithoutTitle };
// @ts-expect-error a Russian catalogue with a key English does not have
export const extra: Messages = { ...ru, signIn: { ...ru.signIn, titel: 'Вход' } };
// @ts-expect-error a feature's Russian strings without one of its sections
export const partial: Translation<typeof authEn> = { signIn: ru.signIn, unlock: ru.unlock };
