import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import { FormError } from '../../components/form-error';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';
import { CheckHistory } from './check-history';
import { StartCheckForm } from './start-check-form';

/** Admins: start a liveness check and read the results of earlier ones. */
export function LivenessPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const history = useLoaded(useCallback(() => client.liveness.list(), [client]));
  const [started, setStarted] = useState<{ id: string; targets: number }>();
  const onStarted = (next: { id: string; targets: number }): void => {
    setStarted(next);
    history.reload();
  };
  return (
    <>
      <h2>{t('liveness.title')}</h2>
      <p>{t('liveness.intro')}</p>
      <p>
        <Link to="/liveness/schedules">{t('liveness.schedule.link')}</Link>
      </p>
      {started && (
        <p className="success check-started" role="status" data-testid="check-started" data-check-id={started.id}>
          {t('liveness.start.started', { count: started.targets })}{' '}
          <Link to={`/liveness/${started.id}`}>{t('liveness.history.details')}</Link>
        </p>
      )}
      <StartCheckForm me={me} onStarted={onStarted} />
      <h3>{t('liveness.history.title')}</h3>
      <FormError error={history.error} />
      {!history.data ? <p>{t('common.loading')}</p> : <CheckHistory checks={history.data} />}
    </>
  );
}
