import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/authz/can';
import { useSession } from '../../services/client-context';
import { isAdmin, toActor } from '../../services/actor';
import { NotFoundPage } from '../../components/not-found-page';
import { TotpRequired } from '../../components/totp-required';
import { canManageDirectory } from './directory-nav';
import { DirectoryPage } from './directory-page';
import { EntryPage } from './entry-page';
import { ManagePage } from './manage-page';
import { MyEntryPage } from './my-entry-page';
import './directory.css';

const ENTRY_PATH = /^\/directory\/entries\/([0-9a-f]{24})$/;

/** /directory, /directory/entries/:userId, /directory/mine, /directory/manage — each as can() allows. */
export function DirectoryRoutes({ path }: { path: string }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  const me = session.user;
  const actor = toActor(me);
  if (isAdmin(me) && me.status === 'active' && !me.totpEnabled) return <TotpRequired />;
  if (!can(actor, 'directory:read')) return <p className="card warning">{t('admin.notAllowed')}</p>;
  const entry = ENTRY_PATH.exec(path)?.[1];
  if (entry) return <EntryPage key={entry} userId={entry} />;
  if (path === '/directory') return <DirectoryPage />;
  if (path === '/directory/mine' && me.role === 'focal-point') return <MyEntryPage me={me} />;
  if (path === '/directory/manage' && canManageDirectory(actor)) return <ManagePage me={me} />;
  return <NotFoundPage />;
}
