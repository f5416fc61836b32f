import { useSession } from '../../services/client-context';
import { isAdmin } from '../../services/actor';
import { TotpRequired } from '../../components/totp-required';
import { NotFoundPage } from '../../components/not-found-page';
import { CentreEditPage, CentreNewPage } from './centre-form-pages';
import { CentrePage } from './centre-page';
import { CentresPage } from './centres-page';
import { TrainingRequestForm } from './training-request-form';
import { TrainingRequestPage } from './training-request-page';
import { TrainingRequestsPage } from './training-requests-page';
import './training.css';

const ID = '([0-9a-f]{24})';

/** Centres of Excellence and training requests, by path. */
export function TrainingPages({ path }: { path: string }) {
  const me = useSession()?.user;
  if (!me) return null;
  if (isAdmin(me) && me.status === 'active' && !me.totpEnabled) return <TotpRequired />;
  if (path === '/centres') return <CentresPage me={me} />;
  if (path === '/centres/new') return <CentreNewPage me={me} />;
  if (path === '/training-requests') return <TrainingRequestsPage me={me} />;
  if (path === '/training-requests/new') return <TrainingRequestForm me={me} />;
  const centre = new RegExp(`^/centres/${ID}(/edit)?$`).exec(path);
  if (centre?.[1]) return centre[2] ? <CentreEditPage me={me} id={centre[1]} /> : <CentrePage me={me} id={centre[1]} />;
  const request = new RegExp(`^/training-requests/${ID}$`).exec(path);
  if (request?.[1]) return <TrainingRequestPage me={me} id={request[1]} />;
  return <NotFoundPage />;
}
