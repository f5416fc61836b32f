import { useTranslation } from 'react-i18next';
import { REQUEST_KINDS, type RequestKind } from '../../../../shared/requests/templates';
import { useSession } from '../../services/client-context';
import { toActor } from '../../services/actor';
import { NotFoundPage } from '../../components/not-found-page';
import { CasePage } from './case-page';
import { ComposePage, KindChooser } from './compose-page';
import { OverduePage } from './overdue-page';
import { RequestBoxPage } from './request-box-page';
import { seesOverdueRequests, seesRequestStatistics, takesPartInRequests } from './requests-nav';
import { StatisticsPage } from './statistics-page';
import './requests.css';

const CASE_PATH = /^\/requests\/([0-9a-f]{24})$/;
const CONSENT_PATH = /^\/requests\/consent\/([0-9a-f]{24})$/;
const KIND_PATH = /^\/requests\/new\/([a-z-]+)$/;

const kindFromSlug = (slug: string): RequestKind | undefined =>
  REQUEST_KINDS.find((kind) => kind === `request:${slug}` && kind !== 'request:consent');

/** /requests (inbox), /requests/sent, /requests/new[/:type], /requests/consent/:id, /requests/:id, statistics, overdue. */
export function RequestRoutes({ path }: { path: string }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  const actor = toActor(session.user);
  const denied = <p className="card warning">{t('admin.notAllowed')}</p>;
  if (path === '/requests/statistics') return seesRequestStatistics(actor) ? <StatisticsPage /> : denied;
  if (path === '/requests/overdue') return seesOverdueRequests(actor) ? <OverduePage /> : denied;
  const caseId = CASE_PATH.exec(path)?.[1];
  // National admins may read a case's metadata (from the overdue list); only focal points act.
  if (caseId) return <CasePage key={caseId} id={caseId} />;
  if (!takesPartInRequests(actor)) return denied;
  if (path === '/requests') return <RequestBoxPage box="inbox" />;
  if (path === '/requests/sent') return <RequestBoxPage box="outbox" />;
  if (path === '/requests/new') return <KindChooser />;
  const kind = kindFromSlug(KIND_PATH.exec(path)?.[1] ?? '');
  if (kind) return <ComposePage key={kind} kind={kind} />;
  const original = CONSENT_PATH.exec(path)?.[1];
  if (original) return <ComposePage key={original} kind="request:consent" originalId={original} />;
  return <NotFoundPage />;
}
