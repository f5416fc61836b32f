import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LivenessScheduleView } from '../../../../shared/schemas/liveness-schedule';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { describeCadence } from './describe-cadence';
import { ScheduleRunList } from './schedule-run-list';

/** One schedule: how often, how long to answer, the next run, and the latest runs with their results. */
export function ScheduleCard({
  schedule,
  scope,
  title,
  note,
}: {
  schedule: LivenessScheduleView | null;
  /** "network" or the state's code (for tests and styles). */
  scope: string;
  title: string;
  /** Shown under the title, e.g. an open proposal to change it. */
  note?: ReactNode;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <section className="card" aria-label={title} data-testid="liveness-schedule" data-scope={scope}>
      <h3>{title}</h3>
      {note}
      {!schedule ? (
        <p>{t('liveness.schedule.none')}</p>
      ) : (
        <>
          <dl className="schedule-facts">
            <dt>{t('liveness.schedule.cadence')}</dt>
            <dd>{describeCadence(schedule.everyMonths, t)}</dd>
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
            <ScheduleRunList runs={schedule.lastRuns} />
          )}
        </>
      )}
    </section>
  );
}
