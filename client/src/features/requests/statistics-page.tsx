import { useCallback, useMemo, useState } from 'react';
import type { DomainCode } from '../../../../shared/schemas/labels';
import { Field } from '../../components/field';
import { FormError } from '../../components/form-error';
import { useClient, useSession } from '../../services/client-context';
import { useDomains } from '../../services/domains';
import { useLoaded } from '../../hooks/use-loaded';
import { formatDuration } from '../../lib/duration';
import { requestService } from './request-service';
import { useRequestLabels } from './use-request-labels';

/** Sent, received, median times and overdue counts per state and domain: national admins their state, the secretariat all. */
export function StatisticsPage() {
  const client = useClient();
  const network = useSession()?.user.role === 'network-admin';
  const l = useRequestLabels();
  const domains = useDomains();
  const service = useMemo(() => requestService(client), [client]);
  const [state, setState] = useState('');
  const [domain, setDomain] = useState<DomainCode | ''>('');
  const { data, error } = useLoaded(
    useCallback(
      () => service.statistics({ ...(state === '' ? {} : { state }), ...(domain === '' ? {} : { domain }) }),
      [service, state, domain],
    ),
  );
  const ms = (value: number | null): string => (value === null ? '—' : formatDuration(value, l.language));
  return (
    <section className="requests-page" data-testid="request-statistics">
      <h2>{l.r('statistics.title')}</h2>
      <p className="hint">{l.r('statistics.intro')}</p>
      <div className="filters">
        {network && (
          <Field label={l.r('statistics.state')}>
            {(props) => (
              <select {...props} value={state} onChange={(e) => setState(e.target.value)}>
                <option value="">{l.r('statistics.all')}</option>
                {l.sortedStates().map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name[l.language]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={l.r('statistics.domain')}>
          {(props) => (
            <select {...props} value={domain} onChange={(e) => setDomain(e.target.value as DomainCode | '')}>
              <option value="">{l.r('statistics.all')}</option>
              {domains.map(({ code }) => (
                <option key={code} value={code}>
                  {l.domain(code)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormError error={error} />
      {data && data.rows.length === 0 && <p>{l.r('statistics.empty')}</p>}
      {data && data.rows.length > 0 && (
        <table className="request-table">
          <thead>
            <tr>
              <th>{l.r('statistics.state')}</th>
              <th>{l.r('statistics.domain')}</th>
              <th>{l.r('statistics.sent')}</th>
              <th>{l.r('statistics.received')}</th>
              <th>{l.r('statistics.medianAck')}</th>
              <th>{l.r('statistics.medianAnswer')}</th>
              <th>{l.r('statistics.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr
                key={`${row.state}/${row.domain}`}
                data-testid="statistics-row"
                data-state={row.state}
                data-domain={row.domain}
              >
                <td>{l.state(row.state)}</td>
                <td>{l.domain(row.domain)}</td>
                <td className="num" data-testid="sent">
                  {row.sent}
                </td>
                <td className="num" data-testid="received">
                  {row.received}
                </td>
                <td className="num">{ms(row.medianAcknowledgeMs)}</td>
                <td className="num">{ms(row.medianAnswerMs)}</td>
                <td className={`num${row.overdue > 0 ? ' overdue' : ''}`} data-testid="overdue">
                  {row.overdue}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && <p className="hint">{l.r('statistics.at', { time: l.date(data.at) })}</p>}
    </section>
  );
}
