import { AWAITING_ANSWER, type RequestStatus } from '../../../../shared/requests/lifecycle';

export type DeadlineTone = 'done' | 'ok' | 'soon' | 'overdue';

export interface DeadlineState {
  tone: DeadlineTone;
  /** ms until the deadline; negative once it has passed. */
  remainingMs: number;
}

/**
 * Where a case stands against its deadline at `now` (all ms since the epoch): 'done' once the
 * requested side no longer owes an answer, 'overdue' past the deadline (or flagged by the
 * server), 'soon' in the last quarter of the time (when the first reminder goes), else 'ok'.
 */
export function deadlineState(
  c: { status: RequestStatus; submittedAt: string; deadline: string; overdue: boolean },
  now: number,
): DeadlineState {
  const deadline = Date.parse(c.deadline);
  const submitted = Date.parse(c.submittedAt);
  const remainingMs = deadline - now;
  if (!AWAITING_ANSWER.includes(c.status)) return { tone: 'done', remainingMs };
  if (remainingMs <= 0 || c.overdue) return { tone: 'overdue', remainingMs };
  const soon = remainingMs <= (deadline - submitted) / 4;
  return { tone: soon ? 'soon' : 'ok', remainingMs };
}

/** "2 d 3 h", "5 h 10 min", "12 min", "< 1 min": the largest two units of a positive or negative span. */
export function formatSpan(ms: number, units: { d: string; h: string; min: string; lessThanMinute: string }): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 1) return units.lessThanMinute;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} ${units.d} ${hours} ${units.h}` : `${days} ${units.d}`;
  if (hours > 0) return mins > 0 ? `${hours} ${units.h} ${mins} ${units.min}` : `${hours} ${units.h}`;
  return `${mins} ${units.min}`;
}
