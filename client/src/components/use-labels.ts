import { useTranslation } from 'react-i18next';
import { useDomains } from '../services/domains';
import { useMemberStates } from '../services/member-states';
import { keyFor } from '../i18n/keys';

/** Names of states, roles, domains and statuses in the current language. */
export function useLabels() {
  const { t, i18n } = useTranslation();
  const language: 'en' | 'ru' = i18n.language === 'ru' ? 'ru' : 'en';
  const states = useMemberStates();
  const byCode = new Map(states.map((state) => [state.code, state]));
  const domainsByCode = new Map(useDomains().map((domain) => [domain.code, domain]));
  // A domain the tab does not know yet (added since the list was read) shows as its code.
  const domain = (code: string): string => domainsByCode.get(code)?.name[language] ?? code;
  return {
    language,
    state: (code: string | null): string =>
      code === null ? t('common.network') : (byCode.get(code)?.name[language] ?? code),
    role: (role: string): string => t(keyFor('roles', role)),
    domain,
    domains: (codes: readonly string[]): string =>
      codes.length === 0 ? t('common.none') : codes.map(domain).join('; '),
    userStatus: (status: string): string => t(keyFor('userStatus', status)),
    date: (iso: string): string =>
      new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
    /** To the second, for the audit trail. */
    time: (iso: string): string =>
      new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'medium' }),
    /** Member states sorted by their name in the current language. */
    sortedStates: () => [...states].sort((a, b) => a.name[language].localeCompare(b.name[language], language)),
  };
}
