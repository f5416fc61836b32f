import type { Translation } from '../../i18n/translation';
import type { verificationEn } from './messages.en';

/** Russian strings of safety numbers: exactly the keys of the English ones. */
export const verificationRu: Translation<typeof verificationEn> = {
  safety: {
    label: 'Код безопасности',
    qrAlt: 'Код безопасности в виде QR-кода',
  },
};
