import type { RequestCaseView } from '../../../../shared/schemas/requests';
import { deadlineState } from './deadline';
import { useNow } from '../../hooks/use-now';
import { useRequestLabels } from './use-request-labels';

/** Time left, or an overdue badge, for a case that still awaits an answer. */
export function DeadlineBadge({ request }: { request: RequestCaseView }) {
  const l = useRequestLabels();
  const now = useNow();
  const { tone, remainingMs } = deadlineState(request, now);
  const text =
    tone === 'done'
      ? request.overdue
        ? l.r('clock.doneLate')
        : l.r('clock.done')
      : tone === 'overdue'
        ? `${l.r('clock.overdueBadge')} · ${l.r('clock.overdue', { span: l.span(remainingMs) })}`
        : l.r('clock.left', { span: l.span(remainingMs) });
  return (
    <span
      className={`deadline-badge tone-${tone}`}
      data-testid="deadline"
      data-tone={tone}
      title={l.date(request.deadline)}
    >
      {text}
    </span>
  );
}

export function UrgencyBadge({ urgency }: { urgency: string }) {
  const l = useRequestLabels();
  return (
    <span className={`badge urgency-${urgency}`} data-testid="urgency">
      {l.urgency(urgency)}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const l = useRequestLabels();
  return (
    <span className={`badge request-status status-${status}`} data-testid="request-status" data-status={status}>
      {l.status(status)}
    </span>
  );
}
