import { useTranslation } from 'react-i18next';
import type { LivenessScheduleView } from '../../../../shared/schemas/liveness-schedule';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { CheckHistory } from './check-history';

const NAMED_CADENCES = { 1: 'every.1', 3: 'every.3', 6: 'every.6', 12: 'every.12' } as const;

function useCadence(): (months: number) => string {
  const { t } = useTranslation();
  return (months) => {
    const named = NAMED_CADENCES[months as keyof typeof NAMED_CADENCES] as
      (typeof NAMED_CADENCES)[keyof typeof NAMED_CADENCES] | undefined;
    return named ? t(`liveness.schedule.${named}`) : t('liveness.schedule.everyMonths', { count: months });
  };
}

/** One schedule: how often, how long to answer, the next run, and the latest runs with their results. */
export function ScheduleCard({ schedule, title }: { schedule: LivenessScheduleView | null; title: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const cadence = useCadence();
  return (
    <section className="card" aria-label={title} data-testid="liveness-schedule">
      <h3>{title}</h3>
      {!schedule ? (
        <p>{t('liveness.schedule.none')}</p>
      ) : (
        <>
          <dl className="schedule-facts">
            <dt>{t('liveness.schedule.cadence')}</dt>
            <dd>{cadence(schedule.everyMonths)}</dd>
            <dt>{t('liveness.schedule.answerHours')}</dt>
            <dd>{schedule.answerHours}</dd>
            <dt>{t('liveness.schedule.firstRunAt')}</dt>
            <dd>{labels.date(schedule.firstRunAt)}</dd>
            <dt>{t('liveness.schedule.nextRunAt')}</dt>
            <dd data-testid="next-run">{labels.date(schedule.nextRunAt)}</dd>
            <dt>{t('liveness.schedule.setBy')}</dt>
            <dd>
              {labels.date(schedule.setAt)}
              {schedule.proposalId && (
                <>
                  {' — '}
                  <Link to="/decisions">{t('liveness.schedule.adoptedBy')}</Link>
                </>
              )}
            </dd>
          </dl>
          <h4>{t('liveness.schedule.lastRuns')}</h4>
          {schedule.lastRuns.length === 0 ? (
            <p>{t('liveness.schedule.noRuns')}</p>
          ) : (
            <CheckHistory checks={schedule.lastRuns} />
          )}
        </>
      )}
    </section>
  );
}
