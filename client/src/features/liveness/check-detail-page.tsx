import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LivenessCheckView } from '../../../../shared/schemas/liveness';
import { FormError } from '../../components/form-error';
import { useLabels } from '../../components/use-labels';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';
import { CheckScope } from './check-scope';
import { CountCell } from './count-cell';
import { formatDuration } from '../../lib/duration';

const REFRESH_MS = 5_000;

function StateResults({ check }: { check: LivenessCheckView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <table className="card liveness-table" data-testid="liveness-states">
      <thead>
        <tr>
          <th>{t('liveness.detail.state')}</th>
          <th>{t('liveness.detail.targets')}</th>
          <th>{t('liveness.outcome.answered')}</th>
          <th>{t('liveness.outcome.late')}</th>
          <th>{t('liveness.outcome.none')}</th>
          <th>{t('liveness.detail.median')}</th>
        </tr>
      </thead>
      <tbody>
        {[...check.states]
          .sort((a, b) => labels.state(a.state).localeCompare(labels.state(b.state), labels.language))
          .map((row) => (
            <tr key={row.state} data-state={row.state}>
              <td>{labels.state(row.state)}</td>
              <td className="num">{row.targets}</td>
              <CountCell kind="answered" count={row.answered} />
              <CountCell kind="late" count={row.late} />
              <CountCell kind="none" count={row.none} />
              <td>
                {row.medianResponseMs === null
                  ? t('common.none')
                  : formatDuration(row.medianResponseMs, labels.language)}
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

function PersonResults({ targets }: { targets: NonNullable<LivenessCheckView['targets']> }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <table className="card liveness-table" data-testid="liveness-people">
      <thead>
        <tr>
          <th>{t('liveness.detail.person')}</th>
          <th>{t('liveness.detail.state')}</th>
          <th>{t('liveness.detail.outcome')}</th>
          <th>{t('liveness.detail.responseTime')}</th>
        </tr>
      </thead>
      <tbody>
        {[...targets]
          .sort(
            (a, b) =>
              labels.state(a.state).localeCompare(labels.state(b.state), labels.language) ||
              a.name.localeCompare(b.name),
          )
          .map((target) => (
            <tr
              key={target.userId}
              data-testid="liveness-person"
              data-user-id={target.userId}
              data-outcome={target.outcome}
            >
              <td>
                <Link to={`/directory/entries/${target.userId}`}>{target.name}</Link>
              </td>
              <td>{labels.state(target.state)}</td>
              <td>
                <span className={`badge outcome-${target.outcome}`}>{t(`liveness.outcome.${target.outcome}`)}</span>
              </td>
              <td>
                {target.responseMs === null ? t('common.none') : formatDuration(target.responseMs, labels.language)}
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

/** One check: results per state and per person, refreshed while answers may still come in. */
export function CheckDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const labels = useLabels();
  const check = useLoaded(useCallback(() => client.liveness.get(id), [client, id]));
  const { reload } = check;
  const open = check.data ? check.data.states.some((row) => row.none > 0) : true;
  useEffect(() => {
    if (!open) return undefined;
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [open, reload]);
  const data = check.data;
  return (
    <>
      <p className="liveness-back">
        <Link to="/liveness">{t('liveness.detail.back')}</Link>
      </p>
      <h2>{t('liveness.detail.title')}</h2>
      <FormError error={check.error} />
      {!data ? (
        <p>{t('common.loading')}</p>
      ) : (
        <>
          <dl className="facts card" data-testid="liveness-check-facts">
            <dt>{t('liveness.history.scope')}</dt>
            <dd>
              <CheckScope scope={data.scope} />
            </dd>
            <dt>{t('liveness.history.started')}</dt>
            <dd>{labels.time(data.startedAt)}</dd>
            <dt>{t('liveness.history.deadline')}</dt>
            <dd>{labels.time(data.deadline)}</dd>
          </dl>
          <h3>{t('liveness.detail.byState')}</h3>
          {data.states.length === 0 ? (
            <p className="card">{t('liveness.detail.nobody')}</p>
          ) : (
            <StateResults check={data} />
          )}
          <h3>{t('liveness.detail.byPerson')}</h3>
          {data.targets && data.targets.length > 0 ? (
            <PersonResults targets={data.targets} />
          ) : (
            <p className="card">{t('liveness.detail.nobody')}</p>
          )}
        </>
      )}
    </>
  );
}
