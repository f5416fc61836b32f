import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import type { TrainingBox, TrainingRequestView } from '../../../../shared/schemas/training';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { useTrainingWords } from './training-labels';

const BOXES: readonly TrainingBox[] = ['incoming', 'outgoing'];

/** A state's training requests: those it is asked to host, those it sent; the secretariat sees all. */
export function TrainingRequestsPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const national = me.role === 'national-admin';
  const [box, setBox] = useState<TrainingBox>(national ? 'incoming' : 'all');
  const requests = useLoaded(useCallback(() => client.training.requests(box), [client, box]));
  return (
    <>
      <h2>{t('training.requests.title')}</h2>
      <p>{t('training.requests.intro')}</p>
      {national && (
        <>
          <p>
            <Link className="button" to="/training-requests/new" data-testid="new-training-request">
              {t('training.requests.new')}
            </Link>
          </p>
          <div className="tabs" role="group" aria-label={t('training.requests.title')}>
            {BOXES.map((name) => (
              <button key={name} type="button" aria-pressed={box === name} onClick={() => setBox(name)}>
                {t(`training.requests.${name}`)}
              </button>
            ))}
          </div>
        </>
      )}
      <FormError error={requests.error} />
      {!requests.data ? (
        <p>{t('common.loading')}</p>
      ) : requests.data.length === 0 ? (
        <p className="card" data-testid="no-training-requests">
          {t('training.requests.empty')}
        </p>
      ) : (
        <ul className="training-list" data-testid="training-requests">
          {requests.data.map((request) => (
            <RequestRow key={request.id} request={request} />
          ))}
        </ul>
      )}
    </>
  );
}

function RequestRow({ request }: { request: TrainingRequestView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const words = useTrainingWords();
  return (
    <li className="card training-row" data-testid="training-request">
      <p>
        <span className={`badge status-${request.status}`}>{words.status(request.status)}</span>{' '}
        <Link to={`/training-requests/${request.id}`}>
          {words.kind(request.kind)}: {request.subject}
        </Link>
      </p>
      <p className="detail">
        {t('training.requests.from', {
          state: labels.state(request.requestingState),
          host: labels.state(request.hostState),
        })}{' '}
        · {labels.domain(request.domain)} ·{' '}
        {t('training.requests.period', { from: request.period.from, to: request.period.to })} ·{' '}
        {t('training.requests.participants', { count: request.participants })}
      </p>
    </li>
  );
}
