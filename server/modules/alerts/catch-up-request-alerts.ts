import type { Alert } from '../../../shared/schemas/alerts.js';
import { peopleLookup } from '../requests/case-people.js';
import { toCaseView } from '../requests/case-view.js';
import type { RequestsDeps } from '../requests/requests-deps.js';
import { requestOverdueAlert, requestUpdatedAlert } from './alerts-from-events.js';

/** How far back the sweep looks: longer than a node takes to die and another to sweep. */
export const CATCH_UP_WINDOW_MS = 15 * 60_000;

/**
 * An alert is raised just after its event is stored; a node that stops in between loses it. So
 * the sweep raises the alerts of recent arrivals not yet acknowledged and of recent overdue flags
 * again: an alert is queued once per channel, so raising it again repeats nothing.
 */
export async function catchUpRequestAlerts(
  deps: Pick<RequestsDeps, 'cases' | 'users' | 'index' | 'clock'>,
  raise: (alert: Alert | undefined) => Promise<void>,
): Promise<number> {
  const since = deps.clock.now().getTime() - CATCH_UP_WINDOW_MS;
  const recent = (await deps.cases.awaiting(1_000)).filter(
    (c) =>
      (c.status === 'submitted' && c.submittedAt.getTime() >= since) ||
      (c.overdueAt !== null && c.overdueAt.getTime() >= since),
  );
  if (recent.length === 0) return 0;
  const people = await peopleLookup(deps.index);
  let raised = 0;
  for (const c of recent) {
    const view = toCaseView(c, people);
    if (c.status === 'submitted' && c.submittedAt.getTime() >= since) {
      await raise(requestUpdatedAlert(c.requestedId, view, c.requesterId, c.submittedAt));
      raised++;
    }
    if (c.overdueAt !== null && c.overdueAt.getTime() >= since) {
      const admins = await deps.users.list({ state: c.requestedState, role: 'national-admin', status: 'active' });
      for (const userId of [c.requestedId, ...admins.map((admin) => admin.id)]) {
        await raise(requestOverdueAlert(userId, view, c.overdueAt));
        raised++;
      }
    }
  }
  return raised;
}
