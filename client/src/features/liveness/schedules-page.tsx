import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/schemas/accounts';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { useLoaded } from '../../hooks/use-loaded';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { useConsensusUpdates } from '../consensus/use-consensus-updates';
import { NetworkScheduleForm } from './network-schedule-form';
import { OpenScheduleProposal } from './open-schedule-proposal';
import { ScheduleCard } from './schedule-card';
import { StateScheduleForm } from './state-schedule-form';

/**
 * /liveness/schedules: the network's schedule (the secretariat proposes it to the member states)
 * and the states' own (a national admin sets their state's), each with its next run and latest runs.
 */
export function SchedulesPage({ me }: { me: UserView }) {
  const { t } = useTranslation();
  const client = useClient();
  const labels = useLabels();
  const loaded = useLoaded(useCallback(() => client.liveness.schedules(), [client]));
  const proposals = useLoaded(useCallback(() => client.consensus.list(), [client]));
  // A decision about the network's schedule may be made, answered or adopted while the page is open.
  useConsensusUpdates(() => {
    loaded.reload();
    proposals.reload();
  });
  const secretariat = me.role === 'network-admin';
  const own = loaded.data?.states.find((schedule) => schedule.state === me.state) ?? null;
  return (
    <>
      <p>
        <Link to="/liveness">{t('liveness.schedule.back')}</Link>
      </p>
      <h2>{t('liveness.schedule.title')}</h2>
      <p>{t('liveness.schedule.intro')}</p>
      <FormError error={loaded.error} />
      {!loaded.data ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <ScheduleCard
            schedule={loaded.data.network}
            scope="network"
            title={t('liveness.schedule.network')}
            note={<OpenScheduleProposal proposals={proposals.data} />}
          />
          {secretariat ? (
            <>
              <NetworkScheduleForm hasSchedule={loaded.data.network !== null} />
              {loaded.data.states.map((schedule) => (
                <ScheduleCard
                  key={schedule.state}
                  schedule={schedule}
                  scope={schedule.state ?? 'network'}
                  title={t('liveness.schedule.state', { state: labels.state(schedule.state) })}
                />
              ))}
            </>
          ) : (
            me.state && (
              <>
                <ScheduleCard
                  schedule={own}
                  scope={me.state}
                  title={t('liveness.schedule.state', { state: labels.state(me.state) })}
                />
                <StateScheduleForm state={me.state} current={own} onChanged={loaded.reload} />
              </>
            )
          )}
        </>
      )}
    </>
  );
}
