import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../router/link';
import { usePath } from '../../router/router';
import { useWaitingTotal } from '../../services/title-counts';
import { ArrivalAnnouncer } from './arrival-announcer';
import { groupNavItems, itemOfPath, type NavGroup } from './nav-groups';
import { useNavItems } from './use-nav-items';

/**
 * The menu, grouped by what the person does (work, their state, the network), with only the pages
 * the pure authorization rule allows. A sidebar on a wide screen; behind a menu button on a phone.
 */
export function MainNav() {
  const { t } = useTranslation();
  const items = useNavItems();
  const path = usePath();
  // Open on the page where it was opened: following a link closes it (on a phone it would cover the page).
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === path;
  const button = useRef<HTMLButtonElement>(null);
  const nav = useRef<HTMLElement>(null);
  const navId = useId();
  const current = itemOfPath(items, path);

  if (items.length === 0) return null;
  const toggle = (): void => {
    setOpenOn(open ? null : path);
    if (!open) requestAnimationFrame(() => nav.current?.querySelector('a')?.focus());
  };
  const closeOnEscape = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !open) return;
    setOpenOn(null);
    button.current?.focus();
  };
  return (
    <div className="shell-nav" data-open={open} onKeyDown={closeOnEscape}>
      <button
        ref={button}
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls={navId}
        onClick={toggle}
        data-testid="menu-button"
      >
        {t('shell.menu')}
        <WaitingCount keys="all" />
      </button>
      <nav ref={nav} id={navId} className="main-nav" aria-label={t('nav.label')}>
        {groupNavItems(items).map((group) => (
          <MenuGroup key={group.name} group={group} current={current?.to} />
        ))}
      </nav>
      <ArrivalAnnouncer />
    </div>
  );
}

function MenuGroup({ group, current }: { group: NavGroup; current: string | undefined }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <div className="nav-group" data-testid={`nav-group-${group.name}`}>
      <p className="nav-group-title" id={headingId}>
        {t(`shell.groups.${group.name}`)}
        <WaitingCount keys={group.waiting} />
      </p>
      <ul aria-labelledby={headingId}>
        {group.items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} aria-current={current === item.to ? 'page' : undefined}>
              {item.label}
              {item.badge}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** How many things wait in a group (or the whole menu), said in words to a screen reader. */
function WaitingCount({ keys }: { keys: readonly string[] | 'all' }) {
  const { t } = useTranslation();
  const count = useWaitingTotal(keys);
  if (count === 0) return null;
  return (
    <span className="badge group-count" data-testid="group-count">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('shell.waiting', { count })}</span>
    </span>
  );
}
