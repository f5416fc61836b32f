import { expect } from 'chai';
import { REQUEST_ACTIONS, type RequestAction } from '../../../../shared/requests/header-fields.js';
import {
  allowedActions,
  deadlineFor,
  DEFAULT_DEADLINE_MS,
  nextStatus,
  REQUEST_STATUSES,
  reminderTimes,
  type RequestSide,
  type RequestStatus,
} from '../../../../shared/requests/lifecycle.js';

const HOUR = 3_600_000;

/** Every allowed (status, side, action) → next status; every other combination must be refused. */
const ALLOWED: readonly [RequestStatus, RequestSide, RequestAction, RequestStatus][] = [
  ['submitted', 'requested', 'acknowledge', 'acknowledged'],
  ['submitted', 'requested', 'request-clarification', 'clarification-requested'],
  ['acknowledged', 'requested', 'request-clarification', 'clarification-requested'],
  ['clarified', 'requested', 'request-clarification', 'clarification-requested'],
  ['clarification-requested', 'requester', 'clarify', 'clarified'],
  ['submitted', 'requested', 'answer', 'answered'],
  ['acknowledged', 'requested', 'answer', 'answered'],
  ['clarified', 'requested', 'answer', 'answered'],
  ['partially-answered', 'requested', 'answer', 'answered'],
  ['submitted', 'requested', 'answer-partially', 'partially-answered'],
  ['acknowledged', 'requested', 'answer-partially', 'partially-answered'],
  ['clarified', 'requested', 'answer-partially', 'partially-answered'],
  ['partially-answered', 'requested', 'answer-partially', 'partially-answered'],
  ['submitted', 'requested', 'decline', 'declined'],
  ['acknowledged', 'requested', 'decline', 'declined'],
  ['clarification-requested', 'requested', 'decline', 'declined'],
  ['clarified', 'requested', 'decline', 'declined'],
  ['answered', 'requester', 'close', 'closed'],
  ['partially-answered', 'requester', 'close', 'closed'],
  ['declined', 'requester', 'close', 'closed'],
  ['submitted', 'requester', 'withdraw', 'withdrawn'],
  ['acknowledged', 'requester', 'withdraw', 'withdrawn'],
  ['clarification-requested', 'requester', 'withdraw', 'withdrawn'],
  ['clarified', 'requester', 'withdraw', 'withdrawn'],
  ['partially-answered', 'requester', 'withdraw', 'withdrawn'],
];

describe('shared/requests/lifecycle', () => {
  it('allows exactly the listed transitions, for every status × side × action', () => {
    let refused = 0;
    for (const status of REQUEST_STATUSES) {
      for (const side of ['requester', 'requested'] as const) {
        for (const action of REQUEST_ACTIONS) {
          const row = ALLOWED.find(([s, d, a]) => s === status && d === side && a === action);
          const result = nextStatus(status, side, action);
          if (row) expect(result, `${status} ${side} ${action}`).to.deep.equal({ ok: true, to: row[3] });
          else {
            expect(result.ok, `${status} ${side} ${action}`).to.equal(false);
            refused++;
          }
        }
      }
    }
    expect(refused).to.equal(REQUEST_STATUSES.length * 2 * REQUEST_ACTIONS.length - ALLOWED.length);
  });

  it('says whether the side or the status is wrong', () => {
    expect(nextStatus('submitted', 'requester', 'answer')).to.include({ ok: false, reason: 'wrong-side' });
    expect(nextStatus('closed', 'requested', 'answer')).to.include({ ok: false, reason: 'wrong-status' });
    expect(nextStatus('withdrawn', 'requester', 'withdraw')).to.include({ ok: false, reason: 'wrong-status' });
  });

  it('lists the actions a side may take', () => {
    expect(allowedActions('submitted', 'requested')).to.have.members([
      'acknowledge',
      'request-clarification',
      'answer',
      'answer-partially',
      'decline',
    ]);
    expect(allowedActions('submitted', 'requester')).to.deep.equal(['withdraw']);
    expect(allowedActions('closed', 'requester')).to.deep.equal([]);
    expect(allowedActions('closed', 'requested')).to.deep.equal([]);
  });

  it("defaults deadlines by urgency and keeps a requester's date", () => {
    expect(DEFAULT_DEADLINE_MS).to.deep.equal({ urgent: 8 * HOUR, standard: 7 * 24 * HOUR, routine: 14 * 24 * HOUR });
    expect(deadlineFor(1_000, 'urgent')).to.equal(1_000 + 8 * HOUR);
    expect(deadlineFor(1_000, 'routine', 5_000)).to.equal(5_000);
  });

  it('reminds at three quarters of the time and one hour before the deadline', () => {
    expect(reminderTimes(0, 8 * HOUR)).to.deep.equal([6 * HOUR, 7 * HOUR]);
    expect(reminderTimes(0, 2 * HOUR)).to.deep.equal([HOUR, 1.5 * HOUR]);
    // Shorter than an hour: the "1 h before" reminder would fall before submission.
    expect(reminderTimes(0, 40 * 60_000)).to.deep.equal([30 * 60_000]);
    // Four hours: both fall at 3 h and are given once.
    expect(reminderTimes(0, 4 * HOUR)).to.deep.equal([3 * HOUR]);
  });
});
