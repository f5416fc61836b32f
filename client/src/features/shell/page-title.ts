import { useTranslation } from 'react-i18next';
import { usePath } from '../../router/router';
import { usePageName } from '../../services/title-counts';
import { itemOfPath } from './nav-groups';
import { useNavItems } from './use-nav-items';

/** Names the page in the tab's title, in the person's language: the menu item it belongs to, or its own name. */
export function usePageTitle(): void {
  const { t } = useTranslation();
  const path = usePath().replace(/\/+$/, '') || '/';
  const item = itemOfPath(useNavItems(), path);
  const own: Record<string, string> = {
    '/': t('nav.home'),
    '/sign-in': t('nav.signIn'),
    '/account': t('header.account'),
    '/security/totp': t('nav.security'),
    '/invite': t('shell.pages.invite'),
    '/reset': t('shell.pages.reset'),
    '/account/notifications': t('emailAlerts.title'),
    '/notifications/verify': t('emailAlerts.verify.title'),
  };
  usePageName(own[path] ?? item?.label ?? '');
}
