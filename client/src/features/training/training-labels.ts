import { useTranslation } from 'react-i18next';
import { keyFor } from '../../i18n/keys';
import type { UserView } from '../../../../shared/schemas/accounts';

/** Comma- or semicolon-separated input as a list of trimmed, non-empty items. */
export const splitList = (text: string): string[] =>
  text
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter(Boolean);

/** The secretariat may correct any centre; a national admin describes their own state's. */
export const mayManageCentres = (me: UserView, state: string): boolean =>
  me.role === 'network-admin' || (me.role === 'national-admin' && me.state === state);

/** Words of formats, kinds and statuses in the current language. */
export function useTrainingWords() {
  const { t } = useTranslation();
  return {
    format: (format: string): string => t(keyFor('training.format', format)),
    kind: (kind: string): string => t(keyFor('training.kind', kind)),
    status: (status: string): string => t(keyFor('training.status', status)),
  };
}
