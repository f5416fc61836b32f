import { useCallback, useMemo, useState } from 'react';
import type { RequestCaseView } from '../../../../shared/schemas/requests';
import { FormError } from '../../components/form-error';
import { Link } from '../../router/link';
import { useClient, useSession } from '../../services/client-context';
import { useLoaded } from '../../hooks/use-loaded';
import { normalizeReferenceQuery } from '../../../../shared/requests/case-reference';
import { Party } from './party';
import { ReferenceSearch } from './reference-search';
import { DeadlineBadge, StatusBadge, UrgencyBadge } from './deadline-badge';
import { requestService } from './request-service';
import { useRequestLabels } from './use-request-labels';
import { useRequestUpdates } from './use-request-updates';

type Box = 'inbox' | 'outbox';

/** Received or sent requests, newest first, with deadline clocks; live through the socket. */
export function RequestBoxPage({ box }: { box: Box }) {
  const client = useClient();
  const me = useSession()?.user.id;
  const l = useRequestLabels();
  const service = useMemo(() => requestService(client), [client]);
  // The reference searched for (as typed; the server normalizes it), undefined for the whole box.
  const [reference, setReference] = useState<string>();
  const { data, error, reload } = useLoaded(
    useCallback(() => service.list({ box, ...(reference ? { reference } : {}) }), [service, box, reference]),
  );
  // Live updates change the rows between loads; each load starts them afresh.
  const [rows, setRows] = useState<RequestCaseView[]>([]);
  const [rowsOf, setRowsOf] = useState(data);
  if (rowsOf !== data) {
    setRowsOf(data);
    setRows(data ?? []);
  }
  const [notice, setNotice] = useState<string>();
  const connected = useRequestUpdates({
    updated: (request) => {
      const mine =
        box === 'inbox'
          ? request.requested.userId === me || (request.deputies ?? []).some((d) => d.userId === me)
          : request.requester.userId === me;
      if (!mine || (reference && !request.reference.startsWith(normalizeReferenceQuery(reference)))) return;
      setRows((current) =>
        [request, ...current.filter((c) => c.id !== request.id)].sort((a, b) =>
          b.submittedAt.localeCompare(a.submittedAt),
        ),
      );
    },
    reminder: ({ case: request, remainingMs }) =>
      setNotice(
        l.r('live.reminder', {
          reference: request.reference,
          kind: l.kind(request.kind),
          state: l.state(request.requester.state),
          span: l.span(remainingMs),
        }),
      ),
    overdue: ({ case: request }) => {
      setNotice(
        l.r('live.overdue', {
          reference: request.reference,
          kind: l.kind(request.kind),
          state: l.state(request.requester.state),
        }),
      );
      reload();
    },
    resync: reload,
  });
  return (
    <section className="requests-page" data-testid={`request-box-${box}`}>
      <h2>{l.r('box.title')}</h2>
      <nav className="request-tabs" aria-label={l.r('box.title')}>
        <Link to="/requests" aria-current={box === 'inbox' ? 'page' : undefined}>
          {l.r('box.inbox')}
        </Link>
        <Link to="/requests/sent" aria-current={box === 'outbox' ? 'page' : undefined}>
          {l.r('box.outbox')}
        </Link>
        <Link to="/requests/new" className="button">
          {l.r('box.compose')}
        </Link>
        <span className={`live-state ${connected ? 'on' : 'off'}`} data-testid="live-state" data-connected={connected}>
          {connected ? l.r('box.live') : l.r('box.offline')}
        </span>
      </nav>
      <ReferenceSearch reference={reference} onSearch={setReference} />
      {notice && (
        <p className="card warning" role="status" data-testid="request-notice">
          {notice}
        </p>
      )}
      <FormError error={error} />
      {data && rows.length === 0 && (
        <p role="status">{reference ? l.r('box.noMatch', { reference }) : l.r('box.empty')}</p>
      )}
      {rows.length > 0 && (
        <table className="request-table">
          <thead>
            <tr>
              <th>{l.r('table.reference')}</th>
              <th>{l.r('table.kind')}</th>
              <th>{l.r('table.counterpart')}</th>
              <th>{l.r('table.urgency')}</th>
              <th>{l.r('table.status')}</th>
              <th>{l.r('table.deadline')}</th>
              <th>{l.r('table.submitted')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((request) => (
              <tr key={request.id} data-testid="request-row" data-id={request.id} data-status={request.status}>
                <td className="case-ref" data-testid="request-reference">
                  <Link to={`/requests/${request.id}`}>{request.reference}</Link>
                </td>
                <td>{l.kind(request.kind)}</td>
                <td>
                  <Party party={box === 'inbox' ? request.requester : request.requested} />
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
                <td>{l.date(request.submittedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
