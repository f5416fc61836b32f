import type { RequestAction } from './header-fields.js';
import type { Urgency } from './header-fields.js';

/**
 * The lifecycle of one request case (one requester, one requested focal point), as a pure
 * function, shared by the server (enforcement) and the client (which actions to offer):
 *
 *   submitted → acknowledged → (clarification-requested ⇄ clarified)
 *     → answered | partially-answered | declined → closed; withdrawn by the requester.
 */
export const REQUEST_STATUSES = [
  'submitted',
  'acknowledged',
  'clarification-requested',
  'clarified',
  'answered',
  'partially-answered',
  'declined',
  'closed',
  'withdrawn',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Who acts on a case: the focal point who sent the request, or the one it is addressed to. */
export type RequestSide = 'requester' | 'requested';

/** Statuses where the requested side still owes an answer: the deadline runs. */
export const AWAITING_ANSWER: readonly RequestStatus[] = [
  'submitted',
  'acknowledged',
  'clarification-requested',
  'clarified',
];
/** Statuses in which nothing more can happen. */
export const FINAL_STATUSES: readonly RequestStatus[] = ['closed', 'withdrawn'];

interface Rule {
  side: RequestSide;
  from: readonly RequestStatus[];
  to: RequestStatus;
}

const ANSWERABLE: readonly RequestStatus[] = ['submitted', 'acknowledged', 'clarified', 'partially-answered'];

/** Every allowed transition; anything else is refused. */
export const TRANSITIONS: Readonly<Record<RequestAction, Rule>> = {
  acknowledge: { side: 'requested', from: ['submitted'], to: 'acknowledged' },
  'request-clarification': {
    side: 'requested',
    from: ['submitted', 'acknowledged', 'clarified'],
    to: 'clarification-requested',
  },
  clarify: { side: 'requester', from: ['clarification-requested'], to: 'clarified' },
  // A partial answer may be completed later by a full (or another partial) answer.
  answer: { side: 'requested', from: ANSWERABLE, to: 'answered' },
  'answer-partially': { side: 'requested', from: ANSWERABLE, to: 'partially-answered' },
  decline: {
    side: 'requested',
    from: ['submitted', 'acknowledged', 'clarification-requested', 'clarified'],
    to: 'declined',
  },
  close: { side: 'requester', from: ['answered', 'partially-answered', 'declined'], to: 'closed' },
  withdraw: {
    side: 'requester',
    from: ['submitted', 'acknowledged', 'clarification-requested', 'clarified', 'partially-answered'],
    to: 'withdrawn',
  },
};

export type TransitionResult =
  { ok: true; to: RequestStatus } | { ok: false; reason: 'wrong-side' | 'wrong-status'; message: string };

/** The status after `side` does `action` in `status`, or why it may not. */
export function nextStatus(status: RequestStatus, side: RequestSide, action: RequestAction): TransitionResult {
  const rule = TRANSITIONS[action];
  if (rule.side !== side) {
    return {
      ok: false,
      reason: 'wrong-side',
      message: `only the ${rule.side === 'requester' ? 'requesting' : 'requested'} focal point may ${action} a request`,
    };
  }
  if (!rule.from.includes(status))
    return {
      ok: false,
      reason: 'wrong-status',
      message: `a request that is ${status} cannot be given the action ${action}`,
    };
  return { ok: true, to: rule.to };
}

/** The actions `side` may take now (for showing buttons). */
export function allowedActions(status: RequestStatus, side: RequestSide): RequestAction[] {
  return (Object.keys(TRANSITIONS) as RequestAction[]).filter((action) => nextStatus(status, side, action).ok);
}

export const isAnswer = (action: RequestAction): boolean => action === 'answer' || action === 'answer-partially';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Default answer deadlines after submission. */
export const DEFAULT_DEADLINE_MS: Readonly<Record<Urgency, number>> = {
  urgent: 8 * HOUR_MS,
  standard: 7 * DAY_MS,
  routine: 14 * DAY_MS,
};

/** The deadline of a request submitted at `submittedAt` (ms): the requester's date or the default. */
export function deadlineFor(submittedAt: number, urgency: Urgency, requested?: number): number {
  return requested ?? submittedAt + DEFAULT_DEADLINE_MS[urgency];
}

/**
 * Reminder times before a deadline: when three quarters of the time have passed, and one hour
 * before (urgent 8 h: at 6 h and at 7 h; 7 days: at 5¼ days and 1 h before). A reminder that
 * would fall before submission or duplicate another is dropped.
 */
export function reminderTimes(submittedAt: number, deadline: number): number[] {
  const span = deadline - submittedAt;
  const times = [submittedAt + Math.floor(span * 0.75), deadline - HOUR_MS].filter(
    (t) => t > submittedAt && t < deadline,
  );
  return [...new Set(times)].sort((a, b) => a - b);
}
