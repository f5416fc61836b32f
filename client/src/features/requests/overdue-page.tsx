import { useCallback, useMemo } from 'react';
import { FormError } from '../../components/form-error';
import { Link } from '../../router/link';
import { useClient } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';
import { DeadlineBadge, StatusBadge, UrgencyBadge } from './deadline-badge';
import { Party } from './party';
import { requestService } from './request-service';
import { useRequestLabels } from './use-request-labels';
import { useRequestUpdates } from './use-request-updates';

/** National admins: requests to their state's focal points that went past the deadline unanswered (metadata only). */
export function OverduePage() {
  const client = useClient();
  const l = useRequestLabels();
  const service = useMemo(() => requestService(client), [client]);
  const { data, error, reload } = useLoaded(useCallback(() => service.overdue(), [service]));
  useRequestUpdates({ overdue: () => reload(), resync: () => reload() });
  return (
    <section className="requests-page" data-testid="overdue-requests">
      <h2>{l.r('overdue.title')}</h2>
      <p className="hint">{l.r('overdue.intro')}</p>
      <FormError error={error} />
      {data && data.length === 0 && <p>{l.r('overdue.empty')}</p>}
      {data && data.length > 0 && (
        <table className="request-table">
          <thead>
            <tr>
              <th>{l.r('table.reference')}</th>
              <th>{l.r('table.kind')}</th>
              <th>{l.r('table.counterpart')}</th>
              <th>{l.r('overdue.requested')}</th>
              <th>{l.r('table.urgency')}</th>
              <th>{l.r('table.status')}</th>
              <th>{l.r('table.deadline')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((request) => (
              <tr key={request.id} data-testid="overdue-row" data-id={request.id}>
                <td className="case-ref" data-testid="request-reference">
                  <Link to={`/requests/${request.id}`}>{request.reference}</Link>
                </td>
                <td>{l.kind(request.kind)}</td>
                <td>
                  <Party party={request.requester} />
                </td>
                <td>
                  <Party party={request.requested} />
                </td>
                <td>
                  <UrgencyBadge urgency={request.urgency} />
                </td>
                <td>
                  <StatusBadge status={request.status} />
                </td>
                <td>
                  <DeadlineBadge request={request} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
