import { useTranslation } from 'react-i18next';
import type { LivenessCheckView } from '../../../../shared/schemas/liveness';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { CheckScope } from './check-scope';
import { CountCell } from './count-cell';
import { checkTotals } from './check-totals';

/** Recent checks, newest first, with how many answered in time, late, or not at all. */
export function CheckHistory({ checks }: { checks: LivenessCheckView[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (checks.length === 0) return <p className="card">{t('liveness.history.empty')}</p>;
  return (
    <div className="liveness-scroll">
      <table className="card liveness-table" data-testid="liveness-history">
        <thead>
          <tr>
            <th>{t('liveness.history.started')}</th>
            <th>{t('liveness.history.origin')}</th>
            <th>{t('liveness.history.scope')}</th>
            <th>{t('liveness.history.deadline')}</th>
            <th>{t('liveness.outcome.answered')}</th>
            <th>{t('liveness.outcome.late')}</th>
            <th>{t('liveness.outcome.none')}</th>
            <th>
              <span className="visually-hidden">{t('liveness.history.details')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {checks.map((check) => {
            const totals = checkTotals(check);
            return (
              <tr key={check.id} data-testid="liveness-check" data-check-id={check.id}>
                <td>{labels.time(check.startedAt)}</td>
                <td>{t(`liveness.origin.${check.origin}`)}</td>
                <td>
                  <CheckScope scope={check.scope} />
                </td>
                <td>{labels.time(check.deadline)}</td>
                <CountCell kind="answered" count={totals.answered} />
                <CountCell kind="late" count={totals.late} />
                <CountCell kind="none" count={totals.none} />
                <td>
                  <Link to={`/liveness/${check.id}`}>{t('liveness.history.details')}</Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
