import { useTranslation } from 'react-i18next';
import { useSession } from '../../services/client-context';
import { isAdmin, toActor } from '../../services/actor';
import { NotFoundPage } from '../../components/not-found-page';
import { TotpRequired } from '../../components/totp-required';
import { CheckDetailPage } from './check-detail-page';
import { LivenessPage } from './liveness-page';
import { SchedulesPage } from './schedules-page';
import { canRunLiveness } from './liveness-nav';
import './liveness.css';

const CHECK_PATH = /^\/liveness\/([0-9a-f]{24})$/;

/** /liveness, /liveness/schedules and /liveness/:id, for the admins can() lets start checks. */
export function LivenessRoutes({ path }: { path: string }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  const me = session.user;
  if (isAdmin(me) && me.status === 'active' && !me.totpEnabled) return <TotpRequired />;
  if (!canRunLiveness(toActor(me))) return <p className="card warning">{t('admin.notAllowed')}</p>;
  const id = CHECK_PATH.exec(path)?.[1];
  if (id) return <CheckDetailPage key={id} id={id} />;
  if (path === '/liveness') return <LivenessPage me={me} />;
  if (path === '/liveness/schedules') return <SchedulesPage me={me} />;
  return <NotFoundPage />;
}
