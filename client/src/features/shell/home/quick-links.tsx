import { useTranslation } from 'react-i18next';
import { can } from '../../../../../shared/authz/can';
import type { UserView } from '../../../../../shared/schemas/accounts';
import { Link } from '../../../router/link';
import { toActor } from '../../../services/actor';
import { takesPartInRequests } from '../../requests/requests-nav';

/** Where a focal point's day usually starts, whatever waits: each link only when can() allows the page. */
export function QuickLinks({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const actor = toActor(user);
  const links = [
    { to: '/directory', label: t('home.quick.directory'), allowed: can(actor, 'directory:read') },
    { to: '/messages/new', label: t('home.quick.message'), allowed: can(actor, 'exchange:take-part') },
    { to: '/requests/new', label: t('home.quick.request'), allowed: takesPartInRequests(actor) },
  ].filter((link) => link.allowed);
  if (links.length === 0) return null;
  return (
    <nav className="home-quick actions" aria-label={t('home.quick.label')} data-testid="home-quick-links">
      {links.map((link) => (
        <Link key={link.to} to={link.to} className="button">
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
