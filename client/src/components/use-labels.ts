import { useTranslation } from 'react-i18next';
import { useDomains } from '../services/domains';
import { useMemberStates } from '../services/member-states';
import { keyFor } from '../i18n/keys';
import { formatDateTime, formatDay, formatRelative } from '../lib/format-time';

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
    date: (iso: string): string => formatDateTime(iso, language),
    /** To the second, for the audit trail. */
    time: (iso: string): string => formatDateTime(iso, language, { seconds: true }),
    /** The day alone, with its year. */
    day: (iso: string): string => formatDay(iso, language),
    /** "in 3 hours", "2 hours ago": for deadlines, against `now` (useNow). */
    relative: (iso: string, now: number): string => formatRelative(iso, now, language),
    /** Member states sorted by their name in the current language. */
    sortedStates: () => [...states].sort((a, b) => a.name[language].localeCompare(b.name[language], language)),
  };
}
