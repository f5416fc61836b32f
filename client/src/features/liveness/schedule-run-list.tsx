import { useTranslation } from 'react-i18next';
import type { LivenessCheckView } from '../../../../shared/schemas/liveness';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { checkTotals } from './check-totals';

/** A schedule's latest runs, one line each (fits a phone): when, and how many answered; the date opens the check. */
export function ScheduleRunList({ runs }: { runs: LivenessCheckView[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <ul className="schedule-runs">
      {runs.map((run) => (
        <li key={run.id} data-testid="liveness-check" data-check-id={run.id}>
          <Link to={`/liveness/${run.id}`}>{labels.date(run.startedAt)}</Link>
          {' — '}
          {t('liveness.schedule.runTotals', checkTotals(run))}
        </li>
      ))}
    </ul>
  );
}
