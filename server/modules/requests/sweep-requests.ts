import { reminderTimes } from '../../../shared/requests/lifecycle.js';
import type { RequestCase } from './ports.js';
import { peopleLookup } from './case-people.js';
import { toCaseView } from './case-view.js';
import { loadCase } from './load-case.js';
import { notifyParties } from './request-hook.js';
import type { RequestsDeps } from './requests-deps.js';

export const REQUEST_SWEEP_INTERVAL_MS = 60_000;
const BATCH = 1_000;

/**
 * Deadlines of requests still awaiting an answer: reminders to the requested focal point
 * (see `reminderTimes`), then, past the deadline, the overdue flag, told to the requested
 * focal point, their state's national admins and (as an update) the requester. Each reminder
 * and each flag is claimed once, so several nodes sweeping at once notify once.
 */
export async function sweepRequests(deps: RequestsDeps): Promise<{ reminded: number; flagged: number }> {
  const now = deps.clock.now();
  let reminded = 0;
  let flagged = 0;
  for (const candidate of await deps.cases.awaiting(BATCH)) {
    const current = await loadCase(deps.cases, candidate.id);
    if (!current?.awaiting) continue;
    if (now.getTime() >= current.deadline.getTime()) {
      if (!current.overdue && (await flagOverdue(deps, current, now))) flagged++;
      continue;
    }
    const due = reminderTimes(current.submittedAt.getTime(), current.deadline.getTime()).filter(
      (t) => t <= now.getTime(),
    ).length;
    if (due > current.remindersSent && (await deps.claims.claim(`request:${current.id}:reminder:${due}`, now))) {
      await deps.cases.setRemindersSent(current.id, due);
      deps.notifier.reminder(current.requestedId, {
        case: toCaseView({ ...current, remindersSent: due }, await peopleLookup(deps.index)),
        remainingMs: current.deadline.getTime() - now.getTime(),
      });
      reminded++;
    }
  }
  return { reminded, flagged };
}

async function flagOverdue(deps: RequestsDeps, current: RequestCase, now: Date): Promise<boolean> {
  if (!(await deps.claims.claim(`request:${current.id}:overdue`, now))) return false;
  await deps.cases.setOverdue(current.id, now);
  const flagged = { ...current, overdue: true, overdueAt: now };
  await deps.audit.append({
    type: 'request.overdue',
    actorId: null,
    state: current.requestedState,
    subjectId: current.id,
    data: {
      kind: current.kind,
      domain: current.domain,
      requesterState: current.requesterState,
      deadline: current.deadline.toISOString(),
    },
  });
  const admins = await deps.users.list({ state: current.requestedState, role: 'national-admin', status: 'active' });
  const event = { case: toCaseView(flagged, await peopleLookup(deps.index)) };
  for (const userId of [current.requestedId, ...admins.map((admin) => admin.id)]) deps.notifier.overdue(userId, event);
  await notifyParties(deps, flagged, null);
  return true;
}
